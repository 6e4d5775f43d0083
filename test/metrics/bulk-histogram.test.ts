import assert from 'node:assert/strict';
import { Histogram, Registry, type Metric } from 'prom-client';
import { renderOpenMetrics } from '../../src/handlers/metrics.ts';
import { BulkHistogram } from '../../src/metrics/bulk-histogram.ts';
import { metricDefinitions } from '../../src/generated/metrics.ts';
import { registerMetrics } from '../../src/metrics/register.ts';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Values on bucket bounds, between them, 0, negative, above every bound, and many of them. */
function observations(): number[] {
  const values = [0, -0, -1, 0.001, 0.0025, 0.0026, 60, 60.0000001, 1e9, 0.1 + 0.2, 1 / 3];
  for (let i = 0; i < 500; i++) values.push(((i * 7919) % 1000) / 997);
  return values;
}

/** The same observations under several label sets, some interleaved, one value at a time or in lists. */
const LABEL_SETS = [
  { route: '/health', method: 'GET' },
  { route: '/v2/metrics/api/v1/query', method: 'POST' },
  { route: 'a "quoted"\\ \nvalue', method: 'GET' },
  { method: 'GET', route: '/health' },
];

/** A prom-client Histogram and a BulkHistogram, each in its own registry, with the same definition. */
function pair(config: { name: string; help: string; labelNames: string[]; buckets?: number[] }) {
  const [theirs, ours] = [new Registry(), new Registry()];
  const reference = new Histogram({ ...config, registers: [theirs] });
  const bulk = new BulkHistogram(config);
  ours.registerMetric(bulk as unknown as Metric);
  return { theirs, ours, reference, bulk };
}

async function assertSameRendering(theirs: Registry, ours: Registry): Promise<void> {
  const want = await theirs.metrics();
  assert.equal(await ours.metrics(), want, `got:\n${await ours.metrics()}\nwant:\n${want}`);
  assert.equal(await renderOpenMetrics(ours), await renderOpenMetrics(theirs));
  assert.deepEqual(await ours.getMetricsAsJSON(), await theirs.getMetricsAsJSON());
}

describe('BulkHistogram', () => {
  it('renders what a prom-client Histogram renders for the same observations (text, OpenMetrics, JSON)', async () => {
    const { theirs, ours, reference, bulk } = pair({ name: 'x_seconds', help: 'X "help"\\ with\nlines.', labelNames: ['route', 'method'], buckets: BUCKETS });
    await assertSameRendering(theirs, ours);
    const values = observations();
    for (const [i, labels] of LABEL_SETS.entries()) {
      for (const value of values) reference.observe(labels, value);
      if (i % 2 === 0) bulk.observeEach(labels, values);
      else for (const value of values) bulk.observe(labels, value);
    }
    bulk.observeEach(LABEL_SETS[0]!, []);
    await assertSameRendering(theirs, ours);
    const text = await ours.metrics();
    assert.match(text, /^x_seconds_bucket\{le="\+Inf",route="\/health",method="GET"\} 1022$/m, 'the fourth label set is the first one in another key order');
    assert.match(text, /^x_seconds_bucket\{le="0\.001",route="\/health",method="GET"\} 10$/m);
  });

  it('renders as prom-client does without labels, with its default buckets, and after reset()', async () => {
    const { theirs, ours, reference, bulk } = pair({ name: 'y_seconds', help: 'Y.', labelNames: [] });
    await assertSameRendering(theirs, ours);
    assert.match(await ours.metrics(), /^y_seconds_count 0$/m, 'the one series is there before any observation');
    for (const value of observations()) {
      reference.observe(value);
      bulk.observe({}, value);
    }
    await assertSameRendering(theirs, ours);
    reference.reset();
    bulk.reset();
    await assertSameRendering(theirs, ours);
    reference.observe(2);
    bulk.observeEach({}, [2]);
    await assertSameRendering(theirs, ours);
  });

  it('throws on a value that is not a finite number, keeping the values before it', async () => {
    const { theirs, ours, reference, bulk } = pair({ name: 'z_seconds', help: 'Z.', labelNames: ['a'], buckets: [1] });
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      assert.throws(() => bulk.observe({ a: 'x' }, bad), /z_seconds: observed (NaN|Infinity|-Infinity); want a finite number/);
      assert.throws(() => reference.observe({ a: 'x' }, bad), TypeError);
    }
    assert.throws(() => bulk.observeEach({ a: 'y' }, [0.5, 2, Number.NaN, 3]), TypeError);
    for (const value of [0.5, 2]) reference.observe({ a: 'y' }, value);
    await assertSameRendering(theirs, ours);
  });

  it('runs its collect hook before every render', async () => {
    let calls = 0;
    const registry = new Registry();
    const bulk = new BulkHistogram({ name: 'w_seconds', help: 'W.', labelNames: ['a'], collect: () => void (calls++, bulk.observe({ a: 'b' }, 1)) });
    registry.registerMetric(bulk as unknown as Metric);
    assert.match(await registry.metrics(), /^w_seconds_count\{a="b"\} 1$/m);
    await registry.getMetricsAsJSON();
    assert.equal(calls, 2);
  });
});

describe("registerMetrics' histogram families", () => {
  it('render each family as a prom-client Histogram of the same catalog entry does', async () => {
    const registry = new Registry();
    const handles = registerMetrics(registry) as unknown as Record<string, { observe(labels: Record<string, string>, value: number): void; observeEach(labels: Record<string, string>, values: number[]): void }>;
    const histograms = metricDefinitions.filter((definition) => definition.kind === 'histogram');
    assert.ok(histograms.length >= 3, `got ${histograms.length} histogram families; want the catalog's`);
    for (const definition of histograms) {
      const theirs = new Registry();
      const labelNames = definition.labels.map((label) => label.name);
      const reference = new Histogram({ name: definition.name, help: definition.help, labelNames, registers: [theirs], ...(definition.buckets ? { buckets: [...definition.buckets] } : {}) });
      // Values from each label's closed set, or made-up ones for a budget.
      const labelSets = [0, 1].map((n) => Object.fromEntries(definition.labels.map((label) => [label.name, label.values?.[n % label.values.length] ?? `v${n}`])));
      for (const labels of labelSets) {
        handles[definition.name]!.observeEach(labels, observations());
        for (const value of observations()) reference.observe(labels, value);
      }
      assert.equal(await registry.getSingleMetricAsString(definition.name), await theirs.getSingleMetricAsString(definition.name));
      assert.deepEqual(await registry.getSingleMetric(definition.name)!.get(), await reference.get());
    }
  });
});
