import assert from 'node:assert/strict';
import { createReadiness } from '../../src/health/readiness.ts';
import type { BackendState } from '../../src/health/snapshot.ts';

describe('createReadiness(backend)', () => {
  const rows: [string, { state: BackendState; drain: boolean; status: 200 | 503; reasons: RegExp[] }][] = [
    ['a backend that is up: ready', { state: 'up', drain: false, status: 200, reasons: [] }],
    ['a backend still starting: not ready', { state: 'starting', drain: false, status: 503, reasons: [/metrics backend starting/] }],
    ['a backend down (its storage probe fails): not ready', { state: 'down', drain: false, status: 503, reasons: [/metrics backend down/] }],
    ['draining with the backend up: not ready', { state: 'up', drain: true, status: 503, reasons: [/^draining/] }],
    ['draining with the backend down: both reasons', { state: 'down', drain: true, status: 503, reasons: [/^draining/, /metrics backend down/] }],
  ];
  for (const [name, { state, drain, status, reasons }] of rows) {
    it(name, () => {
      const readiness = createReadiness(() => ({ state, mode: 'external' }));
      if (drain) readiness.drain();
      const got = readiness.read();
      assert.equal(got.status, status, `got ${got.status}; want ${status}`);
      assert.equal(got.body.status, status === 200 ? 'ready' : 'not_ready');
      assert.equal(got.body.draining, drain);
      assert.deepEqual(got.body.backend, { state, mode: 'external' });
      assert.equal(got.body.reasons.length, reasons.length, `got ${JSON.stringify(got.body.reasons)}`);
      reasons.forEach((pattern, i) => assert.match(got.body.reasons[i]!, pattern));
    });
  }

  it('follows the backend as it changes, and stays draining once drained', () => {
    let state: BackendState = 'starting';
    const readiness = createReadiness(() => ({ state, mode: 'bundled' }));
    assert.equal(readiness.read().status, 503);
    state = 'up';
    assert.equal(readiness.read().status, 200);
    readiness.drain();
    readiness.drain();
    assert.equal(readiness.draining, true);
    assert.equal(readiness.read().status, 503);
  });
});
