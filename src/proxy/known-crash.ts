/**
 * Finds, in a MetricsQL query, text in a duration position that crashes VictoriaMetrics 1.79.5:
 * its parser accepts there any positive number (`5M` is 5e6, `.5m` is 0.5e6, `0x10`, and after a
 * subquery colon whatever follows in the same identifier, `1e3m`, `5_000M`), and its evaluator
 * then panics reading the same text as a duration ("cannot parse duration"). The usual case is
 * `5M` meant as five minutes: in MetricsQL `M` is the suffix of 1e6, and minutes are `m`.
 *
 * The same panic comes from a duration as an expression (`up > 1h-m`, `300000000y`), and another
 * from the optimizer, which prints a query with a binary operator and parses the copy: a subquery
 * step with a negative part written apart from its colon (`up[1h: 1h-5m] + 1`) does not parse back.
 *
 * The scan lexes the query as that version does (src/proxy/metricsql-lexer.ts) and reads each
 * range, subquery window and step, and offset value as its parser does, and a selector's step
 * only where the evaluator reads it. The evaluator only runs on a query that parses, so a query
 * the lexer refuses, with unbalanced brackets, or with a bracket, offset value or number the
 * parser refuses, cannot crash it and passes; a crashing text inside a `WITH` template counts
 * only when the template is used (one used only through a chain of templates longer than a bound,
 * or when deciding would take more steps than a bound linear in the query's length, counts as used).
 */
import { lex } from './metricsql-lexer.ts';
import { crashesAsDuration, evaluatesAsDuration, isPositiveDuration, parsesAsNumber } from './metricsql-duration.ts';
import { ROLLUP_FUNCTIONS } from './metricsql-rollup-functions.ts';
import { BINARY_OP_SYMBOLS, BINARY_OP_WORDS, GROUPING_WORDS, MAX_USE_DEPTH, Scan, firstAfter, matchBrackets } from './metricsql-structure.ts';

/** A crashing duration found in a query. */
export interface KnownCrash {
  /** The offending text as written, e.g. `5M`. */
  text: string;
  /** Character offset of `text` in the query. */
  index: number;
}

/** Whether `text` is accepted as a duration by 1.79.5's parser but crashes its evaluator. */
export const isCrashingDuration = crashesAsDuration;

/**
 * What every crashing text contains, so most queries need no lexing: a size multiplier after a
 * digit or dot (`5M`, `5k`, `5mi`), a 0x/0o/0b prefix, an exponent, an underscore between digits,
 * a leading dot (`.5m`), a duration part after `-` that may lack its number (`1h-m`), or nine
 * digits in a row (a duration over 292 years).
 */
const MAYBE_CRASHING = /[0-9.][kKgGtTM]|[0-9.]m[iIbB]|0[xXoObB]|[0-9.][eE][+-]?[0-9]|[0-9]_[0-9]|(?<![0-9])\.[0-9]|[smhdwyi]-|[0-9]{9}/;

type Verdict = KnownCrash | 'parse_error' | undefined;

/** A duration text at `at` (its text starting `skip` characters in): its crash, or whether it parses. */
function durationAt(scan: Scan, at: number, skip = 0, negative = false): Verdict | 'ok' {
  const kind = scan.tokens.kind(at);
  if (kind !== 'number' && kind !== 'duration' && !(kind === 'ident' && skip > 0)) return 'parse_error';
  scan.durationValues.add(at);
  const text = scan.text(at)!.slice(skip);
  if (crashesAsDuration(text, negative)) return { text, index: scan.tokens.start(at) + skip };
  // The parser takes only a duration or a number here; anything else fails the whole query.
  return isPositiveDuration(text) || parsesAsNumber(text) ? 'ok' : 'parse_error';
}

/** The bracket at `open`: `[window]`, `[window:step]`, `[:step]`, `[window:]`, read as the parser does. */
function checkBracket(scan: Scan, open: number): Verdict {
  if (!scan.endsExpression(open - 1) || scan.tokens.is(open - 1, ']')) return 'parse_error';
  const close = scan.match[open]!;
  let at = open + 1;
  let windowCrash: KnownCrash | undefined;
  let stepCrash: KnownCrash | undefined;
  const colon = (i: number) => scan.tokens.kind(i) === 'ident' && scan.text(i)!.startsWith(':');
  const windowed = !colon(at);
  if (windowed) {
    const verdict = durationAt(scan, at++);
    if (verdict === 'parse_error') return 'parse_error';
    if (verdict !== 'ok') windowCrash = verdict;
  }
  if (colon(at)) {
    const alone = scan.text(at) === ':';
    const step = alone ? at + 1 : at;
    at = alone ? at + 1 : at;
    if (step !== close) {
      const verdict = alone ? durationAt(scan, step) : durationAt(scan, step, 1);
      if (verdict === 'parse_error') return 'parse_error';
      if (verdict !== 'ok') stepCrash = verdict;
      // Printed back as `[w:1h-5m]`, the step is glued to the colon and stops at `-`: the copy
      // the optimizer parses again (any query with a binary operator) fails, and that panics.
      if (alone && scan.text(step)!.includes('-')) scan.reparse ??= { text: scan.text(step)!, index: scan.tokens.start(step), at: step };
      at = step + 1;
    }
  }
  if (at !== close) return 'parse_error';
  const found = windowCrash ?? (stepCrash && stepEvaluated(scan, open, windowed) ? stepCrash : undefined);
  return found && scan.mayFollowRollup(close + 1, true) ? found : undefined;
}

/**
 * Whether the step of the bracket at `open` is evaluated: always after an expression (a
 * subquery); after a bare metric selector (`up[1h:5M]`, `up{a="b"}[:5M]`) only where the
 * evaluator reads it as a subquery: as a rollup function's own argument, or, with a window, as the
 * whole query. Elsewhere the selector is read with its window alone.
 */
function stepEvaluated(scan: Scan, open: number, windowed: boolean): boolean {
  let start = open - 1;
  if (scan.tokens.is(start, '}')) {
    start = scan.match[start]!;
    if (scan.tokens.kind(start - 1) === 'ident') start--;
  } else if (scan.tokens.kind(start) !== 'ident') return true;
  return readAsSubquery(scan, start, scan.match[open]! + 1, windowed, 0);
}

/** Whether the selector rollup from token `start` to before `after` is read as a subquery where it stands. */
function readAsSubquery(scan: Scan, start: number, after: number, windowed: boolean, depth: number): boolean {
  let paren = scan.parent[start]!;
  // Parentheses around it alone are dropped by the parser: `rate((up[:5M]))` is `rate(up[:5M])`.
  while (paren === start - 1 && scan.match[paren] === after && scan.tokens.kind(paren - 1) !== 'ident') {
    start = paren;
    after++;
    paren = scan.parent[start]!;
  }
  // The expression of an outer subquery, `(up[1h:5M])[5m:1m]`, is read as an expression.
  if (scan.tokens.is(after, '[')) return false;
  const template = scan.innermost[start];
  if (template !== undefined && paren === scan.parent[template.from]) {
    // At the top of a template's body: judged where the template is used if it is the body; an
    // operand in the body (`1 + up[:5M]`) is read as the selector.
    if (start !== template.body) return false;
    if (depth > MAX_USE_DEPTH) return true;
    const uses = scan.uses.get(template.name) ?? [];
    for (let k = firstAfter(uses, template.to); k < uses.length && uses[k]! <= template.scopeEnd; k++) {
      const use = uses[k]!;
      const end = scan.tokens.is(use + 1, '(') ? scan.match[use + 1]! + 1 : use + 1; // `f(up)`
      if (++scan.steps > scan.budget || readAsSubquery(scan, use, end, windowed, depth + 1)) return true;
    }
    return false;
  }
  if (paren === -1) {
    if (!windowed) return false;
    const first = start === 0 || scan.withCloses.has(start - 1);
    return first && (scan.tokens.kind(after) === undefined || scan.tokens.is(after, '@') || scan.word(after) === 'offset');
  }
  if (!(scan.tokens.kind(paren - 1) === 'ident' && ROLLUP_FUNCTIONS.has(scan.text(paren - 1)!.toLowerCase()))) return false;
  // Only the rollup function's own argument; an operand of `+` inside it is read as the selector.
  if (!scan.tokens.is(start - 1, '(') && !scan.tokens.is(start - 1, ',')) return false;
  return !(BINARY_OP_SYMBOLS.has(scan.text(after) ?? '') || BINARY_OP_WORDS.has(scan.word(after)));
}

/** A number as an expression: one the parser cannot read (`1e400`, `08`, `0x`) fails the whole query. */
function checkNumber(scan: Scan, at: number): Verdict {
  return parsesAsNumber(scan.text(at)!) ? undefined : 'parse_error';
}

/**
 * Whether the number or duration at `at` follows another, or is followed by a name that is no
 * operator (`offset 5m 5T`, `1h 5M`, `5M s`): the parser refuses both.
 */
function adjacentOperands(scan: Scan, at: number): boolean {
  const kind = scan.tokens.kind(at);
  if (kind !== 'number' && kind !== 'duration') return false;
  const next = scan.tokens.kind(at + 1);
  if (next === 'number' || next === 'duration') return true;
  if (next !== 'ident' || scan.text(at + 1)!.startsWith(':')) return false; // `[5m:1m]`: the step glued to its colon
  return !BINARY_OP_WORDS.has(scan.word(at + 1)) && scan.word(at + 1) !== 'offset';
}

/** Whether token `at` is `group_left` or `group_right` after `and on(...)` (or `or`, `unless`): the parser refuses it. */
function joinOnSetOperator(scan: Scan, at: number): boolean {
  const word = scan.word(at);
  if (word !== 'group_left' && word !== 'group_right') return false;
  const list = scan.tokens.is(at - 1, ')') ? scan.match[at - 1]! : -1;
  const operator = scan.word(list - 2);
  return list > 1 && GROUPING_WORDS.has(scan.word(list - 1)) && (operator === 'and' || operator === 'or' || operator === 'unless');
}

/** Whether the query has an evaluated binary operator (unary minus included): the optimizer then parses a printed copy of it. */
function hasBinaryOperator(scan: Scan): boolean {
  for (let i = 0; i < scan.tokens.count; i++) {
    const kind = scan.tokens.kind(i);
    let operator = false;
    if (kind === 'other' && BINARY_OP_SYMBOLS.has(scan.text(i)!)) {
      const afterOffset = scan.word(i - 1) === 'offset' && scan.notEnding.has(i - 1);
      const unaryPlus = scan.tokens.is(i, '+') && !scan.endsExpression(i - 1) && !scan.durationValues.has(i - 1);
      operator = !afterOffset && !unaryPlus;
    } else if (kind === 'ident' && BINARY_OP_WORDS.has(scan.word(i))) {
      operator = scan.endsExpression(i - 1) || scan.durationValues.has(i - 1);
    }
    if (operator && scan.isEvaluated(i)) return true;
  }
  return false;
}

/** The `offset` keyword at `at` and its value, `-` allowed. */
function checkOffset(scan: Scan, at: number): Verdict {
  const negative = scan.tokens.is(at + 1, '-');
  const value = negative ? at + 2 : at + 1;
  scan.notEnding.add(at);
  const verdict = durationAt(scan, value, 0, negative);
  // After an expression `offset` is the keyword, so a value it cannot take fails the whole query.
  if (verdict === 'parse_error') return 'parse_error';
  if (verdict === undefined) return undefined;
  scan.notEnding.add(value);
  if (verdict === 'ok') return undefined;
  return scan.mayFollowRollup(value + 1, false) ? verdict : undefined;
}

/** A duration as an expression (`up > 5m`, `@ 1h`): evaluated as one, it crashes when its parts do not read (`1h-m`) or it is too long. */
function checkDurationExpression(scan: Scan, at: number): Verdict {
  // Right after a complete expression or an offset value it is a parse error, not an expression.
  if (scan.endsExpression(at - 1) || scan.durationValues.has(at - 1)) return undefined;
  const text = scan.text(at)!;
  return evaluatesAsDuration(text) ? undefined : { text, index: scan.tokens.start(at) };
}

/** What a scan took, for the tests that hold it linear. */
export interface ScanStats {
  /** Loop steps over tokens, templates and uses (lexing is one pass over the characters). */
  steps: number;
}

/**
 * Returns the first crashing duration in `query` (see the module comment), or undefined when
 * there is none. `stats`, when given, receives what the scan took.
 */
export function findKnownCrash(query: string, stats?: ScanStats): KnownCrash | undefined {
  if (!MAYBE_CRASHING.test(query)) return undefined;
  const { tokens, error } = lex(query);
  if (error !== undefined) return undefined;
  const brackets = matchBrackets(tokens);
  if (brackets === undefined) return undefined;
  const scan = new Scan(tokens, brackets);
  let first: KnownCrash | undefined;
  let parses = true;
  for (let i = 0; i < tokens.count && parses; i++) {
    scan.steps++;
    let verdict: Verdict;
    if (tokens.is(i, '[')) verdict = checkBracket(scan, i);
    else if (scan.word(i) === 'offset' && scan.endsExpression(i - 1)) verdict = checkOffset(scan, i);
    else if (tokens.kind(i) === 'duration' && !scan.durationValues.has(i)) verdict = checkDurationExpression(scan, i);
    else if (tokens.kind(i) === 'number' && !scan.durationValues.has(i)) verdict = checkNumber(scan, i);
    if (verdict === undefined && (adjacentOperands(scan, i) || joinOnSetOperator(scan, i))) verdict = 'parse_error';
    if (verdict === 'parse_error') parses = false;
    else if (verdict && first === undefined && scan.isEvaluated(i)) first = verdict;
  }
  if (parses && first === undefined && scan.reparse && scan.isEvaluated(scan.reparse.at) && hasBinaryOperator(scan)) {
    first = { text: scan.reparse.text, index: scan.reparse.index };
  }
  if (stats) stats.steps = scan.steps;
  return parses ? first : undefined;
}
