/**
 * The generated crash corpus: every number spelling placed in every query context. A context is a
 * MetricsQL query with `X` where the spelling goes; the positions, escapes, comments and templates
 * it covers are what a scan of the query must read through to find (or rightly miss) a duration.
 */

/** One generated query and the two classes it came from. */
export interface CorpusQuery {
  query: string;
  /** The context's class, e.g. `range`, `offset`, `string`. */
  context: string;
  /** The spelling's class, e.g. `size`, `leading_dot`, `exponent`. */
  spelling: string;
}

/** Number and duration spellings by class. */
export const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  duration: ['5m', '5s', '5h', '5d', '5w', '5y', '5ms', '5i', '1h5m', '1h-5m', '1.5m', '0.5m', '5.m', '90s'],
  duration_upper: ['5M', '5S', '5H', '5D', '5W', '5Y', '5MS', '5Ms', '5mS', '5I'],
  size: [
    '5k', '5K', '5ki', '5Ki', '5KI', '5kb', '5KB', '5kib', '5KiB', '5mi', '5Mi', '5MI', '5mb', '5MB', '5mib', '5MiB',
    '5g', '5G', '5gi', '5Gi', '5gb', '5GB', '5gib', '5GiB', '5t', '5T', '5ti', '5Ti', '5tb', '5TB', '5tib', '5TiB',
  ],
  leading_dot: ['.5', '.5m', '.5M', '.0m', '.5k', '.5e3', '.5e3m', '.5s', '.5Mi'],
  trailing_dot: ['5.', '5.M', '5.k', '5.e3', '5.e3m', '5.Gi'],
  exponent: ['1e3', '1E3', '1e3m', '1E3M', '1e+3m', '1e-3m', '1e3k', '1e2K', '1e3s', '1e3ms', '1.5e3m', '1e3Mi', '1e', '1e+'],
  underscore: ['5_000', '5_000M', '1_0m', '1_000s', '5_0', '1_0', '1_0k', '1__0m'],
  special_integer: ['0x10', '0X1F', '0x1_0', '0xffm', '0b101', '0B11', '0o17', '0O17', '010', '08', '0x', '0b2', '0xg', '0x10M'],
  plain: ['5', '300', '0', '1.5', '60.0'],
  inf_nan: ['Inf', 'NaN', 'inf'],
  unicode_digit: ['٥m', '５m', '5ｍ', '٥'],
  space_between: ['5 m', '5 M', '1e 3m', '0x 10', '. 5m', '1 h', '5 k', '5\tM', '1h 5M'],
  mixed: ['5M30s', '1h5M', '5m1M', '1h-5M', '5m5M', '1h5k', '5Mm'],
  escaped: ['5\\M', '\\5M', '5\\x4d'],
  negative: ['-5m', '-5M', '- 5M', '-.5m', '-1e3m'],
  edge: ['1h-m', '5m-s', '1h-.5m', '1h-ms', '300000000y', '200000000y', '1e400', '1e-400', '99999999999999999999', '0x8000000000000000', '0x7fffffffffffffff'],
};

/** Query contexts by class; `X` marks where the spelling goes. */
export const CONTEXTS: Readonly<Record<string, readonly string[]>> = {
  range: ['rate(up[X])', 'up[X]', 'rate(up[ X ])', 'rate(up[X:1m])', 'up[X:]', 'rate({__name__="up"}[X])', "rate(up{job='a'}[X])", 'sum_over_time(up[X])'],
  subquery_step: ['up[1h:X]', 'up[1h: X]', 'up[1h :X]', 'up[:X]', 'up[ : X]', 'max_over_time(up[5m:X])'],
  step_only: ['sum(up[:X])', 'rate(up[:X])', 'abs(up[:X])', 'up{a="b"}[:X]', 'rate(up{a="b"}[:X])', '1 + up[:X]', 'rate(1 + up[:X])',
    'rate((up[:X]))', 'rate(up[:X] + 1)', 'rate(abs(up[:X]))',
  ],
  offset: [
    'up offset X', 'up OFFSET X', 'up offset -X', 'up offset - X', 'rate(up[5m] offset X)', 'rate(up[5m]) offset X',
    'rate(up[5m] @ end() offset X)', 'offset offset X', 'up[5m:1m] offset X',
  ],
  at: ['up @ X', 'rate(up[5m] @ X)', 'rate(up[X] @ end())'],
  paren_subquery: ['(up)[X]', '(up + 1)[X:1m]', 'rate(up)[X]', '(rate(up[5m]))[1h:X]'],
  function_arg: [
    'quantile_over_time(0.5, up[X])', 'histogram_quantile(0.9, sum by (le) (rate(up[X])))', 'sum(rate(up[X])) by (job)',
    'clamp_max(up, X)', 'topk(X, up)', 'label_set(rate(up[X]), "a", "b")',
  ],
  with: [
    'WITH (f(m) = rate(m[X])) f(up)', 'WITH (t = up[X]) sum_over_time(t)', 'WITH (w = X) rate(up[w])', 'with (x = up offset X) x',
    'WITH (f(m) = rate(m[X])) 1', 'WITH (a = rate(up[X]), b = a) b', 'WITH (a = rate(up[X]), b = a) 1',
    'WITH (f(m) = m[X]) rate(f(up))',
  ],
  string: [
    'label_set(vector(1), "x", "[X]")', 'up{a="[X]"}', "up{a='offset X'}", 'up{a=`[X]`}', 'up{a="\\"[X]"}',
    'label_set(up, "a\\\\", "b")[X]', "label_set(up, 'a\\\\', 'offset X')", 'label_set(up, "a\\\\") offset X',
  ],
  escaped_ident: ['rate(up\\\\[X])', 'up\\\\ offset X', 'rate(up\\[X])', 'rate(a\\.b[X])', 'rate(up\\ [X])'],
  comment: ['rate(up[X]) # c', '# c\nrate(up[X])', 'rate(up[ # c\nX])', '# [X]\nup', 'up # offset X'],
  identifier: ['rate(a.b:c[X])', 'rate(job:up:rate5m[X])', 'rate(up:[X])', 'sum_over_time(foo.bar[X])'],
  number_position: ['up > X', 'rate(up[5m]) + X', 'X', '-X', 'up @ -X', 'up offset 5m X'],
  malformed: ['rate(up[X)', 'up offset X X', 'rate(up[X]'],
  grouping: ['up + on() offset offset X', 'up and on(job) group_left() up[1h :X]', 'sum(up) by (job) offset X', 'sum by (job) (up[1h:X])'],
};

/** Wrappers for composed queries; `Q` is a generated query, `R` another one. */
export const WRAPPERS: readonly string[] = [
  'sum(Q) by (job)', 'Q + R', '(Q)', 'abs(Q)', 'WITH (t = Q) t', 'WITH (t = Q) 1', 'label_set(Q, "a", "b")', 'Q or vector(0)',
  'Q offset 5m', '-Q', 'Q @ 100', 'sort(Q)', 'histogram_quantile(0.9, Q)', 'Q > bool 1', '# c\nQ', 'Q # [5M]', '  Q  ',
  'WITH (f(m) = Q) f(up)', 'count_over_time((Q)[1h:])', 'Q and on() R', 'max_over_time((Q)[5m:1m])', 'WITH (a = Q, b = a) b',
];

/** A fixed pseudo-random sequence (the corpus must be the same at every run). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` queries, each a generated query (and for `R` another) placed in a wrapper; `seed` picks the sequence. */
export function composedCorpus(base: readonly CorpusQuery[], count: number, seed = 19): CorpusQuery[] {
  const next = sequence(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: CorpusQuery[] = [];
  for (let i = 0; i < count; i++) {
    const inner = pick(base);
    const wrapper = pick(WRAPPERS);
    out.push({ query: wrapper.replace('Q', inner.query).replace('R', pick(base).query), context: 'composed', spelling: inner.spelling });
  }
  return out;
}

/** Every spelling in every context, in a fixed order, then 3,000 composed ones (the corpus is reproducible). */
export function generateCorpus(): CorpusQuery[] {
  const base = baseCorpus();
  return [...base, ...composedCorpus(base, 3000)];
}

/** Every spelling in every context, in a fixed order. */
export function baseCorpus(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  for (const [context, templates] of Object.entries(CONTEXTS)) {
    for (const template of templates) {
      for (const [spelling, texts] of Object.entries(SPELLINGS)) {
        for (const text of texts) out.push({ query: template.replaceAll('X', text), context, spelling });
      }
    }
  }
  return out;
}
