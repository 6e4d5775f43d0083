/**
 * Per-request metric updates, queued and applied to prom-client in batches: when the queue is
 * full, and before every scrape (the families they feed flush it from their collect hooks, so
 * /metrics is always exact). Updates with the same labels are grouped: a batch of requests to one
 * route with one status applies as one counter increment and a list of observations. prom-client
 * hashes and checks the labels on every call, so calling it per request would make recording
 * metrics a visible share of a small route's CPU (figures in docs/decisions.md).
 */

/**
 * One kind of update, defined once, not per request: up to three label values and every value
 * queued with them since the last flush (never empty).
 */
export type BatchedUpdate<A, B, C> = (a: A, b: B, c: C, values: readonly number[]) => void;

/** A queue of updates. */
export interface MetricBatch {
  /** Queues `value` for `update(a, b, c, ...)`. */
  add<A, B, C>(update: BatchedUpdate<A, B, C>, a: A, b: B, c: C, value: number): void;
  /** Applies every queued update now: each distinct (update, a, b, c) once, in the order first queued. */
  flush(): void;
}

interface Group {
  readonly update: BatchedUpdate<unknown, unknown, unknown>;
  readonly a: unknown;
  readonly b: unknown;
  readonly c: unknown;
  readonly values: number[];
}

// update -> a -> b -> c -> group: nested lookups, since a key built from the four would cost a
// new string per request. (Written out rather than through a helper taking factories: this runs
// once per request and closures per call would cost what grouping saves.)
type Level<V> = Map<unknown, V>;

/** Up to how many groups `add` compares in place before it uses the index. */
const SCAN_GROUPS = 8;

/** Creates a queue that applies itself every `size` updates. (default: 256) */
export function createMetricBatch(size = 256): MetricBatch {
  // Rebuilt per batch, so label values seen once (a rare status code) are not kept forever.
  let index: Level<Level<Level<Level<Group>>>> = new Map();
  let groups: Group[] = [];
  let length = 0;

  function flush(): void {
    const applying = groups;
    // First, so an update that throws cannot make the same values apply twice.
    groups = [];
    index = new Map();
    length = 0;
    for (const group of applying) group.update(group.a, group.b, group.c, group.values);
  }

  return {
    add(update, a, b, c, value) {
      const key = update as BatchedUpdate<unknown, unknown, unknown>;
      // A request makes a few updates under the same few label sets, so a batch usually holds a
      // handful of groups: comparing them in place costs less than four map lookups.
      if (groups.length <= SCAN_GROUPS) {
        for (let i = 0; i < groups.length; i++) {
          const group = groups[i]!;
          if (group.update === key && group.a === a && group.b === b && group.c === c) {
            group.values.push(value);
            if (++length >= size) flush();
            return;
          }
        }
      }
      let byA = index.get(key);
      if (byA === undefined) index.set(key, (byA = new Map()));
      let byB = byA.get(a);
      if (byB === undefined) byA.set(a, (byB = new Map()));
      let byC = byB.get(b);
      if (byC === undefined) byB.set(b, (byC = new Map()));
      let group = byC.get(c);
      if (group === undefined) {
        group = { update: key, a, b, c, values: [] };
        byC.set(c, group);
        groups.push(group);
      }
      group.values.push(value);
      if (++length >= size) flush();
    },
    flush,
  };
}
