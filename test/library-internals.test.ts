/**
 * What the gateway reads from its libraries beyond their public API (docs/decisions.md, "Library
 * internals the gateway relies on"). Each such library is pinned to one exact version in
 * package.json; these tests fail when an upgrade changes what the gateway reads. (Koa's
 * `handleRequest` is checked by test/edge/request-listener.test.ts, which compares every kind of
 * answer with Koa's own listener; pino's way of writing a line by test/logging/access-line.test.ts,
 * which compares the gateway's hand-written access lines with pino's own.)
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Router from '@koa/router';
import { Counter, Histogram, Registry, type Metric } from 'prom-client';
import { renderOpenMetrics } from '../src/handlers/metrics.ts';
import { BulkHistogram } from '../src/metrics/bulk-histogram.ts';
import { routerOptions } from '../src/routing/router-options.ts';

const ROOT = new URL('../', import.meta.url);

describe('library internals the gateway relies on', () => {
  it('pins koa, @koa/router, prom-client, openapi-backend and pino to the exact versions installed', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { devDependencies: Record<string, string> };
    for (const name of ['koa', '@koa/router', 'prom-client', 'openapi-backend', 'pino']) {
      const installed = (JSON.parse(await readFile(new URL(`node_modules/${name}/package.json`, ROOT), 'utf8')) as { version: string }).version;
      assert.equal(pkg.devDependencies[name], installed, `got ${name} "${pkg.devDependencies[name]}" in package.json; want exactly the installed ${installed}`);
    }
  });

  it("@koa/router: match() names the matched layers, and a layer gives its operation's name, middleware and decoded parameters", () => {
    const router = new Router(routerOptions);
    const handler = () => undefined;
    router.get('getEntry', '/catalog/:name', handler);
    router.post('postEntry', '/catalog/:name', handler);
    const found = router.match('/Catalog/a%20b', 'GET');
    assert.equal(found.route, true);
    assert.deepEqual(found.path.map((layer) => layer.name), ['getEntry', 'postEntry']);
    const layer = found.pathAndMethod.at(-1)!;
    assert.equal(layer.name, 'getEntry');
    assert.equal(layer.stack[0], handler);
    assert.deepEqual(layer.paramNames.map((key) => key.name), ['name']);
    assert.deepEqual(layer.params('/Catalog/a%20b', layer.captures('/Catalog/a%20b')), { name: 'a b' });
    const other = router.match('/catalog/x', 'DELETE');
    assert.equal(other.route, false);
    assert.equal(other.path.length, 2);
  });

  it('prom-client: a registry renders per-request views of counters and histograms (name, type, help, get, getForPromString)', async () => {
    const registry = new Registry();
    new Counter({ name: 'x_total', help: 'X.', labelNames: ['a'], registers: [registry] }).inc({ a: '1' });
    new Histogram({ name: 'y_seconds', help: 'Y.', buckets: [1], registers: [registry] }).observe(0.5);
    const text = await renderOpenMetrics(registry);
    const want = [
      '# HELP x X.',
      '# TYPE x counter',
      'x_total{a="1"} 1',
      '# HELP y_seconds Y.',
      '# TYPE y_seconds histogram',
      'y_seconds_bucket{le="1"} 1',
      'y_seconds_bucket{le="+Inf"} 1',
      'y_seconds_sum 0.5',
      'y_seconds_count 1',
      '# EOF',
    ];
    assert.deepEqual(text.trim().split('\n'), want, `got:\n${text}`);
    assert.match(await registry.metrics(), /^x_total\{a="1"\} 1$/m, 'the shared counter keeps its name');
  });

  it('prom-client: a registry renders, resets and lists a metric of our own from name, help, type, aggregator, get, getForPromString and reset', async () => {
    const [theirs, ours] = [new Registry(), new Registry()];
    const reference = new Histogram({ name: 'y_seconds', help: 'Y.', labelNames: ['a'], buckets: [1], registers: [theirs] });
    const bulk = new BulkHistogram({ name: 'y_seconds', help: 'Y.', labelNames: ['a'], buckets: [1] });
    ours.registerMetric(bulk as unknown as Metric);
    reference.observe({ a: 'b' }, 0.5);
    bulk.observe({ a: 'b' }, 0.5);
    assert.equal(await ours.metrics(), await theirs.metrics());
    assert.equal(ours.getSingleMetric('y_seconds'), bulk);
    assert.deepEqual(await ours.getMetricsAsJSON(), await theirs.getMetricsAsJSON());
    assert.deepEqual((await Registry.merge([ours]).getMetricsAsJSON())[0]?.aggregator, 'sum');
    ours.resetMetrics();
    theirs.resetMetrics();
    assert.equal(await ours.metrics(), await theirs.metrics());
  });
});
