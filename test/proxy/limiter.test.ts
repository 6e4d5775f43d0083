import assert from 'node:assert/strict';
import { createLimiter } from '../../src/proxy/limiter.ts';

describe('createLimiter(max, perKey)', () => {
  it('refuses with "concurrency" once max slots are held, and takes one again after a release', () => {
    const limiter = createLimiter(2);
    const a = limiter.tryAcquire();
    const b = limiter.tryAcquire();
    assert.equal(typeof a, 'function');
    assert.equal(typeof b, 'function');
    assert.equal(limiter.tryAcquire(), 'concurrency');
    (a as () => void)();
    assert.equal(typeof limiter.tryAcquire(), 'function');
  });

  it('refuses a key over its share with "concurrency_per_token" while other keys still get slots', () => {
    const limiter = createLimiter(4, 1);
    const a = limiter.tryAcquire('a');
    assert.equal(limiter.tryAcquire('a'), 'concurrency_per_token');
    assert.equal(typeof limiter.tryAcquire('b'), 'function');
    (a as () => void)();
    assert.equal(typeof limiter.tryAcquire('a'), 'function', 'a key gets a slot again once its own is released');
  });

  it('frees each slot once, however often its release is called', () => {
    const limiter = createLimiter(3, 2);
    const a = limiter.tryAcquire('a') as () => void;
    limiter.tryAcquire('a');
    a();
    a();
    assert.equal(limiter.inUse, 1, `got ${limiter.inUse} in use; want 1`);
    assert.equal(typeof limiter.tryAcquire('a'), 'function');
    assert.equal(limiter.tryAcquire('a'), 'concurrency_per_token');
  });
});
