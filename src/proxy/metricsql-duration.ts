/**
 * What VictoriaMetrics 1.79 (metricsql v0.49) does with the text it accepts where a duration
 * belongs (a range, a subquery step, an offset value). Its parser takes a duration (`5m`, `1h-5m`)
 * or anything that parses as a positive number (`5M` is 5e6, `0x10` is 16, `.5` is 0.5); its
 * evaluator then reads the same text as a duration again, by other rules, and panics when that
 * fails ("cannot parse duration"). This module models both readings, Go's number syntax included
 * (underscores between digits, octal, hex with an exponent), so the difference between them is
 * exactly the set of crashing texts.
 */
import { durationLength, isDigitAt, multiplierLength, singleDurationLength } from './metricsql-lexer.ts';

const MAX_INT64 = 2n ** 63n - 1n;
const MAX_DURATION_MS = 2 ** 63 - 1;

/** Go's rule for `_` in a number: only between digits, or between a base prefix and a digit. */
function underscoresOk(s: string, hex: boolean): boolean {
  let saw = '^';
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  if (/^0[box]/i.test(s.slice(i, i + 2))) {
    i += 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-f]/i.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

const SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;

/** End of the digits (of the base), underscores and at most one `.` from `at`; `digits` counts the digits. */
function mantissaEnd(s: string, at: number, hex: boolean): { end: number; digits: number } {
  let i = at;
  let digits = 0;
  let dot = false;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))) digits++;
    else if (c === '.' && !dot) dot = true;
    else if (c !== '_') break;
  }
  return { end: i, digits };
}

/** Whether an exponent (`e` or `p`, a sign, a digit, digits or underscores) runs from `at` to the end of `s`. */
function exponentToEnd(s: string, at: number): boolean {
  let i = at + 1;
  if (s[i] === '+' || s[i] === '-') i++;
  if (!isDigitAt(s, i)) return false;
  for (i++; i < s.length; i++) if (!isDigitAt(s, i) && s[i] !== '_') return false;
  return true;
}

/** Whether Go's strconv.ParseFloat(s, 64) succeeds (overflow to infinity is an error there). */
export function goParseFloatOk(s: string): boolean {
  if (s.length <= 9 && SPECIAL_FLOAT.test(s)) return true;
  const signed = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const hex = s[signed] === '0' && (s[signed + 1] === 'x' || s[signed + 1] === 'X');
  const { end, digits } = mantissaEnd(s, hex ? signed + 2 : signed, hex);
  if (digits === 0) return false;
  if (hex) return (s[end] === 'p' || s[end] === 'P') && exponentToEnd(s, end) && underscoresOk(s, true);
  if (end < s.length && ((s[end] !== 'e' && s[end] !== 'E') || !exponentToEnd(s, end))) return false;
  return underscoresOk(s, false) && Number.isFinite(Number(s.replaceAll('_', '')));
}

/** Whether Go's strconv.ParseInt(s, 0, 64) succeeds for an unsigned `0x`, `0o`, `0b` or `0`-prefixed text. */
function goParseIntOk(s: string): boolean {
  const prefix = s.slice(0, 2).toLowerCase();
  const [base, digits, body] = prefix === '0x' ? [16, /^[0-9a-f_]+$/i, s.slice(2)] : prefix === '0o' ? [8, /^[0-7_]+$/, s.slice(2)] : prefix === '0b' ? [2, /^[01_]+$/, s.slice(2)] : [8, /^[0-7_]+$/, s.slice(1)];
  if (!digits.test(body) || !/[0-9a-f]/i.test(body) || !underscoresOk(s, base === 16)) return false;
  const radix = { 16: '0x', 8: '0o', 2: '0b' }[base]!;
  const significant = body.replaceAll('_', '').replace(/^0+/, '');
  // 2^63 has 64 binary digits, 22 octal, 16 hex: anything longer is out of range, and is not parsed.
  if (significant.length > { 16: 16, 8: 22, 2: 64 }[base]!) return false;
  return BigInt(radix + (significant || '0')) <= MAX_INT64;
}

/** Whether `s` starts like a positive number: a digit, or `.` and a digit. */
export function isPositiveNumberPrefix(s: string): boolean {
  return isDigitAt(s, 0) || (s[0] === '.' && isDigitAt(s, 1));
}

/** Whether `s` is a whole duration (`5m`, `3h5m`, `1h-5m`). */
export function isPositiveDuration(s: string): boolean {
  return s.length > 0 && durationLength(s, 0) === s.length;
}

/** Whether the parser reads `s` as a positive number: a special integer, or a float with an optional size multiplier. */
export function parsesAsNumber(s: string): boolean {
  if (!isPositiveNumberPrefix(s)) return false;
  if (s[0] === '0' && s.length > 1 && (isDigitAt(s, 1) || /[xob]/i.test(s[1]!))) return goParseIntOk(s);
  // The multiplier is taken off the end, longest first within each letter, as the parser does.
  let cut = 0;
  for (const length of [3, 2, 1]) {
    const at = s.length - length;
    if (at > 0 && multiplierLength(s, at) === length) {
      cut = length;
      break;
    }
  }
  return goParseFloatOk(s.slice(0, s.length - cut));
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 1e-3, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000, i: 0 };

/** Milliseconds of one duration part (`5m`, `-1.5h`), or undefined when its number does not parse. */
function partMs(part: string): number | undefined {
  const unit = part.endsWith('ms') ? 'ms' : part.slice(-1);
  const numberPart = part.slice(0, part.length - unit.length);
  if (!goParseFloatOk(numberPart)) return undefined;
  const seconds = UNIT_SECONDS[unit];
  return seconds === undefined ? undefined : seconds * Number(numberPart) * 1e3;
}

/** Whether the evaluator reads `s` as a duration without error (its DurationValue). */
export function evaluatesAsDuration(s: string): boolean {
  if (s.length === 0) return false;
  const last = s[s.length - 1]!;
  if (((last >= '0' && last <= '9') || last === '.') && goParseFloatOk(s)) return true;
  let total = 0;
  let minus = false;
  for (let at = 0; at < s.length;) {
    const n = singleDurationLength(s, at, s.length, true);
    if (n === 0) return false;
    let ms = partMs(s.slice(at, at + n));
    if (ms === undefined) return false;
    if (minus && ms > 0) ms = -ms;
    total += ms;
    if (ms < 0) minus = true;
    at += n;
  }
  return Math.abs(total) <= MAX_DURATION_MS;
}

/**
 * Whether `text` in a duration position is accepted by the parser and then crashes the evaluator.
 * Texts the parser refuses are parse errors (422), not crashes. `negative`: after `offset -`.
 */
export function crashesAsDuration(text: string, negative = false): boolean {
  // A negative offset is evaluated with its sign: `-.5m` reads as a duration where `.5m` does not.
  if (isPositiveDuration(text) || parsesAsNumber(text)) return !evaluatesAsDuration(negative ? `-${text}` : text);
  return false;
}
