/**
 * A histogram instrument that takes a list of values under one label set in one call: the series
 * is found once, and each value costs a numeric bucket search and three additions. prom-client's
 * Histogram converts, checks and hashes the labels and finds the bucket through a number-keyed
 * property for every value, which is most of what recording a request's durations costs.
 *
 * prom-client's Registry renders it as it renders a prom-client Histogram with the same name, help,
 * buckets and observations: `getForPromString` returns the same values in the same order (series
 * in the order first observed; each bucket cumulative with a numeric `le`, then `+Inf`, `_sum`,
 * `_count`). What the Registry reads from a registered metric (name, help, type, aggregator, get,
 * getForPromString, reset) is prom-client's internal contract: the version is pinned and
 * test/library-internals.test.ts fails when it changes (docs/decisions.md).
 */

/** Label values of one series, in the histogram's label-name order. */
export type HistogramLabels = Readonly<Record<string, string>>;

/** prom-client's default buckets, for a definition without its own. */
const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One series: per-bucket counts (not cumulative; a value above every bound is only counted). */
interface Series {
  readonly labels: HistogramLabels;
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/** One step of the label-value tree: a label's values lead to the next label, the last to a series. */
interface Node {
  next?: Map<string, Node>;
  series?: Series;
}

/** One rendered sample, in the shape prom-client's Registry reads (and its Histogram returns). */
interface Sample {
  labels: Record<string, string | number>;
  sharedLabels: HistogramLabels;
  value: number;
  metricName: string;
  exemplar: null | undefined;
}

/** A family's values as prom-client's Registry reads them. */
interface HistogramData<S> {
  name: string;
  help: string;
  type: 'histogram';
  values: S[];
  aggregator: 'sum';
}

/** One sample with its series' labels and `le` in one object, as prom-client's Histogram#get returns it. */
interface SplayedSample extends Omit<Sample, 'labels' | 'sharedLabels'> {
  labels: Record<string, string | number>;
}

/** What a BulkHistogram is built from. */
export interface BulkHistogramConfig {
  readonly name: string;
  readonly help: string;
  /** Label names in exposition order. (default: none) */
  readonly labelNames?: readonly string[];
  /** Upper bounds, ascending. (default: prom-client's) */
  readonly buckets?: readonly number[];
  /** Run before every render, as prom-client's `collect` option. (default: none) */
  readonly collect?: () => void | Promise<void>;
}

function invalidValue(name: string, value: number): TypeError {
  return new TypeError(`${name}: observed ${String(value)}; want a finite number (a duration in seconds, say)`);
}

/** A histogram that prom-client's Registry renders, observed one value or many at a time. */
export class BulkHistogram {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  /** How prom-client's cluster aggregation merges workers' values. */
  readonly aggregator = 'sum';
  readonly labelNames: readonly string[];
  private readonly bounds: Float64Array;
  private readonly collect: (() => void | Promise<void>) | undefined;
  private root: Node = {};
  private series: Series[] = [];

  constructor(config: BulkHistogramConfig) {
    this.name = config.name;
    this.help = config.help;
    this.labelNames = config.labelNames ?? [];
    this.bounds = Float64Array.from(config.buckets ?? DEFAULT_BUCKETS);
    this.collect = config.collect;
    // A histogram without labels renders its one series from the start, as prom-client's does.
    if (this.labelNames.length === 0) this.find({});
  }

  /** Observes `value` under `labels` (a value for every label name). */
  observe(labels: HistogramLabels, value: number): void {
    if (!Number.isFinite(value)) throw invalidValue(this.name, value);
    this.add(this.find(labels), value);
  }

  /**
   * Observes every value of `values` under `labels`, as `observe` once per value does: the values
   * before one that is not finite are kept, and that one throws.
   */
  observeEach(labels: HistogramLabels, values: readonly number[]): void {
    if (values.length === 0) return;
    const first = values[0]!;
    if (!Number.isFinite(first)) throw invalidValue(this.name, first);
    const series = this.find(labels);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value)) throw invalidValue(this.name, value);
      this.add(series, value);
    }
  }

  /** Drops every series, as prom-client's `reset` does (a histogram without labels too). */
  reset(): void {
    this.root = {};
    this.series = [];
  }

  /** The values with each sample's labels in one object, as prom-client's Histogram#get returns them. */
  async get(): Promise<HistogramData<SplayedSample>> {
    const data = await this.getForPromString();
    const values = data.values.map(({ labels, sharedLabels, ...sample }): SplayedSample => ({ ...sample, labels: { ...labels, ...sharedLabels } }));
    return { ...data, values };
  }

  /** The values as prom-client's Registry renders them, after the `collect` hook. */
  async getForPromString(): Promise<HistogramData<Sample>> {
    if (this.collect) await this.collect();
    const bucket = `${this.name}_bucket`;
    const values: Sample[] = [];
    for (const series of this.series) {
      const shared = series.labels;
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += series.counts[i]!;
        values.push({ labels: { le: this.bounds[i]! }, sharedLabels: shared, value: cumulative, metricName: bucket, exemplar: null });
      }
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: shared, value: series.count, metricName: bucket, exemplar: null },
        { labels: {}, sharedLabels: shared, value: series.sum, metricName: `${this.name}_sum`, exemplar: undefined },
        { labels: {}, sharedLabels: shared, value: series.count, metricName: `${this.name}_count`, exemplar: undefined },
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  private add(series: Series, value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    if (i < bounds.length) series.counts[i] = series.counts[i]! + 1;
    series.sum += value;
    series.count++;
  }

  /** The series of `labels`, created (and placed last in the render order) on first use. */
  private find(labels: HistogramLabels): Series {
    let node = this.root;
    for (const name of this.labelNames) {
      const value = labels[name] ?? '';
      const next = (node.next ??= new Map());
      let child = next.get(value);
      if (child === undefined) next.set(value, (child = {}));
      node = child;
    }
    if (node.series === undefined) {
      // The first label object is kept: prom-client's Registry caches its rendering by identity.
      node.series = { labels, counts: new Float64Array(this.bounds.length), sum: 0, count: 0 };
      this.series.push(node.series);
    }
    return node.series;
  }
}
