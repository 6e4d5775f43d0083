/**
 * Partial backend answers as /health shows them: how many came in the last minute, and since when
 * they keep coming. A VictoriaMetrics cluster marks an answer `"isPartial":true` when some of its
 * storage nodes did not answer; the data is then incomplete although the query succeeded.
 */

/** Seconds a partial answer counts for, and the gap that ends a run of them. */
export const PARTIAL_WINDOW_SECONDS = 60;

/** What /health shows of partial answers. */
export interface PartialResponsesView {
  /** Partial answers in the last PARTIAL_WINDOW_SECONDS. */
  last_minute: number;
  /** When the current run began, ISO 8601; absent when there was none in the window. */
  since?: string;
}

/** Records partial answers and reads the last minute of them. */
export interface PartialResponses {
  record(): void;
  read(): PartialResponsesView;
}

/**
 * Counts per second in a ring of PARTIAL_WINDOW_SECONDS slots, so the memory is fixed whatever
 * the rate of partial answers.
 */
export function createPartialResponses(now: () => number = Date.now): PartialResponses {
  const counts = new Array<number>(PARTIAL_WINDOW_SECONDS).fill(0);
  const seconds = new Array<number>(PARTIAL_WINDOW_SECONDS).fill(-1);
  let runStartedAt: number | undefined;
  let lastAt = -Infinity;
  return {
    record() {
      const at = now();
      if (at - lastAt >= PARTIAL_WINDOW_SECONDS * 1000) runStartedAt = at;
      lastAt = at;
      const second = Math.floor(at / 1000);
      const slot = second % PARTIAL_WINDOW_SECONDS;
      if (seconds[slot] !== second) {
        seconds[slot] = second;
        counts[slot] = 0;
      }
      counts[slot]! += 1;
    },
    read() {
      const at = now();
      const current = Math.floor(at / 1000);
      let total = 0;
      for (let slot = 0; slot < PARTIAL_WINDOW_SECONDS; slot++) {
        // A slot's second is within the window when it is one of the last PARTIAL_WINDOW_SECONDS.
        if (current - seconds[slot]! < PARTIAL_WINDOW_SECONDS) total += counts[slot]!;
      }
      if (total === 0 || runStartedAt === undefined) return { last_minute: 0 };
      return { last_minute: total, since: new Date(runStartedAt).toISOString() };
    },
  };
}
