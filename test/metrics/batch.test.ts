import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { registerMetrics } from '../../src/generated/metrics.ts';
import { createMetricBatch, type BatchedUpdate } from '../../src/metrics/batch.ts';

describe('createMetricBatch(size)', () => {
  it('applies updates in order, by itself once `size` are queued, and all on flush()', () => {
    const seen: string[] = [];
    const update: BatchedUpdate<string, number, null> = (a, b, _c, value) => seen.push(`${a}${b}=${value}`);
    const batch = createMetricBatch(3);
    batch.add(update, 'a', 1, null, 10);
    batch.add(update, 'b', 2, null, 20);
    assert.deepEqual(seen, [], 'nothing applied before the batch is full');
    batch.add(update, 'c', 3, null, 30);
    assert.deepEqual(seen, ['a1=10', 'b2=20', 'c3=30']);
    batch.add(update, 'd', 4, null, 40);
    batch.flush();
    batch.flush();
    assert.deepEqual(seen, ['a1=10', 'b2=20', 'c3=30', 'd4=40'], 'each update applied exactly once');
  });

  it('never applies an update twice when one throws', () => {
    let calls = 0;
    const batch = createMetricBatch(10);
    batch.add(() => {
      calls++;
      throw new Error('boom');
    }, null, null, null, 0);
    assert.throws(() => batch.flush(), /boom/);
    batch.flush();
    assert.equal(calls, 1);
  });

  it('makes a scrape exact when the families flush it from their collect hooks', async () => {
    const registry = new Registry();
    const batch = createMetricBatch(1000);
    const metrics = registerMetrics(registry, { collect: { layer_http_requests_total: () => batch.flush() } });
    const record: BatchedUpdate<'/health', 'GET', string> = (route, method, code) => metrics.layer_http_requests_total.inc({ route, method, code });
    for (let i = 0; i < 5; i++) batch.add(record, '/health', 'GET', '200', 0);
    const text = await registry.metrics();
    assert.match(text, /layer_http_requests_total\{route="\/health",method="GET",code="200"\} 5\n/);
  });
});
