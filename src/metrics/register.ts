/**
 * Registers every catalog entry into a registry, from the generated table of definitions, and
 * returns the typed handles: one instrument per entry behind the cardinality guard (prom-client's
 * Counter and Gauge, and BulkHistogram, which the registry renders as its own Histogram).
 */
import { Counter, Gauge, type Metric, type Registry } from 'prom-client';
import { metricDefinitions, type MetricFamily, type MetricHandles } from '../generated/metrics.ts';
import { BulkHistogram } from './bulk-histogram.ts';
import type { MetricDefinition } from './definition.ts';
import { createLabelGuard, OVERFLOW_VALUE, type LabelGuard, type RawLabels } from './label-guard.ts';

/** Options of registerMetrics. */
export interface RegisterMetricsOptions {
  /** Callbacks run at scrape time to refresh a metric (process and runtime figures, say). (default: none) */
  collect?: { [K in MetricFamily]?: (handle: MetricHandles[K]) => void | Promise<void> };
}

/** The catalog entry that counts folded label values; the guard of every other entry reports to it. */
const OVERFLOW_METRIC = 'layer_metrics_label_overflow_total' satisfies MetricFamily;

type Instrument = Counter | Gauge | BulkHistogram;

function createInstrument(definition: MetricDefinition, registry: Registry, collect: (() => void | Promise<void>) | undefined): Instrument {
  const config = {
    name: definition.name,
    help: definition.help,
    labelNames: definition.labels.map((label) => label.name),
    registers: [registry],
    ...(collect ? { collect } : {}),
  };
  switch (definition.kind) {
    case 'counter':
      return new Counter(config);
    case 'gauge':
      return new Gauge(config);
    case 'histogram': {
      const { name, help, labelNames } = config;
      const histogram = new BulkHistogram({ name, help, labelNames, ...(collect ? { collect } : {}), ...(definition.buckets ? { buckets: definition.buckets } : {}) });
      // The registry reads only what BulkHistogram implements (see bulk-histogram.ts).
      registry.registerMetric(histogram as unknown as Metric);
      return histogram;
    }
  }
}

/**
 * Observes `values` under labels guarded once: a batch of one route's durations checks its labels
 * and finds its series once rather than per value. When the guard folded a value, it runs again once
 * per further observation, so layer_metrics_label_overflow_total counts every folded observation
 * (the guard gives the same labels every time for the same input).
 */
function observeEach(histogram: BulkHistogram, guard: LabelGuard, labels: RawLabels, values: readonly number[]): void {
  if (values.length === 0) return;
  const guarded = guard(labels);
  if (Object.values(guarded).includes(OVERFLOW_VALUE)) for (let i = 1; i < values.length; i++) guard(labels);
  histogram.observeEach(guarded, values);
}

function labelledHandle(instrument: Instrument, guard: LabelGuard): object {
  if (instrument instanceof Counter) return { inc: (labels: RawLabels, value?: number) => instrument.inc(guard(labels), value) };
  if (instrument instanceof BulkHistogram) return { observe: (labels: RawLabels, value: number) => instrument.observe(guard(labels), value), observeEach: (labels: RawLabels, values: readonly number[]) => observeEach(instrument, guard, labels, values) };
  return {
    set: (labels: RawLabels, value: number) => instrument.set(guard(labels), value),
    inc: (labels: RawLabels, value?: number) => instrument.inc(guard(labels), value),
    dec: (labels: RawLabels, value?: number) => instrument.dec(guard(labels), value),
    // Not through the guard: it would spend a budget slot on a value being dropped, or fold it
    // into `__overflow__` and remove that shared series. Removing a series that was never
    // recorded (a value the guard folded) is a no-op in prom-client.
    remove: (labels: RawLabels) => instrument.remove({ ...labels }),
  };
}

function plainHandle(instrument: Instrument): object {
  if (instrument instanceof Counter) return { inc: (value?: number) => instrument.inc(value) };
  if (instrument instanceof BulkHistogram) return { observe: (value: number) => instrument.observe({}, value) };
  return { set: (value: number) => instrument.set(value), inc: (value?: number) => instrument.inc(value), dec: (value?: number) => instrument.dec(value) };
}

/** Registers every catalog entry into `registry` (never the global one) and returns typed handles. */
export function registerMetrics(registry: Registry, options: RegisterMetricsOptions = {}): MetricHandles {
  const handles: Record<string, object> = {};
  const hooks = (options.collect ?? {}) as Partial<Record<MetricFamily, (handle: unknown) => void | Promise<void>>>;
  // The overflow counter's own labels are bounded too, but it cannot count itself.
  const ignoreOverflow = () => {};
  const countOverflow = (metric: string) => (label: string) => (handles as unknown as MetricHandles)[OVERFLOW_METRIC].inc({ metric, label });
  for (const definition of metricDefinitions) {
    const hook = hooks[definition.name];
    // prom-client calls `collect` at scrape time, by when every handle exists.
    const instrument = createInstrument(definition, registry, hook && (() => hook(handles[definition.name])));
    if (definition.labels.length === 0) {
      handles[definition.name] = plainHandle(instrument);
      continue;
    }
    const report = definition.name === OVERFLOW_METRIC ? ignoreOverflow : countOverflow(definition.name);
    handles[definition.name] = labelledHandle(instrument, createLabelGuard(definition.labels, report));
  }
  // Every family of the table has its handle, built by its kind and labels as MetricHandles types it
  // (both are generated from the same catalog entries).
  return handles as unknown as MetricHandles;
}
