/** Numbers in their unit, for axes, legends and cards. */
import type { CatalogEntry } from './api.ts';

/** What a plotted value means: the entry's unit, per second when its example is a rate. */
export interface PlotUnit {
  unit: string;
  perSecond: boolean;
}

/** The unit of an entry's example PromQL: a counter's rate() is per second, increase() is not. */
export function plotUnit(entry: CatalogEntry): PlotUnit {
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

/** An axis tick: the number with its scale (ms, KiB) but without the unit word the axis label carries. */
export function formatTick(value: number, unit: PlotUnit): string {
  if ((unit.unit === 'seconds' && !unit.perSecond) || unit.unit === 'bytes') return formatValue(value, { ...unit, perSecond: false });
  return compact(value);
}

/** The axis label: the unit, per second for rates. */
export function axisLabel({ unit, perSecond }: PlotUnit): string {
  return `${unit || 'value'}${perSecond ? ' per second' : ''}`;
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

/** A clock time, HH:MM:SS in the browser's zone. */
export function clock(date: Date): string {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
