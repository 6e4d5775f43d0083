/**
 * The catalog as the tooling sees it: catalog.yaml parsed, with the source line of every node kept
 * so that problems can point at `catalog.yaml:42`.
 */

/** Metric kinds the gateway emits. */
export type MetricKind = 'histogram' | 'counter' | 'gauge';

/** Lifecycle of an entry. */
export type Stability = 'stable' | 'experimental' | 'deprecated';

/** One label of an entry: a closed set of values, or an open set with a budget. */
export interface LabelSpec {
  name: string;
  description: string;
  /** The closed set of allowed values; absent for an open set. */
  values?: string[];
  /** The most distinct values an open set may take before folding into `__overflow__`. */
  max_values?: number;
}

/** An alerting rule backed by an entry. */
export interface AlertSpec {
  name: string;
  /** PromQL; the alert fires while it returns series. */
  condition: string;
  /** Prometheus duration, for example `5m` (default: `0m`). */
  for?: string;
  severity?: 'info' | 'warning' | 'critical';
  summary?: string;
}

/** A deliberate exception to one lint rule, with the reason a reviewer can read. */
export interface LintWaiver {
  rule: string;
  reason: string;
}

/** One metric family. */
export interface CatalogEntry {
  name: string;
  kind: MetricKind;
  description: string;
  unit: string;
  family: string;
  stability: Stability;
  labels: LabelSpec[];
  /** Histogram bucket upper bounds; histograms only. */
  buckets?: number[];
  example_promql: string;
  alert?: AlertSpec;
  /** For deprecated entries: the metric that replaces it. */
  replaced_by?: string;
  lint_waivers?: LintWaiver[];
}

/** The whole catalog file. */
export interface Catalog {
  version: string;
  entries: CatalogEntry[];
}

/** One finding of the loader or the linter: where, which entry, what is wrong and the fix. */
export interface Problem {
  file: string;
  line: number;
  /** Entry name, or `-` for problems outside an entry. */
  entry: string;
  /** Stable rule id, for example `counter-suffix`. */
  rule: string;
  message: string;
}
