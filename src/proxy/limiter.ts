/**
 * Concurrency caps with a short, bounded wait: LAYER_PROXY_MAX_CONCURRENT slots in all, at most
 * LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN of them under one key (the caller's API token id), so one
 * client cannot take every slot. A request over a cap waits for a slot, first come first served
 * within its key and keys taking turns, for up to LAYER_PROXY_QUEUE_TIMEOUT_MS: a burst such as a
 * dashboard's panels loading at once is served a moment later instead of refused (Grafana does
 * not retry a 429), as the backend itself queues its searches. Overload still ends in a 429 with
 * Retry-After, when the wait runs out or LAYER_PROXY_MAX_CONCURRENT requests already wait, so
 * clients back off instead of piling up. A waiter holds no slot, and a key's waiters take only
 * slots their key may hold: never one another key could use within its own cap. A request that
 * shares another's backend answer takes a slot of its key only: it costs its token a share, and
 * the backend nothing.
 */

/** Which cap refused a request. */
export type LimitRefusal = 'concurrency' | 'concurrency_per_token';

/** Frees a slot; calling it again does nothing. */
export type Release = () => void;

/** A request waiting for a slot. */
export interface SlotWait {
  /** Settles with the slot's release function, or with the cap still refusing when the wait ran out. */
  readonly slot: Promise<Release | LimitRefusal>;
  /** Leaves the queue, or frees the slot if it was granted meanwhile. */
  cancel(): void;
}

/** Counts slots in use and the requests waiting for one. */
export interface Limiter {
  /** Takes a slot, counted against `key` too when one is given (with `keyOnly`, against `key` alone), or returns the cap that refused; never waits. */
  tryAcquire(key?: string, keyOnly?: boolean): Release | LimitRefusal;
  /** As tryAcquire, synchronously when a slot is free; over a cap the request waits instead when it may (a SlotWait). */
  acquire(key?: string, keyOnly?: boolean): Release | LimitRefusal | SlotWait;
  readonly inUse: number;
  /** Requests waiting for a slot. */
  readonly waiting: number;
}

interface Waiter {
  key: string | undefined;
  counted: boolean;
  settle: (result: Release | LimitRefusal) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  granted: Release | undefined;
  done: boolean;
}

/**
 * Creates a limiter of `max` slots, at most `perKey` of them held under one key (default: max),
 * where a request over a cap waits up to `waitMs` for a slot (default 0: refused at once) and at
 * most `max` requests wait. Each release function frees its slot once, however often called.
 */
export function createLimiter(max: number, perKey = max, waitMs = 0): Limiter {
  let inUse = 0;
  let waiting = 0;
  // Only keys holding a slot are kept, so the map never grows past the slots and shares held.
  const byKey = new Map<string, number>();
  // Waiters by key, in arrival order within each; the map's order is the keys' turn.
  const queues = new Map<string | undefined, Set<Waiter>>();

  const heldBy = (key: string | undefined) => (key === undefined ? 0 : (byKey.get(key) ?? 0));
  const capReached = (key: string | undefined, counted: boolean): LimitRefusal | undefined => {
    if (counted && inUse >= max) return 'concurrency';
    return heldBy(key) >= perKey ? 'concurrency_per_token' : undefined;
  };

  // `held`: the slots `key` holds now, read once by the caller.
  const take = (key: string | undefined, counted: boolean, held: number): Release => {
    if (counted) inUse++;
    if (key !== undefined) byKey.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (counted) inUse--;
      if (key !== undefined) {
        const left = (byKey.get(key) ?? 1) - 1;
        if (left === 0) byKey.delete(key);
        else byKey.set(key, left);
      }
      if (waiting > 0) admit();
    };
  };

  const dequeue = (waiter: Waiter) => {
    waiter.done = true;
    clearTimeout(waiter.timer);
    waiting--;
    const queue = queues.get(waiter.key)!;
    queue.delete(waiter);
    if (queue.size === 0) queues.delete(waiter.key);
  };

  // Hands free slots to each key's first waiter, keys in turn. Admitting only uses slots up, so a
  // key whose first waiter cannot go now stays so for this pass; a key that got one goes to the
  // back of the turn (and is visited again there).
  const admit = () => {
    for (const [key, queue] of queues) {
      const first = queue.values().next().value!;
      if (capReached(key, first.counted) !== undefined) continue;
      dequeue(first);
      if (queue.size > 0) {
        queues.delete(key);
        queues.set(key, queue);
      }
      first.granted = take(key, first.counted, heldBy(key));
      first.settle(first.granted);
    }
  };

  // A waiter that leaves: the next of its key may be able to go where it could not.
  const leave = (waiter: Waiter) => {
    const reason = capReached(waiter.key, waiter.counted) ?? 'concurrency';
    dequeue(waiter);
    waiter.settle(reason);
    admit();
  };

  const tryAcquire = (key: string | undefined, keyOnly = false): Release | LimitRefusal => {
    const counted = !keyOnly || key === undefined;
    if (counted && inUse >= max) return 'concurrency';
    const held = heldBy(key);
    if (held >= perKey) return 'concurrency_per_token';
    // An earlier request of the same key waits for the gateway's cap: this one comes after it.
    if (waiting > 0 && queues.has(key)) return 'concurrency';
    return take(key, counted, held);
  };

  return {
    get inUse() {
      return inUse;
    },
    get waiting() {
      return waiting;
    },
    tryAcquire,
    acquire(key, keyOnly = false) {
      const got = tryAcquire(key, keyOnly);
      if (typeof got === 'function' || waitMs === 0 || waiting >= max) return got;
      let settle!: Waiter['settle'];
      const slot = new Promise<Release | LimitRefusal>((resolve) => (settle = resolve));
      const waiter: Waiter = { key, counted: !keyOnly || key === undefined, settle, timer: undefined, granted: undefined, done: false };
      waiter.timer = setTimeout(() => leave(waiter), waitMs);
      const queue = queues.get(key);
      if (queue) queue.add(waiter);
      else queues.set(key, new Set([waiter]));
      waiting++;
      return {
        slot,
        cancel() {
          if (!waiter.done) leave(waiter);
          else waiter.granted?.();
        },
      };
    },
  };
}
