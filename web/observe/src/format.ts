/** Numbers in their unit, for axes, legends and cards. */
import type { components } from '../../../src/generated/api-types.ts';

type CatalogEntry = components['schemas']['CatalogEntry'];

/** What a plotted value means: the entry's unit, per second when its example is a rate. */
export interface PlotUnit {
  unit: string;
  perSecond: boolean;
}

/**
 * The unit of an entry's example PromQL: a counter's rate() is per second, increase() is not, and
 * a count() counts series, whatever the metric's unit.
 */
export function plotUnit(entry: CatalogEntry): PlotUnit {
  if (/^\s*count\b/.test(entry.example_promql)) return { unit: 'series', perSecond: false };
  return { unit: entry.unit ?? '', perSecond: entry.kind === 'counter' && /\b(i?rate)\(/.test(entry.example_promql) };
}

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** A value in its unit: seconds as µs/ms/s, bytes in KiB/MiB, `/s` on rates; NaN and ±Inf as such. */
export function formatValue(value: number | null | undefined, { unit, perSecond }: PlotUnit): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  const rate = perSecond ? '/s' : '';
  const abs = Math.abs(value);
  if (unit === 'seconds' && !perSecond) {
    if (abs !== 0 && abs < 1e-3) return `${compact(value * 1e6)} µs`;
    if (abs < 1) return `${compact(value * 1e3)} ms`;
    return `${compact(value)} s`;
  }
  if (unit === 'bytes') {
    let scaled = value;
    let i = 0;
    while (Math.abs(scaled) >= 1024 && i < IEC.length - 1) {
      scaled /= 1024;
      i++;
    }
    return `${compact(scaled)} ${IEC[i]}${rate}`;
  }
  return `${compact(value)}${unit ? ` ${unit}` : ''}${rate}`;
}

/** One scale for a whole axis: the divisor its ticks share and the label that names it. */
export interface AxisScale {
  divisor: number;
  label: string;
}

/**
 * The scale of an axis whose largest value is `maxAbs`: seconds as µs, ms or s and bytes in one
 * IEC prefix, chosen once, so that every tick of the axis is in the unit its label names.
 */
export function axisScale(maxAbs: number, { unit, perSecond }: PlotUnit): AxisScale {
  const rate = perSecond ? ' per second' : '';
  if (unit === 'seconds' && !perSecond) {
    if (maxAbs >= 1 || maxAbs === 0) return { divisor: 1, label: 'seconds' };
    if (maxAbs >= 1e-3) return { divisor: 1e-3, label: 'milliseconds' };
    return { divisor: 1e-6, label: 'microseconds' };
  }
  if (unit === 'bytes') {
    let i = 0;
    while (maxAbs >= 1024 ** (i + 1) && i < IEC.length - 1) i++;
    return { divisor: 1024 ** i, label: `${IEC[i]}${rate}` };
  }
  return { divisor: 1, label: `${unit || 'value'}${rate}` };
}

/** An axis tick in its axis' scale: the number only, since the axis label names the unit. */
export function formatTick(value: number, scale: AxisScale): string {
  return compact(value / scale.divisor);
}

/** Seconds as "3 d 4 h", "2 h 5 min", "4 min 10 s" or "12 s". */
export function formatDuration(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const hr = Math.floor((s % 86400) / 3600);
  const min = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${hr} h`;
  if (hr > 0) return `${hr} h ${min} min`;
  if (min > 0) return `${min} min ${s % 60} s`;
  return `${s} s`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A clock time, HH:MM:SS on the 24-hour clock, in the browser's zone. */
export function clock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A date and time, YYYY-MM-DD HH:MM:SS on the 24-hour clock, in the browser's zone. */
export function dateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock(date)}`;
}

/** A moment as the clock alone when it is today, with its date otherwise. */
export function moment(date: Date, now: Date = new Date()): string {
  return date.toDateString() === now.toDateString() ? clock(date) : dateTime(date);
}

/**
 * Time-axis ticks (unix seconds) on the 24-hour clock: HH:MM:SS over a few minutes, HH:MM over a
 * day, and with the month and day (MM-DD HH:MM) over longer spans.
 */
export function timeTicks(ticks: readonly number[], spanSeconds: number): string[] {
  return ticks.map((t) => {
    const d = new Date(t * 1000);
    if (spanSeconds <= 600) return clock(d);
    if (spanSeconds <= 86400) return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
}

/** A number as PromQL's answers write it, shortened: `1e+00` reads 1, `1.314e+03` 1314, `25.31234` 25.3. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  return Number.isFinite(value) ? compact(value) : String(value);
}
