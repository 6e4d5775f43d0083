/**
 * Per-request metric updates, queued in plain arrays and applied to prom-client in batches: when
 * the queue is full, and before every scrape (the families they feed flush it from their collect
 * hooks, so /metrics is always exact). prom-client hashes and checks the labels on every call;
 * spread between the other steps of a request that costs several times what the same calls cost
 * back to back (issue 6: the catalog route spent about a tenth of its CPU recording its metrics).
 */

/** One kind of update: a function of up to three label values and a number, defined once, not per request. */
export type BatchedUpdate<A, B, C> = (a: A, b: B, c: C, value: number) => void;

/** A queue of updates. */
export interface MetricBatch {
  /** Queues `update(a, b, c, value)`; updates apply in the order they were added. */
  add<A, B, C>(update: BatchedUpdate<A, B, C>, a: A, b: B, c: C, value: number): void;
  /** Applies every queued update now. */
  flush(): void;
}

/** Creates a queue that applies itself every `size` updates. (default: 256) */
export function createMetricBatch(size = 256): MetricBatch {
  const updates: BatchedUpdate<unknown, unknown, unknown>[] = [];
  const as: unknown[] = [];
  const bs: unknown[] = [];
  const cs: unknown[] = [];
  const values: number[] = [];
  let length = 0;

  function flush(): void {
    const n = length;
    length = 0; // first, so an update that throws cannot make the same updates apply twice
    for (let i = 0; i < n; i++) updates[i]!(as[i], bs[i], cs[i], values[i]!);
  }

  return {
    add(update, a, b, c, value) {
      updates[length] = update as BatchedUpdate<unknown, unknown, unknown>;
      as[length] = a;
      bs[length] = b;
      cs[length] = c;
      values[length] = value;
      if (++length >= size) flush();
    },
    flush,
  };
}
