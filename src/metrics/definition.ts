/**
 * One catalog entry as the generated table (src/generated/metrics.ts) describes it to
 * registerMetrics: the instrument kind, its help text, its labels' bounds and its buckets.
 */
import type { LabelRule } from './label-guard.ts';

/** The prom-client instrument of an entry. */
export type MetricKind = 'counter' | 'gauge' | 'histogram';

/** One metric family as registerMetrics builds it. */
export interface MetricDefinition<N extends string = string> {
  readonly name: N;
  readonly kind: MetricKind;
  readonly help: string;
  /** Label names in exposition order, each with its closed set or budget. */
  readonly labels: readonly LabelRule[];
  /** Histogram bucket bounds. (default: prom-client's) */
  readonly buckets?: readonly number[];
}
