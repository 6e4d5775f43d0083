/**
 * A concurrency cap that refuses instead of queueing: a gateway that queues hides overload from
 * the client, while a prompt 429 with Retry-After lets it back off (LAYER_PROXY_MAX_CONCURRENT).
 */

/** Counts slots in use; `tryAcquire` returns a release function, or null when full. */
export interface Limiter {
  tryAcquire(): (() => void) | null;
  readonly inUse: number;
}

/** Creates a limiter of `max` slots. Each release function frees its slot once, however often called. */
export function createLimiter(max: number): Limiter {
  let inUse = 0;
  return {
    get inUse() {
      return inUse;
    },
    tryAcquire() {
      if (inUse >= max) return null;
      inUse++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inUse--;
      };
    },
  };
}
