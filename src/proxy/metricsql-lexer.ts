/**
 * The tokens of a MetricsQL query as the lexer of VictoriaMetrics 1.79 (metricsql v0.49) cuts
 * them: whitespace and `#` comments skipped, quoted strings whole, identifiers with their
 * backslash escapes, a duration (`5m`, `1h-5m`) before a number (`5M`, `.5`, `1e3`, `0x10`).
 * Its character classes are ASCII: any other character outside a string, a comment or an escape
 * is a lexing error, and so is an unclosed string or an exponent without digits. One pass, each
 * character read a bounded number of times.
 */

/** Kinds of token; `other` is punctuation and operators. */
export type TokenKind = 'ident' | 'string' | 'duration' | 'number' | 'other';

const KINDS: readonly TokenKind[] = ['ident', 'string', 'duration', 'number', 'other'];

/** The tokens of a query, held in typed arrays (a long query makes many). */
export class Tokens {
  count = 0;
  private kinds = new Uint8Array(16);
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);

  constructor(readonly query: string) {}

  push(kind: TokenKind, start: number, end: number): void {
    if (this.count === this.kinds.length) {
      const grow = <T extends Uint8Array | Int32Array>(from: T, to: T): T => (to.set(from), to);
      this.kinds = grow(this.kinds, new Uint8Array(this.count * 2));
      this.starts = grow(this.starts, new Int32Array(this.count * 2));
      this.ends = grow(this.ends, new Int32Array(this.count * 2));
    }
    this.kinds[this.count] = KINDS.indexOf(kind);
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** The kind of token `i`, or undefined past either end. */
  kind(i: number): TokenKind | undefined {
    return i >= 0 && i < this.count ? KINDS[this.kinds[i]!] : undefined;
  }

  /** Offset of token `i`'s first character. */
  start(i: number): number {
    return this.starts[i]!;
  }

  /** The text of token `i`, or undefined past either end. */
  text(i: number): string | undefined {
    return i >= 0 && i < this.count ? this.query.slice(this.starts[i], this.ends[i]) : undefined;
  }

  /** Whether token `i` is the one character `c` of punctuation. */
  is(i: number, c: string): boolean {
    if (i < 0 || i >= this.count || this.kinds[i] !== 4 || this.ends[i]! - this.starts[i]! !== c.length) return false;
    return c.length === 1 ? this.query.charCodeAt(this.starts[i]!) === c.charCodeAt(0) : this.query.startsWith(c, this.starts[i]);
  }
}

/** The tokens of a query; `error` is the offset where lexing failed, if it did. */
export interface Lexed {
  tokens: Tokens;
  error?: number;
}

const code = (s: string, at: number): number => s.charCodeAt(at);

/** Whether the character at `at` is an ASCII digit. */
export function isDigitAt(s: string, at: number): boolean {
  const c = code(s, at);
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isFirstIdentChar(c: number): boolean {
  return isLetter(c) || c === 95 || c === 58; // _ :
}

function isIdentChar(c: number): boolean {
  return isFirstIdentChar(c) || (c >= 48 && c <= 57) || c === 46; // digits .
}

function isHexChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** The character code at `at`, lower-cased if it is an ASCII letter (NaN past the end). */
const lowerCode = (s: string, at: number): number => {
  const c = code(s, at);
  return isLetter(c) ? c | 0x20 : c;
};

/** Length of the identifier at `at` (letters, digits, `_`, `:`, `.`, and `\` with the character it escapes). */
export function identLength(s: string, at: number, end = s.length): number {
  let i = at;
  while (i < end) {
    const c = code(s, i);
    if (isIdentChar(c)) i++;
    else if (c === 92) {
      i++;
      if (i < end) i += code(s, i) >= 0xd800 && code(s, i) <= 0xdbff && i + 1 < end ? 2 : 1;
    } else break;
  }
  return i - at;
}

/** Length of the single duration at `at` (`5m`, `1.5h`, and `-5s` or even `-m` when `negative`), or 0. */
export function singleDurationLength(s: string, at: number, end: number, negative: boolean): number {
  let i = at;
  if (negative && s[i] === '-') i++;
  while (i < end && isDigitAt(s, i)) i++;
  if (i === at || i >= end) return 0;
  if (s[i] === '.') {
    const dot = i;
    i++;
    while (i < end && isDigitAt(s, i)) i++;
    if (i === dot || i >= end) return 0;
  }
  switch (s[i]) {
    case 'm':
      return i + 1 < end && s[i + 1] === 's' ? i + 2 - at : i + 1 - at;
    case 's': case 'h': case 'd': case 'w': case 'y': case 'i':
      return i + 1 - at;
    default:
      return 0;
  }
}

/** Length of the duration at `at` in `s` up to `end` (`1h`, `3h5m`, `1h-5m`), or 0. */
export function durationLength(s: string, at: number, end = s.length): number {
  let n = singleDurationLength(s, at, end, false);
  if (n === 0) return 0;
  let i = at + n;
  while ((n = singleDurationLength(s, i, end, true)) > 0) i += n;
  return i - at;
}

/** Length of the size multiplier at `at` (k, Ki, KB, KiB, and the same for M, G, T; any case), or 0. */
export function multiplierLength(s: string, at: number, end = s.length): number {
  const first = lowerCode(s, at);
  if (at >= end || (first !== 107 && first !== 109 && first !== 103 && first !== 116)) return 0; // k m g t
  const second = at + 1 < end ? lowerCode(s, at + 1) : 0;
  if (second === 105) return at + 2 < end && lowerCode(s, at + 2) === 98 ? 3 : 2; // i, b
  return second === 98 ? 2 : 1;
}

/** Length of the special-integer prefix at `at`: `0x`, `0o`, `0b` (2) or `0` before a digit (1); hex says which. */
function specialPrefix(s: string, at: number, end: number): { length: number; hex: boolean } {
  if (s[at] !== '0' || at + 1 >= end) return { length: 0, hex: false };
  if (isDigitAt(s, at + 1)) return { length: 1, hex: false };
  const c = lowerCode(s, at + 1);
  if (c === 120) return { length: 2, hex: true }; // x
  return c === 111 || c === 98 ? { length: 2, hex: false } : { length: 0, hex: false }; // o b
}

/** Length of the number at `at` as the lexer scans it, or -1 for a lexing error (an exponent without digits). */
function numberLength(s: string, at: number): number {
  const end = s.length;
  const prefix = specialPrefix(s, at, end);
  let i = at + prefix.length;
  if (prefix.hex) {
    while (i < end && isHexChar(code(s, i))) i++;
    return i - at;
  }
  while (i < end && isDigitAt(s, i)) i++;
  if (i === end) return i - at;
  let m = multiplierLength(s, i);
  if (m > 0) return i + m - at;
  if (s[i] === '.') {
    i++;
    while (i < end && isDigitAt(s, i)) i++;
    if (i === end) return i - at;
    m = multiplierLength(s, i);
    if (m > 0) return i + m - at;
  }
  if (s[i] !== 'e' && s[i] !== 'E') return i - at;
  i++;
  if (s[i] === '-' || s[i] === '+') i++;
  const digits = i;
  while (i < end && isDigitAt(s, i)) i++;
  return i === digits ? -1 : i - at;
}

/** Length of the quoted string at `at` (quotes included), or -1 when it is not closed. */
function stringLength(s: string, at: number): number {
  const quote = s[at];
  for (let i = at + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i + 1 - at;
  }
  return -1;
}

/** Length of the operator at `at` (`+ - * / % ^ == != > < >= <= =~ !~ =`), or 0. */
function operatorLength(s: string, at: number): number {
  const c = s[at];
  const next = s[at + 1];
  if (c === '=' || c === '!') return next === '=' || next === '~' ? 2 : c === '=' ? 1 : 0;
  if (c === '<' || c === '>') return next === '=' ? 2 : 1;
  return c === '+' || c === '-' || c === '*' || c === '/' || c === '%' || c === '^' ? 1 : 0;
}

/** Splits `query` into tokens; stops at the first lexing error. */
export function lex(query: string): Lexed {
  const tokens = new Tokens(query);
  let i = 0;
  const end = query.length;
  while (i < end) {
    const c = code(query, i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 35) {
      const newline = query.indexOf('\n', i);
      if (newline === -1) break;
      i = newline + 1;
      continue;
    }
    let kind: TokenKind;
    let length: number;
    if (c === 123 || c === 125 || c === 91 || c === 93 || c === 40 || c === 41 || c === 44 || c === 64) {
      kind = 'other';
      length = 1;
    } else if (isFirstIdentChar(c) || c === 92) {
      kind = 'ident';
      length = identLength(query, i);
    } else if (c === 34 || c === 39 || c === 96) {
      kind = 'string';
      length = query.length - i >= 2 ? stringLength(query, i) : -1;
    } else if ((length = operatorLength(query, i)) > 0) {
      kind = 'other';
    } else if ((length = durationLength(query, i)) > 0) {
      kind = 'duration';
    } else if (isDigitAt(query, i) || (c === 46 && isDigitAt(query, i + 1))) {
      kind = 'number';
      length = numberLength(query, i);
    } else {
      length = -1;
      kind = 'other';
    }
    if (length <= 0) return { tokens, error: i };
    tokens.push(kind, i, i + length);
    i += length;
  }
  return { tokens };
}
