/**
 * Taking a concurrency slot: synchronously when one is free, else waiting in the limiter's queue
 * (LAYER_PROXY_QUEUE_TIMEOUT_MS), else a 429. A request that can join an identical one's answer in
 * flight takes only a share of its token's cap.
 */
import { TooManyRequestsError } from '../errors.ts';
import type { CoalesceKey } from '../proxy/coalesce.ts';
import type { LimitRefusal, Release, SlotWait } from '../proxy/limiter.ts';
import type { Client } from './client.ts';
import type { Passthrough } from './deps.ts';

/** What taking a slot needs of its route. */
export type SlotTaker = Pick<Passthrough, 'deps' | 'reject'>;

/** What a client over a concurrency cap is told, by the cap that refused it. */
export const TOO_MANY: Record<LimitRefusal, string> = {
  concurrency: 'the gateway is at its limit of concurrent queries (LAYER_PROXY_MAX_CONCURRENT); retry after the given seconds',
  concurrency_per_token: 'this API token is at its limit of concurrent queries (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN); retry after the given seconds, or send fewer queries at once',
};

/** Waits for a concurrency slot; undefined when the client left meanwhile (nothing is then held). */
async function waitForSlot(wait: SlotWait, client: Client): Promise<Release | LimitRefusal | undefined> {
  client.waiting = wait;
  const got = await wait.slot;
  client.waiting = undefined;
  if (!client.closed) return got;
  if (typeof got === 'function') got();
  return undefined;
}

/** The 429 of a refused slot, counted. */
function refuse({ reject }: SlotTaker, refusal: LimitRefusal): never {
  reject(refusal);
  throw new TooManyRequestsError(TOO_MANY[refusal], 1);
}

/** Waits in the queue, then looks again for an answer to join; false when the client left. */
async function waitTurn(p: SlotTaker, client: Client, tokenId: string | undefined, key: CoalesceKey | undefined, wait: SlotWait): Promise<boolean> {
  for (;;) {
    const got = await waitForSlot(wait, client);
    if (got === undefined) return false; // the client left while it waited
    if (typeof got === 'string') refuse(p, got);
    // What is in flight may have changed during the wait; a backend slot may join (freed with that answer).
    const now = key === undefined ? undefined : p.deps.inFlight.find(key);
    if (now !== undefined || client.shared === undefined) {
      [client.shared, client.slot] = [now, got];
      return true;
    }
    got(); // a share of an answer that can no longer be joined: a backend slot is needed instead
    client.shared = undefined;
    const taken = p.deps.limiter.acquire(tokenId, false);
    if (typeof taken === 'function') {
      client.slot = taken;
      return true;
    }
    if (typeof taken === 'string') refuse(p, taken);
    wait = taken;
  }
}

/**
 * Sets `client.slot`, and `client.shared` when an answer in flight under `key` can be joined.
 * Returns true synchronously when a slot is free; a promise of false when the client left while it waited.
 */
export function takeSlot(p: SlotTaker, client: Client, tokenId: string | undefined, key: CoalesceKey | undefined): true | Promise<boolean> {
  client.shared = key === undefined ? undefined : p.deps.inFlight.find(key);
  // A joiner takes a share of its token's cap (fairness between tokens) but no backend slot.
  const taken = p.deps.limiter.acquire(tokenId, client.shared !== undefined);
  if (typeof taken === 'function') {
    client.slot = taken;
    return true;
  }
  if (typeof taken === 'string') refuse(p, taken);
  return waitTurn(p, client, tokenId, key, taken);
}
