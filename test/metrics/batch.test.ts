import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { registerMetrics } from '../../src/metrics/register.ts';
import { createMetricBatch, type BatchedUpdate } from '../../src/metrics/batch.ts';

describe('createMetricBatch(size)', () => {
  it('applies each distinct update once with its values, by itself once `size` are queued, and all on flush()', () => {
    const seen: string[] = [];
    const update: BatchedUpdate<string, number, null> = (a, b, _c, values) => seen.push(`${a}${b}=${values.join(',')}`);
    const other: BatchedUpdate<string, number, null> = (a, b, _c, values) => seen.push(`other ${a}${b}=${values.join(',')}`);
    const batch = createMetricBatch(5);
    batch.add(update, 'a', 1, null, 10);
    batch.add(update, 'b', 2, null, 20);
    batch.add(update, 'a', 1, null, 11);
    batch.add(other, 'a', 1, null, 12);
    assert.deepEqual(seen, [], 'nothing applied before the batch is full');
    batch.add(update, 'a', 2, null, 13);
    assert.deepEqual(seen, ['a1=10,11', 'b2=20', 'other a1=12', 'a2=13'], 'grouped by update and labels, in the order first queued');
    batch.add(update, 'a', 1, null, 14);
    batch.flush();
    batch.flush();
    assert.deepEqual(seen.slice(4), ['a1=14'], 'each value applied exactly once');
  });

  it('groups as well past the few groups it compares in place', () => {
    const seen: string[] = [];
    const update: BatchedUpdate<string, number, null> = (a, b, _c, values) => seen.push(`${a}${b}=${values.join(',')}`);
    const batch = createMetricBatch(1000);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 20; i++) batch.add(update, i % 2 === 0 ? 'a' : 'b', i, null, round);
    batch.flush();
    assert.deepEqual(seen, Array.from({ length: 20 }, (_, i) => `${i % 2 === 0 ? 'a' : 'b'}${i}=0,1,2`));
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
    const metrics = registerMetrics(registry, { collect: { layer_http_requests_total: () => batch.flush(), layer_http_request_duration_seconds: () => batch.flush() } });
    const record: BatchedUpdate<'/health', 'GET', string> = (route, method, code, durations) => {
      metrics.layer_http_requests_total.inc({ route, method, code }, durations.length);
      for (const seconds of durations) metrics.layer_http_request_duration_seconds.observe({ route, method }, seconds);
    };
    for (let i = 0; i < 5; i++) batch.add(record, '/health', 'GET', '200', i / 1000);
    batch.add(record, '/health', 'GET', '503', 0.5);
    const text = await registry.metrics();
    assert.match(text, /layer_http_requests_total\{route="\/health",method="GET",code="200"\} 5\n/);
    assert.match(text, /layer_http_requests_total\{route="\/health",method="GET",code="503"\} 1\n/);
    assert.match(text, /layer_http_request_duration_seconds_bucket\{le="0.0025",route="\/health",method="GET"\} 3\n/);
    assert.match(text, /layer_http_request_duration_seconds_count\{route="\/health",method="GET"\} 6\n/);
  });
});

describe("a histogram handle's observeEach(labels, values)", () => {
  it('records what observe once per value records, and counts every folded observation', async () => {
    const [eachRegistry, oneRegistry] = [new Registry(), new Registry()];
    const each = registerMetrics(eachRegistry);
    const one = registerMetrics(oneRegistry);
    const values = [0.001, 0.02, 0.3, 4];
    // The second label set is outside the closed set of `route`, as an untyped caller could pass it.
    for (const labels of [{ route: '/health', method: 'GET' }, { route: '/nowhere', method: 'GET' }] as const) {
      const typed = labels as { route: '/health'; method: 'GET' };
      each.layer_http_request_duration_seconds.observeEach(typed, values);
      for (const value of values) one.layer_http_request_duration_seconds.observe(typed, value);
    }
    each.layer_http_request_duration_seconds.observeEach({ route: '/health', method: 'GET' }, []);
    const eachText = await eachRegistry.metrics();
    assert.equal(eachText, await oneRegistry.metrics());
    assert.match(eachText, /layer_http_request_duration_seconds_count\{route="\/health",method="GET"\} 4\n/);
    assert.match(eachText, /layer_http_request_duration_seconds_count\{route="__overflow__",method="GET"\} 4\n/);
    assert.match(eachText, /layer_metrics_label_overflow_total\{metric="layer_http_request_duration_seconds",label="route"\} 4\n/);
  });
});
