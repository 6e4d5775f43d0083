import assert from 'node:assert/strict';
import { createInflight } from '../../src/util/inflight.ts';

/** A promise and the functions that settle it. */
function deferred(): { promise: Promise<string>; resolve(value: string): void; reject(error: Error): void } {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createInflight', () => {
  it('is busy while tracked work runs, and passes its value through', async () => {
    const inflight = createInflight();
    const work = deferred();
    const tracked = inflight.track(work.promise);
    assert.equal(inflight.busy, true);
    work.resolve('up');
    assert.equal(await tracked, 'up');
    assert.equal(inflight.busy, false);
  });

  it('settled() waits for a failing work without throwing, and track() still rejects', async () => {
    const inflight = createInflight();
    const work = deferred();
    const tracked = inflight.track(work.promise);
    let settled = false;
    const waiting = inflight.settled().then(() => (settled = true));
    await Promise.resolve();
    assert.equal(settled, false, 'got settled() resolved while the work ran; want it to wait');
    work.reject(new Error('launch failed'));
    await assert.rejects(tracked, /launch failed/);
    await waiting;
    assert.equal(settled, true);
  });

  it('stays busy with newer work when an older one settles', async () => {
    const inflight = createInflight();
    const older = deferred();
    const newer = deferred();
    const first = inflight.track(older.promise);
    const second = inflight.track(newer.promise);
    older.resolve('old');
    await first;
    assert.equal(inflight.busy, true, 'got idle while the newer work ran; want busy');
    newer.resolve('new');
    await second;
    assert.equal(inflight.busy, false);
  });

  it('settled() resolves at once when nothing is tracked', async () => {
    await createInflight().settled();
  });
});
