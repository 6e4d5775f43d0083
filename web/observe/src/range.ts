/**
 * The plot range: the last N minutes, hours or days (it moves with the clock), or a fixed span
 * between two moments. Written in the address bar as `45m` or `2026-01-31T18:00..2026-01-31T19:30`.
 */
import { dateTime } from './format.ts';

/** A range relative to now, or absolute (unix seconds). */
export type TimeRange = { kind: 'relative'; seconds: number } | { kind: 'absolute'; start: number; end: number };

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/;
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A duration such as `45m`, `2h` or `7d` in seconds; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNITS[match[2]!]!;
  return seconds > 0 ? seconds : undefined;
}

/** A moment `YYYY-MM-DD HH:MM[:SS]` in the browser's zone, as unix seconds; undefined otherwise. */
function parseMoment(text: string): number | undefined {
  const m = MOMENT.exec(text.trim());
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(date.getTime()) ? undefined : Math.floor(date.getTime() / 1000);
}

/** A `from` / `to` pair as the custom form takes it; throws an Error that says what to write. */
export function rangeFromInputs(from: string, to: string): TimeRange {
  const f = from.trim();
  const t = to.trim() || 'now';
  const relative = parseDuration(f.replace(/^now\s*-\s*/, ''));
  if (t === 'now') {
    if (relative !== undefined) return { kind: 'relative', seconds: relative };
    const start = parseMoment(f);
    if (start === undefined) throw new Error(`"${f}" is not a start: write a duration back from now (now-45m, 2h, 3d) or a moment (2026-01-31 18:00)`);
    return { kind: 'absolute', start, end: Math.floor(Date.now() / 1000) };
  }
  const end = parseMoment(t);
  if (end === undefined) throw new Error(`"${t}" is not an end: write now or a moment (2026-01-31 19:30)`);
  const start = relative !== undefined ? end - relative : parseMoment(f);
  if (start === undefined) throw new Error(`"${f}" is not a start: write a moment (2026-01-31 18:00) or a duration before the end (45m)`);
  if (start >= end) throw new Error(`the start (${f}) must come before the end (${t})`);
  return { kind: 'absolute', start, end };
}

/** The range's form in the address bar. */
export function rangeToParam(range: TimeRange): string {
  if (range.kind === 'relative') return durationText(range.seconds);
  const iso = (s: number) => dateTime(new Date(s * 1000)).replace(' ', 'T');
  return `${iso(range.start)}..${iso(range.end)}`;
}

/** A range from the address bar; undefined when the text is not one. */
export function rangeFromParam(text: string): TimeRange | undefined {
  const seconds = parseDuration(text);
  if (seconds !== undefined) return { kind: 'relative', seconds };
  const [from, to] = text.split('..');
  if (from === undefined || to === undefined) return undefined;
  const start = parseMoment(from);
  const end = parseMoment(to);
  return start !== undefined && end !== undefined && start < end ? { kind: 'absolute', start, end } : undefined;
}

/** Seconds as the shortest whole duration: `45m`, `2h`, `7d`. */
export function durationText(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) if (seconds % UNITS[unit]! === 0) return `${seconds / UNITS[unit]!}${unit}`;
  return `${seconds}s`;
}

/** The range in words: "the last 45 min" or "2026-01-31 18:00:00 to 19:30:00". */
export function describeRange(range: TimeRange): string {
  if (range.kind === 'relative') {
    const s = range.seconds;
    const words = s % 86400 === 0 ? `${s / 86400} d` : s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`;
    return `the last ${words}`;
  }
  return `${dateTime(new Date(range.start * 1000))} to ${dateTime(new Date(range.end * 1000))}`;
}

/** The span to query now: [start, end] in unix seconds. */
export function rangeWindow(range: TimeRange, now: number = Math.floor(Date.now() / 1000)): { start: number; end: number } {
  return range.kind === 'relative' ? { start: now - range.seconds, end: now } : { start: range.start, end: range.end };
}
