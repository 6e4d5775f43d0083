/**
 * "Plot": an entry's example PromQL through the range passthrough, drawn with uPlot, one line per
 * series with a legend, a tooltip at the cursor and the alert's threshold when the alert compares
 * the plotted expression itself. The caption says in words what was drawn (or why nothing was)
 * and when it was read. Plots in view are drawn again on every refresh: into the same chart while
 * the answer has the same series and the chart the same look, else into a new one, where a series
 * the operator hid from the legend stays hidden.
 */
import uPlot from 'uplot';
import { ApiError, queryRange, type CatalogEntry, type RangeSeries } from './api.ts';
import { h } from './dom.ts';
import { axisScale, clock, dateTime, formatTick, formatValue, plotUnit, timeTicks, type AxisScale, type PlotUnit } from './format.ts';
import { DARK_PALETTE, LIGHT_PALETTE } from './palette.ts';
import { describeRange, rangeWindow, type TimeRange } from './range.ts';

/** uPlot's column form: timestamps (seconds), then one column per series; gaps are null. */
export type Columns = [number[], ...(number | null)[][]];

/** Aligns a matrix on the union of its timestamps; non-finite values become gaps (and are counted). */
export function matrixToColumns(result: RangeSeries[]): { columns: Columns; samples: number; nonFinite: number } {
  const times = [...new Set(result.flatMap((s) => s.values.map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  let samples = 0;
  let nonFinite = 0;
  const series = result.map((s) => {
    const column: (number | null)[] = new Array<number | null>(times.length).fill(null);
    for (const [t, raw] of s.values) {
      samples++;
      const value = Number(raw);
      if (Number.isFinite(value)) column[index.get(t)!] = value;
      else nonFinite++;
    }
    return column;
  });
  return { columns: [times, ...series], samples, nonFinite };
}

/** A series' legend label: its labels as PromQL writes them (`{state="warm"}` for an aggregate), or its name. */
export function seriesLabel(metric: Record<string, string>): string {
  const labels = Object.entries(metric).filter(([name]) => name !== '__name__');
  if (labels.length === 0) return metric.__name__ ?? 'value';
  return `${metric.__name__ ?? ''}{${labels.map(([name, value]) => `${name}="${value}"`).join(', ')}}`;
}

/**
 * The threshold an alert draws on the entry's plot: the number its condition compares the example
 * PromQL itself with (`<example> > 5`); undefined when the condition is about another expression.
 */
export function alertThreshold(entry: CatalogEntry): { op: string; value: number } | undefined {
  const condition = entry.alert?.condition;
  if (!condition) return undefined;
  const match = /^(.*?)\s*(>=|<=|>|<|==|!=)\s*(-?[\d.]+(?:e[-+]?\d+)?)\s*$/i.exec(condition);
  if (!match) return undefined;
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(match[1]!) === squash(entry.example_promql) ? { op: match[2]!, value: Number(match[3]) } : undefined;
}

/** The line colours of the current colour scheme. */
function palette(): string[] {
  return matchMedia('(prefers-color-scheme: dark)').matches ? DARK_PALETTE : LIGHT_PALETTE;
}

/** A figure's chart, with what it was built from. */
interface DrawnChart {
  chart: uPlot;
  resize: ResizeObserver;
  /** The query it plots. */
  query: string;
  /** The series' labels and everything the chart's options were made of, as one string. */
  look: string;
  /** The window its x axis spans, read by the axis at every redraw. */
  timeWindow: { start: number; end: number };
}

const charts = new WeakMap<HTMLElement, DrawnChart>();

/** The labels of the series the operator hid from `drawn` by clicking their legend entries, if it plots `query`. */
function hiddenSeries(drawn: DrawnChart | undefined, query: string): Set<string> {
  if (drawn?.query !== query) return new Set();
  return new Set(drawn.chart.series.slice(1).flatMap((series) => (series.show === false && typeof series.label === 'string' ? [series.label] : [])));
}

function removeChart(figure: HTMLElement): void {
  const old = charts.get(figure);
  if (!old) return;
  old.resize.disconnect();
  old.chart.destroy();
  charts.delete(figure);
}

/** A uPlot plugin: a box at the cursor with the time and each shown series' value there. */
function tooltip(unit: PlotUnit, colours: readonly string[]): uPlot.Plugin {
  const tip = h('div', { class: 'plot-tip', role: 'presentation' });
  return {
    hooks: {
      init: (u) => {
        tip.hidden = true;
        u.over.append(tip);
      },
      setCursor: (u) => {
        const { idx, left, top } = u.cursor;
        if (idx === null || idx === undefined || left === undefined || left < 0 || top === undefined) {
          tip.hidden = true;
          return;
        }
        const rows = u.series.slice(1).flatMap((s, i) => {
          if (s.show === false) return [];
          const v = u.data[i + 1]![idx];
          if (v === null || v === undefined) return [];
          return [h('div', {}, h('span', { class: 'swatch', 'data-i': String(i) }), `${String(s.label)}: `, h('strong', { text: formatValue(v, unit) }))];
        });
        tip.replaceChildren(h('div', { class: 'plot-tip-time', text: dateTime(new Date(u.data[0][idx]! * 1000)) }), ...rows);
        tip.querySelectorAll<HTMLElement>('.swatch').forEach((el) => (el.style.background = colours[Number(el.dataset.i) % colours.length]!));
        tip.hidden = false;
        const x = left + 14 + tip.offsetWidth > u.over.clientWidth ? left - tip.offsetWidth - 14 : left + 14;
        tip.style.left = `${Math.max(0, x)}px`;
        tip.style.top = `${Math.max(0, Math.min(top + 14, u.over.clientHeight - tip.offsetHeight))}px`;
      },
    },
  };
}

/** A uPlot plugin: the threshold as a dashed line across the plot, named in the legend. */
function thresholdLine(value: number, colour: string): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const y = u.valToPos(value, 'y', true);
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash([8 * devicePixelRatio, 6 * devicePixelRatio]);
        ctx.beginPath();
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
        ctx.stroke();
        ctx.restore();
      },
    },
  };
}

/** What to plot: a query, the unit of its values, and a threshold to draw. */
export interface PlotSpec {
  query: string;
  unit: PlotUnit;
  threshold?: { op: string; value: number };
}

/** Plots `entry`'s example PromQL over `range` into `figure` (replacing what was there). */
export function plotEntry(entry: CatalogEntry, figure: HTMLElement, range: TimeRange): Promise<void> {
  return plotQuery({ query: entry.example_promql, unit: plotUnit(entry), threshold: alertThreshold(entry) }, figure, range);
}

/** Plots a query over `range` into `figure` (replacing what was there). */
export async function plotQuery(spec: PlotSpec, figure: HTMLElement, range: TimeRange): Promise<void> {
  const caption = figure.querySelector('figcaption')!;
  const area = figure.querySelector<HTMLElement>('.chart')!;
  figure.hidden = false;
  if (figure.dataset.state !== 'drawn') {
    figure.dataset.state = 'loading';
    caption.textContent = `Querying ${describeRange(range)} of ${spec.query} …`;
  }
  const { start, end } = rangeWindow(range);
  const span = end - start;
  const step = Math.max(1, Math.round(span / 240));
  let result: RangeSeries[];
  try {
    result = await queryRange(spec.query, start, end, step);
  } catch (error) {
    removeChart(figure);
    area.replaceChildren();
    figure.dataset.state = 'error';
    caption.textContent = `${error instanceof ApiError ? `The query failed (${error.status}): ${error.message}` : `The query failed: ${String(error)}`}; read ${clock(new Date())}`;
    return;
  }
  const readAt = clock(new Date());
  const { columns, samples, nonFinite } = matrixToColumns(result);
  figure.dataset.series = String(result.length);
  figure.dataset.samples = String(samples);
  figure.dataset.readAt = readAt;
  if (result.length === 0) {
    removeChart(figure);
    area.replaceChildren();
    figure.dataset.state = 'empty';
    caption.textContent = `No series in ${describeRange(range)} (read ${readAt}). The gateway scrapes itself every interval, but range queries leave out about the newest 30 s (the backend's latency offset): a gateway started a minute ago has data to plot; try again shortly.`;
    return;
  }
  const { unit, threshold } = spec;
  let maxAbs = threshold ? Math.abs(threshold.value) : 0;
  for (const column of columns.slice(1) as (number | null)[][]) for (const v of column) if (v !== null) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = axisScale(maxAbs, unit);
  const style = getComputedStyle(figure);
  const ink = style.getPropertyValue('--ink').trim() || '#222';
  const grid = style.getPropertyValue('--grid').trim() || '#ddd';
  const bad = style.getPropertyValue('--bad').trim() || '#b42318';
  const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const colours = palette();
  const labels = result.map((s) => seriesLabel(s.metric));
  const look = JSON.stringify([spec.query, labels, span, scale, unit, threshold, colours, ink, grid, bad]);
  const drawn = charts.get(figure);
  if (drawn?.look === look) {
    drawn.timeWindow.start = start;
    drawn.timeWindow.end = end;
    drawn.chart.setData(columns as uPlot.AlignedData);
  } else {
    drawChart(figure, area, { query: spec.query, look, timeWindow: { start, end }, hidden: hiddenSeries(drawn, spec.query), labels, span, scale, unit, threshold, colours, axis, bad }, columns);
  }
  figure.dataset.state = 'drawn';
  const gaps = nonFinite > 0 ? `; ${nonFinite} NaN or infinite values are gaps` : '';
  const line = threshold ? `; the dashed line is the alert's threshold (${threshold.op} ${formatValue(threshold.value, unit)})` : '';
  caption.textContent = `${result.length} series, ${samples} samples, every ${step} s over ${describeRange(range)}, in ${scale.label}${gaps}${line}; read ${readAt}. Click a legend entry to hide its series.`;
}

/** What a new chart is made of, besides its data. */
interface ChartParts {
  query: string;
  look: string;
  timeWindow: DrawnChart['timeWindow'];
  /** The labels of series not to show. */
  hidden: ReadonlySet<string>;
  labels: string[];
  span: number;
  scale: AxisScale;
  unit: PlotUnit;
  threshold: PlotSpec['threshold'];
  colours: readonly string[];
  axis: uPlot.Axis;
  bad: string;
}

/** Replaces `figure`'s chart with a new one in `area`. */
function drawChart(figure: HTMLElement, area: HTMLElement, parts: ChartParts, columns: Columns): void {
  const { query, look, timeWindow, hidden, labels, span, scale, unit, threshold, colours, axis, bad } = parts;
  removeChart(figure);
  area.replaceChildren();
  const width = Math.max(240, area.clientWidth);
  const plugins = [tooltip(unit, colours)];
  if (threshold) plugins.push(thresholdLine(threshold.value, bad));
  const chart = new uPlot(
    {
      width,
      height: width < 500 ? 220 : 280,
      plugins,
      series: [
        { value: (_u: uPlot, v: number | null) => (v === null ? '—' : dateTime(new Date(v * 1000))) },
        ...labels.map((label, i) => ({
          label,
          show: !hidden.has(label),
          stroke: colours[i % colours.length],
          width: 2,
          value: (_u: uPlot, v: number | null) => formatValue(v, unit),
        })),
      ],
      // The whole window, so an operator sees where data starts and stops; the threshold in view.
      scales: {
        x: { time: true, range: (): uPlot.Range.MinMax => [timeWindow.start, timeWindow.end] },
        y: threshold ? { range: (_u, min, max): uPlot.Range.MinMax => uPlot.rangeNum(Math.min(0, min), Math.max(max, threshold.value * 1.1), 0.1, true) } : {},
      },
      axes: [
        { ...axis, values: (_u: uPlot, ticks: number[]) => timeTicks(ticks, span) },
        { ...axis, size: 64, label: scale.label, labelSize: 24, values: (_u: uPlot, ticks: number[]) => ticks.map((v) => formatTick(v, scale)) },
      ],
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
  charts.set(figure, { chart, resize, query, look, timeWindow });
}

/** Removes the plot from `figure` and hides it. */
export function closePlot(figure: HTMLElement): void {
  removeChart(figure);
  figure.querySelector('.chart')!.replaceChildren();
  figure.hidden = true;
  delete figure.dataset.state;
}

/** A figure for an entry's plot, hidden until the first plot. */
export function plotFigure(name: string): HTMLElement {
  return h('figure', { class: 'plot', hidden: '', 'aria-label': `Plot of ${name}` }, h('div', { class: 'chart' }), h('figcaption'));
}
