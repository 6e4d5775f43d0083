import assert from 'node:assert/strict';
import { createLimiter, type Limiter, type LimitRefusal, type Release, type SlotWait } from '../../src/proxy/limiter.ts';

/** The wait of a request over a cap; fails when the limiter answered at once. */
function mustWait(limiter: Limiter, key?: string, keyOnly?: boolean): SlotWait {
  const got = limiter.acquire(key, keyOnly);
  assert.equal(typeof got, 'object', `got ${typeof got === 'string' ? got : 'a slot'} at once; want a wait`);
  return got as SlotWait;
}

/** The order in which `waits` get their slot: their index, as each settles with a release function. */
function grantOrder(waits: SlotWait[]): { order: number[]; releases: Release[] } {
  const seen = { order: [] as number[], releases: [] as Release[] };
  waits.forEach((w, i) =>
    void w.slot.then((got) => {
      if (typeof got === 'function') {
        seen.order.push(i);
        seen.releases.push(got);
      }
    }),
  );
  return seen;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter(max, perKey, waitMs): the wait queue', () => {
  it('takes a free slot synchronously, without a promise', () => {
    const limiter = createLimiter(2, 2, 10_000);
    const got = limiter.acquire('a');
    assert.equal(typeof got, 'function');
    assert.equal(limiter.inUse, 1);
  });

  it('refuses at once with a wait of 0, as tryAcquire does', () => {
    const limiter = createLimiter(1, 1, 0);
    limiter.acquire('a');
    assert.equal(limiter.acquire('a'), 'concurrency');
    assert.equal(limiter.acquire('b'), 'concurrency');
    assert.equal(limiter.waiting, 0);
  });

  it("serves one key's waiters first come, first served as its slots come free", async () => {
    const limiter = createLimiter(8, 2, 10_000);
    const held = [limiter.acquire('a') as Release, limiter.acquire('a') as Release];
    const waits = [0, 1, 2].map(() => mustWait(limiter, 'a'));
    const seen = grantOrder(waits);
    assert.equal(limiter.waiting, 3);
    held[0]!();
    await turn();
    assert.deepEqual(seen.order, [0]);
    held[1]!();
    seen.releases[0]!();
    await turn();
    assert.deepEqual(seen.order, [0, 1, 2]);
    assert.equal(limiter.waiting, 0);
    assert.equal(limiter.inUse, 2);
  });

  it("lets another key take a free slot while one key's waiters wait for their own cap", async () => {
    const limiter = createLimiter(4, 1, 10_000);
    const a = limiter.acquire('a') as Release;
    const waitA = mustWait(limiter, 'a');
    assert.equal(typeof limiter.acquire('b'), 'function', 'key b is under its cap and slots are free');
    assert.equal(typeof limiter.acquire('c'), 'function');
    a();
    assert.equal(typeof (await waitA.slot), 'function');
  });

  it('gives freed slots to the keys in turn, not to the key that queued the most', async () => {
    const limiter = createLimiter(4, 2, 10_000);
    const held = [limiter.acquire('x') as Release, limiter.acquire('x') as Release, limiter.acquire('y') as Release, limiter.acquire('y') as Release];
    // Key a queues three, then b one: the second freed slot goes to b, not to a's second.
    const waits = [mustWait(limiter, 'a'), mustWait(limiter, 'a'), mustWait(limiter, 'a'), mustWait(limiter, 'b')];
    const seen = grantOrder(waits);
    held[0]!();
    held[1]!();
    await turn();
    assert.deepEqual(seen.order, [0, 3]);
  });

  it('keeps a later request of a waiting key behind that key\'s waiters, even for tryAcquire', async () => {
    const limiter = createLimiter(2, 2, 10_000);
    const x = limiter.acquire('x') as Release;
    limiter.acquire('y');
    const waitA = mustWait(limiter, 'a');
    // A share (keyOnly) needs no gateway slot, but a's first waiter came earlier.
    assert.equal(typeof limiter.acquire('a', true), 'object');
    assert.equal(limiter.tryAcquire('a', true), 'concurrency');
    x();
    assert.equal(typeof (await waitA.slot), 'function');
  });

  it('answers the cap that still refuses once the wait runs out, and holds nothing', async () => {
    const limiter = createLimiter(4, 1, 50);
    const a = limiter.acquire('a') as Release;
    const started = performance.now();
    const got: Release | LimitRefusal = await mustWait(limiter, 'a').slot;
    const ms = performance.now() - started;
    assert.equal(got, 'concurrency_per_token');
    assert.ok(ms >= 45 && ms < 1000, `refused after ${ms} ms; want about 50`);
    assert.equal(limiter.waiting, 0);
    a();
    assert.equal(limiter.inUse, 0);
    const full = createLimiter(1, 1, 50);
    full.acquire('x');
    assert.equal(await mustWait(full, 'b').slot, 'concurrency');
  });

  it('takes a waiter that leaves out of the queue: no slot is granted to it or lost', async () => {
    const limiter = createLimiter(2, 1, 10_000);
    const x = limiter.acquire('x') as Release;
    const y = limiter.acquire('y') as Release;
    const leaving = mustWait(limiter, 'a');
    const staying = mustWait(limiter, 'b');
    leaving.cancel();
    assert.equal(limiter.waiting, 1);
    assert.notEqual(typeof (await leaving.slot), 'function');
    x();
    const got = await staying.slot;
    assert.equal(typeof got, 'function');
    (got as Release)();
    y();
    assert.equal(limiter.inUse, 0);
    assert.equal(limiter.waiting, 0);
  });

  it('frees a slot granted to a waiter that leaves before it used it', async () => {
    const limiter = createLimiter(1, 1, 10_000);
    const x = limiter.acquire('x') as Release;
    const wait = mustWait(limiter, 'a');
    x();
    assert.equal(limiter.inUse, 1, 'granted to the waiter');
    wait.cancel();
    assert.equal(limiter.inUse, 0);
    assert.equal(typeof limiter.acquire('b'), 'function');
  });

  it('lets the next of a key go when its first waiter, blocked on the gateway cap, leaves', async () => {
    const limiter = createLimiter(2, 2, 10_000);
    limiter.acquire('x');
    limiter.acquire('y');
    const first = mustWait(limiter, 'a');
    const share = mustWait(limiter, 'a', true);
    first.cancel();
    assert.equal(typeof (await share.slot), 'function', 'a share needs no gateway slot');
  });

  it('lets at most max requests wait; beyond, refuses at once', async () => {
    const limiter = createLimiter(2, 1, 10_000);
    const held = [limiter.acquire('x') as Release, limiter.acquire('y') as Release];
    const waits = [mustWait(limiter, 'a'), mustWait(limiter, 'a')];
    assert.equal(limiter.acquire('a'), 'concurrency');
    assert.equal(limiter.acquire('b'), 'concurrency');
    assert.equal(limiter.waiting, 2);
    for (const w of waits) w.cancel();
    for (const r of held) r();
    assert.equal(limiter.inUse, 0);
  });
});
