/**
 * "Plot": an entry's example PromQL through the range passthrough, drawn with uPlot, one line per
 * series with a legend. The caption says in words what was drawn (or why nothing was).
 */
import uPlot from 'uplot';
import { ApiError, queryRange, type CatalogEntry, type PromSeries } from './api.ts';
import { h } from './dom.ts';
import { axisLabel, formatTick, formatValue, plotUnit } from './format.ts';

/** uPlot's column form: timestamps (seconds), then one column per series; gaps are null. */
export type Columns = [number[], ...(number | null)[][]];

/** Aligns a matrix on the union of its timestamps; non-finite values become gaps (and are counted). */
export function matrixToColumns(result: PromSeries[]): { columns: Columns; samples: number; nonFinite: number } {
  const times = [...new Set(result.flatMap((s) => (s.values ?? []).map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  let samples = 0;
  let nonFinite = 0;
  const series = result.map((s) => {
    const column: (number | null)[] = new Array<number | null>(times.length).fill(null);
    for (const [t, raw] of s.values ?? []) {
      samples++;
      const value = Number(raw);
      if (Number.isFinite(value)) column[index.get(t)!] = value;
      else nonFinite++;
    }
    return column;
  });
  return { columns: [times, ...series], samples, nonFinite };
}

/** A series' legend label: its labels as PromQL writes them, or its name. */
export function seriesLabel(metric: Record<string, string>): string {
  const labels = Object.entries(metric).filter(([name]) => name !== '__name__');
  if (labels.length === 0) return metric.__name__ ?? 'value';
  return `${metric.__name__ ?? ''}{${labels.map(([name, value]) => `${name}="${value}"`).join(', ')}}`;
}

// Distinguishable in both schemes (Okabe–Ito, with black and yellow swapped for mid tones).
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8a8a8a', '#b8a200'];

const charts = new WeakMap<HTMLElement, { chart: uPlot; resize: ResizeObserver }>();

function removeChart(figure: HTMLElement): void {
  const old = charts.get(figure);
  if (!old) return;
  old.resize.disconnect();
  old.chart.destroy();
  charts.delete(figure);
}

/** Plots `entry` over the last `windowSeconds` into `figure` (replacing what was there). */
export async function plotEntry(entry: CatalogEntry, figure: HTMLElement, windowSeconds: number): Promise<void> {
  const caption = figure.querySelector('figcaption')!;
  const area = figure.querySelector<HTMLElement>('.chart')!;
  figure.hidden = false;
  figure.dataset.state = 'loading';
  caption.textContent = `Querying ${windowSeconds / 60 >= 60 ? `${windowSeconds / 3600} h` : `${windowSeconds / 60} min`} of ${entry.example_promql} …`;
  const end = Math.floor(Date.now() / 1000);
  const step = Math.max(1, Math.round(windowSeconds / 240));
  let result: PromSeries[];
  try {
    result = await queryRange(entry.example_promql, end - windowSeconds, end, step);
  } catch (error) {
    removeChart(figure);
    area.replaceChildren();
    figure.dataset.state = 'error';
    caption.textContent = error instanceof ApiError ? `The query failed (${error.status}): ${error.message}` : `The query failed: ${String(error)}`;
    return;
  }
  removeChart(figure);
  area.replaceChildren();
  const { columns, samples, nonFinite } = matrixToColumns(result);
  figure.dataset.series = String(result.length);
  figure.dataset.samples = String(samples);
  if (result.length === 0) {
    figure.dataset.state = 'empty';
    caption.textContent = `No series in this window yet. The gateway scrapes itself every interval, but range queries leave out about the newest 30 s (the backend's latency offset): a gateway started a minute ago has data to plot; try again shortly.`;
    return;
  }
  const unit = plotUnit(entry);
  const style = getComputedStyle(figure);
  const ink = style.getPropertyValue('--ink').trim() || '#222';
  const grid = style.getPropertyValue('--grid').trim() || '#ddd';
  const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const width = Math.max(240, area.clientWidth);
  const chart = new uPlot(
    {
      width,
      height: width < 500 ? 220 : 280,
      series: [
        {},
        ...result.map((s, i) => ({
          label: seriesLabel(s.metric),
          stroke: PALETTE[i % PALETTE.length],
          width: 1.5,
          value: (_u: uPlot, v: number | null) => formatValue(v, unit),
        })),
      ],
      // The whole window, so an operator sees where data starts and stops.
      scales: { x: { time: true, range: (): uPlot.Range.MinMax => [end - windowSeconds, end] } },
      axes: [{ ...axis }, { ...axis, size: 64, label: axisLabel(unit), labelSize: 24, values: (_u: uPlot, ticks: number[]) => ticks.map((v) => formatTick(v, unit)) }],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    },
    columns as uPlot.AlignedData,
    area,
  );
  const resize = new ResizeObserver(() => {
    const next = Math.max(240, area.clientWidth);
    if (next !== chart.width) chart.setSize({ width: next, height: next < 500 ? 220 : 280 });
  });
  resize.observe(area);
  charts.set(figure, { chart, resize });
  figure.dataset.state = 'drawn';
  const gaps = nonFinite > 0 ? `; ${nonFinite} NaN or infinite values are gaps` : '';
  caption.textContent = `${result.length} series, ${samples} samples, every ${step} s over the last ${windowSeconds / 60} min, in ${unit.unit || 'units'}${unit.perSecond ? ' per second' : ''}${gaps}. Click a legend entry to hide its series.`;
}

/** A figure for an entry's plot, hidden until the first plot. */
export function plotFigure(name: string): HTMLElement {
  return h('figure', { class: 'plot', hidden: '', 'aria-label': `Plot of ${name}` }, h('div', { class: 'chart' }), h('figcaption'));
}
