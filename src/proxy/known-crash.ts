/**
 * Finds, in a MetricsQL query, the one form known to crash VictoriaMetrics 1.79.5: a number
 * written with a size suffix (K, M, G, T, Ki, Mi, MB, KiB, ...) or a 0x/0b/0o prefix where a
 * duration belongs (a range `[..]`, a subquery step `[..:..]`, after `offset`). Its parser accepts
 * such a number there, and its evaluator then panics on it ("cannot parse duration"), taking the
 * process down; later MetricsQL releases reject it while parsing. The usual case is `5M` meant as
 * five minutes: in MetricsQL `M` is the suffix of 1e6, and minutes are `m`.
 *
 * The scan follows MetricsQL's lexer closely enough to leave alone the same characters in strings,
 * comments, identifiers and label matchers, and numbers outside duration positions (`up > 5M`).
 * It does not parse the query: a match in a query that is malformed elsewhere is refused too,
 * which the backend would have refused anyway.
 */

/** A crashing duration found in a query. */
export interface KnownCrash {
  /** The offending text as written, e.g. `5M`. */
  text: string;
  /** Character offset of `text` in the query. */
  index: number;
}

interface Token {
  text: string;
  index: number;
}

// Every scanner below works at an offset in the whole query, with sticky regular expressions,
// never on a slice of its rest: a query can be as long as the body limit, and the scan stays linear.
const SPACE = /[ \t\n\v\f\r]/;
// MetricsQL identifiers start with a letter, `_` or `:` and go on with those, digits and `.`;
// a backslash escapes the next character.
const IDENT_START = /[\p{L}_:\\]/u;
const IDENT_PART = /[\p{L}_:.0-9]/u;
// Number multipliers, longest first (MetricsQL's scanNumMultiplier, case-insensitive).
const MULTIPLIER = /kib|ki|kb|k|mib|mi|mb|m|gib|gi|gb|g|tib|ti|tb|t/iy;
// Lower-case duration units only: MetricsQL 1.79 reads `5M` as a number, not as minutes.
const SINGLE_DURATION = /-?[0-9]+(?:\.[0-9]+)?(?:ms|[smhdwyi])/y;
const SPECIAL_INTEGER = /0[xX][0-9a-fA-F]*|0[bBoO][0-9]*/y;
const EXPONENT = /[eE][+-]?[0-9]+/y;
// What any crashing token contains: a digit or `.` before a multiplier (lower-case `m` alone is
// minutes), or a special integer prefix. Most queries have none and need no tokenizing.
const MAYBE_CRASHING = /[0-9.](?:[kgtKGTM]|m[ibIB])|0[xXbBoO]/;

/** Length of the match of the sticky `pattern` at `at` in `s`, or 0. */
function matchAt(pattern: RegExp, s: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(s) ? pattern.lastIndex - at : 0;
}

function isDigit(s: string, at: number): boolean {
  const code = s.charCodeAt(at);
  return code >= 48 && code <= 57;
}

/** Length of the duration at `at` in `s` (`1h`, `3h5m`, `1h-5m`), or 0. */
function durationLength(s: string, at = 0): number {
  if (s[at] === '-') return 0;
  let end = at;
  for (let n = matchAt(SINGLE_DURATION, s, end); n > 0; n = matchAt(SINGLE_DURATION, s, end)) end += n;
  return end - at;
}

/** Length of the number at `at` in `s` as MetricsQL's lexer scans it, or 0. */
function numberLength(s: string, at = 0): number {
  const special = matchAt(SPECIAL_INTEGER, s, at);
  if (special > 0) return special;
  let i = at;
  while (isDigit(s, i)) i++;
  if (i > at) {
    const multiplier = matchAt(MULTIPLIER, s, i);
    if (multiplier > 0) return i + multiplier - at;
  }
  if (s[i] === '.') {
    i++;
    while (isDigit(s, i)) i++;
    const multiplier = matchAt(MULTIPLIER, s, i);
    if (multiplier > 0) return i + multiplier - at;
  }
  if (i > at) i += matchAt(EXPONENT, s, i);
  return i - at;
}

/** Whether `text` is a whole number token that 1.79.5 accepts as a duration but cannot evaluate. */
export function isCrashingDuration(text: string): boolean {
  if (durationLength(text) === text.length) return false; // a real duration
  if (numberLength(text) !== text.length) return false; // not one number: a parse error, not a crash
  if (/^0[xX][0-9a-fA-F]+$|^0[bB][01]+$|^0[oO][0-7]+$/.test(text)) return true;
  const digits = /^[0-9]*\.?[0-9]*/.exec(text)![0].length;
  return digits < text.length && matchAt(MULTIPLIER, text, digits) === text.length - digits;
}

/** Length of the quoted string at `at` in `s` (closing quote included), or the rest of `s` if unclosed. */
function stringLength(s: string, at: number): number {
  const quote = s[at]!;
  for (let i = at + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i + 1 - at;
  }
  return s.length - at;
}

/** Splits a query into MetricsQL tokens, skipping whitespace and `#` comments. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      const end = query.indexOf('\n', i);
      i = end === -1 ? query.length : end + 1;
      continue;
    }
    let length: number;
    if (c === '"' || c === "'" || c === '`') length = stringLength(query, i);
    else if (IDENT_START.test(c)) {
      length = 1;
      while (i + length < query.length && (IDENT_PART.test(query[i + length]!) || query[i + length - 1] === '\\')) length++;
    } else if (isDigit(query, i) || (c === '.' && isDigit(query, i + 1))) {
      length = durationLength(query, i) || numberLength(query, i) || 1;
    } else length = 1;
    tokens.push({ text: query.slice(i, i + length), index: i });
    i += length;
  }
  return tokens;
}

/** Whether `text` is a whole duration or number token, the only things the parser takes as a duration. */
function isDurationOrNumber(text: string): boolean {
  return text.length > 0 && (durationLength(text) === text.length || numberLength(text) === text.length);
}

/** Whether a token starts with a digit or `.5`: a number or a duration. */
function isNumeric(token: Token | undefined): boolean {
  return token !== undefined && (isDigit(token.text, 0) || (token.text[0] === '.' && isDigit(token.text, 1)));
}

/** The crashing duration of the bracket opening at tokens[open], if the bracket parses. */
function checkBracket(tokens: Token[], open: number): KnownCrash | undefined {
  // `[window]`, `[window:step]`, `[:step]`, `[window:]`: the lexer glues `:` to what follows, as an identifier.
  let at = open + 1;
  const parts: { text: string; index: number }[] = [];
  const first = tokens[at];
  if (first && !first.text.startsWith(':')) {
    parts.push(first);
    at++;
  }
  const colon = tokens[at];
  if (colon?.text.startsWith(':')) {
    at++;
    if (colon.text !== ':') parts.push({ text: colon.text.slice(1), index: colon.index + 1 });
    else if (tokens[at] && tokens[at]!.text !== ']') parts.push(tokens[at++]!);
  }
  // Anything else in the bracket is a parse error, which the backend answers without crashing.
  if (tokens[at]?.text !== ']' || !parts.every((part) => isDurationOrNumber(part.text))) return undefined;
  const found = parts.find((part) => isCrashingDuration(part.text));
  return found && { text: found.text, index: found.index };
}

/** The crashing duration after the `offset` at tokens[at], if the offset parses. */
function checkOffset(tokens: Token[], at: number): KnownCrash | undefined {
  const isOffset = (token: Token | undefined) => token?.text.length === 6 && token.text.toLowerCase() === 'offset';
  // A second offset on the same expression is a parse error.
  if (isOffset(tokens[at - 2]) || (isOffset(tokens[at - 3]) && tokens[at - 2]?.text === '-')) return undefined;
  const value = tokens[at + 1]?.text === '-' ? at + 2 : at + 1;
  const token = tokens[value];
  // A number or string right after the duration (`5M30s` scans as `5M` `30s`) is a parse error.
  const follower = tokens[value + 1];
  if (!token || isNumeric(follower) || /^["'`]/.test(follower?.text ?? '')) return undefined;
  return isCrashingDuration(token.text) ? { text: token.text, index: token.index } : undefined;
}

/**
 * Returns the first crashing duration in `query` (see the module comment), or undefined when
 * there is none.
 */
export function findKnownCrash(query: string): KnownCrash | undefined {
  if (!MAYBE_CRASHING.test(query)) return undefined;
  const tokens = tokenize(query);
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    const found = text === '[' ? checkBracket(tokens, i) : text.length === 6 && text.toLowerCase() === 'offset' ? checkOffset(tokens, i) : undefined;
    if (found) return found;
  }
  return undefined;
}
