/**
 * Every method of the BUILT client (packages/client/dist, imported as JavaScript) against a real
 * gateway on a loopback port with its bundled vmsingle, which scrapes the gateway itself.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type * as ClientModule from '../../packages/client/src/index.ts';
import { startTestGateway } from '../helpers/gateway.ts';
import { CLIENT_DIR, importBuiltClient, ROOT } from './helpers/built-client.ts';
import { pollUntil } from '../helpers/poll-until.ts';

const run = promisify(execFile);

type Gateway = Awaited<ReturnType<typeof startTestGateway>>;

/** The README's ```js block, which must run as shown. */
function readmeExample(): string {
  const readme = readFileSync(join(CLIENT_DIR, 'README.md'), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'packages/client/README.md has no ```js example');
  return block;
}

describe('@layer/metrics-client (built) against a live gateway and vmsingle', function () {
  // Starting vmsingle, and the first scrape of the gateway landing in it, take seconds.
  this.timeout(120_000);

  let client: ClientModule.MetricsClient;
  let lib: typeof ClientModule;
  let gateway: Gateway | undefined;

  before(async () => {
    lib = await importBuiltClient();
    gateway = await startTestGateway();
    client = lib.createMetricsClient({ baseUrl: gateway.url, token: gateway.token });
  });

  after(async () => {
    await gateway?.close();
  });

  /** Expects a rejection with the BUILT module's MetricsClientError. */
  async function clientError(pending: Promise<unknown>): Promise<ClientModule.MetricsClientError> {
    try {
      await pending;
    } catch (err) {
      assert.ok(err instanceof lib.MetricsClientError, `got ${String(err)}; want a MetricsClientError`);
      return err;
    }
    assert.fail('the promise resolved; want a MetricsClientError rejection');
  }

  describe('health()', () => {
    it('resolves with the Health body and ok matching its status', async () => {
      const health = await client.health();
      assert.equal(typeof health.ok, 'boolean');
      assert.equal(health.ok, health.status === 'ok', `got ok=${health.ok} with status ${health.status}`);
      assert.ok(['warm', 'warming', 'cold', 'disconnected', 'disabled'].includes(health.cache.state));
      assert.ok(Array.isArray(health.namespaces));
    });
  });

  describe('readyz()', () => {
    it('resolves with the Readyz body and ok=true once the bundled vmsingle answers its storage probe', async () => {
      const ready = await pollUntil('readyz() ok', async () => {
        const r = await client.readyz({ timeoutMs: 10_000 });
        return r.ok ? r : undefined;
      }, 60_000);
      assert.equal(ready.status, 'ready');
      assert.deepEqual(ready.reasons, []);
    });
  });

  describe('rules() and alerts()', () => {
    it('lists the catalog’s alerting rules as the bundled vmalert evaluates them', async () => {
      const catalog = await client.catalog();
      const want = catalog.entries.flatMap((e) => (e.alert ? [e.alert.name] : [])).sort();
      assert.ok(want.length > 0, 'the catalog has alerts');
      const got = await pollUntil('the bundled vmalert’s rules', async () => {
        const r = await client.rules({ timeoutMs: 10_000 }).catch(() => undefined);
        const names = r?.data.groups.flatMap((g) => g.rules.map((rule) => rule.name)) ?? [];
        return names.length > 0 ? r : undefined;
      }, 60_000);
      assert.equal(got.status, 'success');
      const rules = got.data.groups.flatMap((g) => g.rules);
      assert.deepEqual(rules.map((r) => r.name).sort(), want);
      assert.ok(rules.every((r) => r.type === 'alerting' && r.query !== ''), `got types ${[...new Set(rules.map((r) => r.type))].join(', ')}`);
      const alerting = await client.rules({ type: 'alert', signal: AbortSignal.timeout(10_000) });
      assert.deepEqual(alerting.data.groups.flatMap((g) => g.rules.map((rule) => rule.name)).sort(), want);
    });

    it('lists the active alerts in Prometheus’s shape', async () => {
      const got = await pollUntil('alerts() answered by the bundled vmalert', () => client.alerts({ timeoutMs: 10_000 }).catch(() => undefined), 60_000);
      assert.equal(got.status, 'success');
      assert.ok(Array.isArray(got.data.alerts));
      for (const alert of got.data.alerts) {
        assert.ok(alert.state === 'pending' || alert.state === 'firing', `got state ${alert.state}`);
        assert.equal(typeof alert.labels.alertname, 'string');
      }
    });
  });

  describe('metrics()', () => {
    it('resolves with the gateway’s exposition text', async () => {
      const text = await client.metrics();
      assert.match(text, /^# TYPE layer_[a-z_]+ (counter|gauge|histogram)$/m, 'want the gateway’s own layer_ families');
    });
  });

  describe('catalog() and catalogEntry(name)', () => {
    it('resolves with the catalog, and each entry by name', async () => {
      const catalog = await client.catalog();
      assert.match(catalog.version, /^\d{4}-(0[1-9]|1[0-2])$/);
      assert.ok(catalog.entries.length > 0, 'want a non-empty catalog');
      const first = catalog.entries[0]!;
      assert.deepEqual(await client.catalogEntry(first.name), first);
    });

    it('rejects an unknown name with status 404 and the gateway’s code as errorType', async () => {
      const err = await clientError(client.catalogEntry('no_such_metric_total'));
      assert.equal(err.status, 404);
      const body = err.body as { code?: unknown; message?: unknown };
      assert.equal(typeof body.code, 'string');
      assert.equal(err.errorType, body.code);
      assert.equal(typeof body.message, 'string');
    });
  });

  describe('query(expr, options)', () => {
    it('evaluates a vector in vmsingle; `+` survives the form encoding', async () => {
      const r = await client.query('vector(1) + vector(2)');
      assert.equal(r.status, 'success');
      assert.ok(r.data.resultType === 'vector', `got resultType ${r.data.resultType}; want vector`);
      assert.equal(r.data.result[0]?.value[1], '3');
    });

    it('round-trips spaces, &, quotes and unicode through the gateway and the backend', async () => {
      const label = 'b c + & = % ü 日本 "q"';
      const r = await client.query(`label_replace(vector(1), "x", "${label.replace(/"/g, '\\"')}", "", "")`);
      assert.ok(r.data.resultType === 'vector');
      assert.equal(r.data.result[0]?.metric.x, label);
    });

    it('evaluates at the given time: a Date keeps its milliseconds', async () => {
      const seconds = Math.floor(Date.now() / 1000) - 600;
      const r = await client.query('vector(1)', { time: new Date(seconds * 1000 + 250), limit: 10, timeout: '10s' });
      assert.ok(r.data.resultType === 'vector');
      assert.equal(r.data.result[0]?.value[0], seconds + 0.25);
    });

    it('sees the gateway’s own series once vmsingle has scraped it (regex matcher, `|`)', async () => {
      // VictoriaMetrics hides samples younger than -search.latencyOffset (30s) from queries at
      // "now"; evaluating a minute ahead lets the 5m lookback reach the freshest scrape at once.
      const expr = 'count({__name__=~"layer_.+|process_.+"})';
      const count = await pollUntil('the first scrape of the gateway in vmsingle', async () => {
        const r = await client.query(expr, { time: Date.now() / 1000 + 60 });
        return r.data.resultType === 'vector' && r.data.result.length > 0 ? Number(r.data.result[0]!.value[1]) : undefined;
      }, 60_000);
      assert.ok(count > 0, `got ${count} series; want some`);
    });

    it('rejects a PromQL syntax error with the Prometheus errorType and body', async () => {
      const err = await clientError(client.query('sum('));
      assert.ok(err.status === 400 || err.status === 422, `got status ${err.status}; want 400 or 422`);
      const body = err.body as { status?: unknown; errorType?: unknown; error?: unknown };
      assert.equal(body.status, 'error');
      assert.equal(err.errorType, body.errorType);
      assert.equal(typeof body.error, 'string');
    });
  });

  describe('queryRange(expr, options)', () => {
    it('resolves with a matrix whose series carry `values`', async () => {
      const end = Math.floor(Date.now() / 1000);
      const r = await client.queryRange('vector(7)', { start: new Date((end - 120) * 1000), end, step: '30s' });
      assert.ok(r.data.resultType === 'matrix', `got resultType ${r.data.resultType}; want matrix`);
      const values = r.data.result[0]?.values ?? [];
      assert.ok(values.length >= 4 && values.length <= 5, `got ${values.length} points; want 4 or 5 over 120s at 30s`);
      assert.ok(values.every(([, v]) => v === '7'));
    });

    it('returns the scraped series over a range', async () => {
      const now = Date.now() / 1000;
      const r = await pollUntil('a range of the gateway’s own series', async () => {
        const got = await client.queryRange('count({__name__=~"layer_.+|process_.+"})', { start: now - 300, end: now + 60, step: 15 });
        return got.data.resultType === 'matrix' && got.data.result.length > 0 ? got : undefined;
      }, 60_000);
      assert.ok(r.data.resultType === 'matrix');
      assert.ok((r.data.result[0]?.values.length ?? 0) > 0);
    });
  });

  describe('labels, labelValues, series, metadata', () => {
    it('lists the gateway’s own series once vmsingle has scraped it: metric names, label names and values, series', async () => {
      const now = Date.now() / 1000;
      const names = await pollUntil('layer_catalog_info among the metric names', async () => {
          const r = await client.labelValues('__name__', { start: now - 600, end: now + 60 });
          return r.data.includes('layer_catalog_info') ? r.data : undefined;
        }, 60_000);
      assert.ok(names.includes('layer_backend_up'));
      const labels = await client.labels({ match: ['layer_catalog_info', 'layer_backend_up'], start: now - 600 });
      assert.ok(labels.data.includes('version') && labels.data.includes('mode'), `got ${labels.data.join(', ')}`);
      const versions = await client.labelValues('version', { match: ['layer_catalog_info'], start: now - 600, timeoutMs: 10_000 });
      assert.ok(versions.data.length > 0);
      const series = await client.series(['layer_catalog_info'], { start: now - 600, end: now + 60 });
      assert.equal(series.data[0]?.__name__, 'layer_catalog_info');
    });

    it('fetches metadata: the catalog’s kind, description and unit', async () => {
      const all = await client.metadata({ signal: AbortSignal.timeout(10_000) });
      const catalog = await client.catalog();
      assert.deepEqual(Object.keys(all.data).sort(), catalog.entries.map((e) => e.name).sort());
      const one = await client.metadata({ metric: 'layer_backend_up' });
      const entry = catalog.entries.find((e) => e.name === 'layer_backend_up')!;
      assert.deepEqual(one.data, { layer_backend_up: [{ type: entry.kind, help: entry.description, unit: entry.unit ?? '' }] });
    });

    it('rejects a selector the backend cannot parse with the Prometheus errorType', async () => {
      const err = await clientError(client.series(['sum(']));
      assert.ok(err.status === 400 || err.status === 422, `got status ${err.status}`);
      assert.equal((err.body as { status?: unknown }).status, 'error');
    });
  });

  describe('authentication', () => {
    it('rejects a wrong token: errorType unauthorized on a query route, the gateway’s code elsewhere', async () => {
      const intruder = lib.createMetricsClient({ baseUrl: gateway!.url, token: 'not-a-valid-token' });
      const onQuery = await clientError(intruder.query('vector(1)'));
      assert.equal(onQuery.status, 401);
      assert.equal(onQuery.errorType, 'unauthorized');
      const onCatalog = await clientError(intruder.catalog());
      assert.equal(onCatalog.status, 401);
      assert.equal(onCatalog.errorType, (onCatalog.body as { code?: unknown }).code);
    });
  });

  describe('an external backend that does not answer, and no rule engine', () => {
    let down: Gateway | undefined;
    let downClient: ClientModule.MetricsClient;
    before(async () => {
      // Port 9 (discard) on loopback: nothing listens there, so every probe is refused.
      down = await startTestGateway({ env: { LAYER_VM_URL: 'http://127.0.0.1:9' } });
      downClient = lib.createMetricsClient({ baseUrl: down.url, token: down.token });
    });
    after(async () => {
      await down?.close();
    });

    it('readyz() resolves a 503 with ok=false and the reasons', async () => {
      const notReady = await pollUntil('readyz() not ok', async () => {
        const r = await downClient.readyz();
        return r.ok ? undefined : r;
      }, 30_000);
      assert.equal(notReady.status, 'not_ready');
      assert.ok(notReady.reasons.length > 0, 'want the reasons in the body');
      assert.equal(notReady.backend?.state === 'up', false);
    });

    it('rules() and alerts() reject with status 503 and errorType unavailable', async () => {
      for (const pending of [downClient.rules(), downClient.alerts()]) {
        const err = await clientError(pending);
        assert.equal(err.status, 503);
        assert.equal(err.errorType, 'unavailable');
      }
    });
  });

  describe('the README example', () => {
    it('runs in plain Node against the gateway and prints what it promises', async () => {
      // Written into dist/ (gitignored, unlinted) so that '@layer/metrics-client' resolves through
      // Node's package self-reference, as it does for an installed consumer.
      const script = join(CLIENT_DIR, 'dist', 'readme-example.mjs');
      writeFileSync(script, readmeExample());
      try {
        const env: NodeJS.ProcessEnv = { ...process.env, LAYER_GATEWAY_URL: gateway!.url, LAYER_API_TOKEN: gateway!.token };
        delete env.NODE_OPTIONS; // no loader hooks: this is plain Node
        const { stdout } = await run(process.execPath, [script], { env, cwd: ROOT });
        assert.match(stdout, /^catalog \d{4}-\d{2}: \d+ metrics$/m);
        assert.match(stdout, /^layer_http_requests_total \(counter\): \S/m);
        assert.match(stdout, /^query failed: 4\d\d \S+: /m, `got output:\n${stdout}`);
      } finally {
        rmSync(script, { force: true });
      }
    });
  });
});
