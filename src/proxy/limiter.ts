/**
 * A concurrency cap that refuses instead of queueing: a gateway that queues hides overload from
 * the client, while a prompt 429 with Retry-After lets it back off (LAYER_PROXY_MAX_CONCURRENT).
 * An optional second cap per key (the caller's API token id) keeps one client from taking every
 * slot (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN). A request that shares another's backend answer
 * takes a slot of its key only: it costs its token a share, and the backend nothing.
 */

/** Which cap refused a request. */
export type LimitRefusal = 'concurrency' | 'concurrency_per_token';

/** Counts slots in use; `tryAcquire` returns a release function, or the cap that refused. */
export interface Limiter {
  /** Takes a slot, counted against `key` too when one is given; with `keyOnly`, against `key` alone. */
  tryAcquire(key?: string, keyOnly?: boolean): (() => void) | LimitRefusal;
  readonly inUse: number;
}

/**
 * Creates a limiter of `max` slots, at most `perKey` of them held under one key (default: max).
 * Each release function frees its slot once, however often called.
 */
export function createLimiter(max: number, perKey = max): Limiter {
  let inUse = 0;
  // Only keys holding a slot are kept, so the map never grows past the slots and shares held.
  const byKey = new Map<string, number>();
  return {
    get inUse() {
      return inUse;
    },
    tryAcquire(key, keyOnly = false) {
      const counted = !keyOnly || key === undefined;
      if (counted && inUse >= max) return 'concurrency';
      const held = key === undefined ? 0 : (byKey.get(key) ?? 0);
      if (held >= perKey) return 'concurrency_per_token';
      if (counted) inUse++;
      if (key !== undefined) byKey.set(key, held + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (counted) inUse--;
        if (key === undefined) return;
        const left = (byKey.get(key) ?? 1) - 1;
        if (left === 0) byKey.delete(key);
        else byKey.set(key, left);
      };
    },
  };
}
