/**
 * The typed handles that `registerMetrics` (register.ts) returns, one per catalog entry. Label objects
 * are typed from catalog.yaml, so a wrong label name or a value outside a closed set fails to
 * compile; values that arrive untyped at run time go through the cardinality guard.
 */

/** A counter with labels. */
export interface CounterHandle<L> {
  inc(labels: L, value?: number): void;
}

/** A counter without labels. */
export interface PlainCounterHandle {
  inc(value?: number): void;
}

/** A gauge with labels. */
export interface GaugeHandle<L> {
  set(labels: L, value: number): void;
  inc(labels: L, value?: number): void;
  dec(labels: L, value?: number): void;
  /** Drops the series of these labels (a namespace that went away, say). */
  remove(labels: L): void;
}

/** A gauge without labels. */
export interface PlainGaugeHandle {
  set(value: number): void;
  inc(value?: number): void;
  dec(value?: number): void;
}

/** A histogram with labels. */
export interface HistogramHandle<L> {
  observe(labels: L, value: number): void;
  /** Observes every value of `values` under the same labels, as `observe` once per value does. */
  observeEach(labels: L, values: readonly number[]): void;
}

/** A histogram without labels. */
export interface PlainHistogramHandle {
  observe(value: number): void;
}
