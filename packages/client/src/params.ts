/**
 * Turning the client's arguments into the strings the query routes take: times, durations and
 * limits, then the url-encoded form body.
 */

/** A point in time: a Date, Unix seconds (fractions allowed), or a string the backend parses (RFC 3339, Unix seconds). */
export type TimeInput = Date | number | string;

/** A duration: seconds as a number, or a Prometheus duration string such as `15s` or `1m30s`. */
export type DurationInput = number | string;

/** Thrown-free result of a conversion: the string to send, or what was wrong with the argument. */
export type Converted = { ok: true; value: string } | { ok: false; problem: string };

/** Formats a time argument as Unix seconds (Date, number) or passes a string through. */
export function formatTime(name: string, time: TimeInput): Converted {
  if (time instanceof Date) {
    const ms = time.getTime();
    if (Number.isNaN(ms)) return { ok: false, problem: `${name} is an invalid Date; pass a valid Date, Unix seconds or an RFC 3339 string` };
    // Milliseconds survive as three decimals; both Prometheus and VictoriaMetrics take fractional seconds.
    return { ok: true, value: (ms / 1000).toFixed(3) };
  }
  if (typeof time === 'number') {
    if (!Number.isFinite(time)) return { ok: false, problem: `${name} is ${time}; pass finite Unix seconds` };
    return { ok: true, value: String(time) };
  }
  if (typeof time === 'string' && time.trim() !== '') return { ok: true, value: time };
  return { ok: false, problem: `${name} must be a Date, Unix seconds or a non-empty string` };
}

/** Formats a duration argument: a number is seconds (both backends accept float seconds), a string passes through. */
export function formatDuration(name: string, duration: DurationInput): Converted {
  if (typeof duration === 'number') {
    if (!Number.isFinite(duration) || duration <= 0) return { ok: false, problem: `${name} is ${duration}; pass a positive number of seconds or a duration such as "15s"` };
    return { ok: true, value: String(duration) };
  }
  if (typeof duration === 'string' && duration.trim() !== '') return { ok: true, value: duration };
  return { ok: false, problem: `${name} must be seconds or a non-empty duration string such as "15s"` };
}

/** Formats a series limit: a non-negative integer (0 means no limit, as the contract says). */
export function formatLimit(name: string, limit: number): Converted {
  if (!Number.isSafeInteger(limit) || limit < 0) return { ok: false, problem: `${name} is ${limit}; pass a non-negative integer (0 means no limit)` };
  return { ok: true, value: String(limit) };
}

/** Checks a per-call timeout: a positive, finite number of milliseconds. */
export function checkTimeoutMs(timeoutMs: number): string | undefined {
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return `timeoutMs is ${String(timeoutMs)}; pass a positive number of milliseconds`;
  return undefined;
}

/** Checks a list of series selectors (`match[]`): strings, none empty; at least one when `required`. */
export function checkSelectors(match: unknown, required: boolean): string | undefined {
  if (!Array.isArray(match) || match.some((m) => typeof m !== 'string' || m.trim() === '')) return 'match must be an array of non-empty series selectors such as \'up{job="api"}\'';
  if (required && match.length === 0) return 'match needs at least one series selector';
  return undefined;
}

/**
 * Encodes a form body or query string as application/x-www-form-urlencoded (WHATWG
 * URLSearchParams: space as `+`, `+` and `&` percent-encoded, UTF-8), leaving out absent fields;
 * a list repeats its name once per element (`match[]`). URLSearchParams alone would send an
 * absent field as the text "undefined".
 */
export function encodeForm(fields: Record<string, string | readonly string[] | undefined>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
  }
  return form.toString();
}
