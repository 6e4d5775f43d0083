import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CacheOwnedByMonitorError, InvalidArgumentError, loadConfig, startGateway, type Gateway, type PipelineStage } from '../../src/index.ts';
import { createLogger } from '../../src/pino-logger.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { readHealth } from '../helpers/health.ts';
import { bearer, request } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

// The product documentation's /health example (shared/product/metrics-api.txt, "Health").
const DOCUMENTED_WARM = {
  status: 'ok',
  cache: { state: 'warm', reconnect_generation: 3 },
  namespaces: [{ namespace: 'products', state: 'warm' }],
};

/** The fields the documentation's example shows; the additive ones are left out. */
function documentedFields(body: { status: string; cache: { state: string; reconnect_generation: number }; namespaces: unknown[] }) {
  return { status: body.status, cache: { state: body.cache.state, reconnect_generation: body.cache.reconnect_generation }, namespaces: body.namespaces };
}

/** Starts an embedded gateway through the public API in a temporary data directory; `use` runs with it. */
async function withEmbedded(env: Record<string, string>, use: (gateway: Gateway) => Promise<void>): Promise<void> {
  const dataDir = await makeTempDir('layer-embedded');
  const config = loadConfig({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: 'embedded-test-token-0123', LAYER_SCRAPE_INTERVAL: '1s', ...env });
  const gateway = await startGateway(config, createLogger({ level: 'silent' }));
  try {
    await use(gateway);
  } finally {
    await gateway.stop();
    await removeTempDir(dataDir);
  }
}

describe('startGateway() embedded (the public API)', function () {
  this.timeout(60_000);

  it("answers /health as the documentation's example for a warm cache, and 503 for a cold one", async () => {
    await withEmbedded({}, async (gateway) => {
      const before = await readHealth(gateway.url);
      assert.equal(before.status, 200, 'a cache the host has not reported is disabled, which is fine');
      assert.deepEqual(before.body.cache, { state: 'disabled', reconnect_generation: 0, connection: 'disabled' });

      gateway.cache.report('cold');
      gateway.cache.report('warm');
      for (let i = 0; i < 3; i++) {
        gateway.cache.report('disconnected');
        gateway.cache.report('warming');
        gateway.cache.report('warm');
      }
      gateway.namespaces.set('products', 'warm');
      const warm = await readHealth(gateway.url);
      assert.equal(warm.status, 200, JSON.stringify(warm.body));
      assert.deepEqual(documentedFields(warm.body), DOCUMENTED_WARM);

      gateway.cache.report('cold');
      const cold = await readHealth(gateway.url);
      assert.equal(cold.status, 503);
      assert.equal(cold.body.status, 'degraded');
      assert.deepEqual(cold.body.reasons, ['cache cold']);
      assert.equal(cold.body.cache.state, 'cold');

      const metrics = (await request(`${gateway.url}/metrics`)).text;
      assert.match(metrics, /^layer_cache_state\{state="cold"\} 1$/m);
      assert.match(metrics, /^layer_cache_connection_state\{state="connected"\} 1$/m);
      assert.match(metrics, /^layer_cache_reconnect_generation 3$/m);
      assert.match(metrics, /^layer_cache_namespace_state\{namespace="products",state="warm"\} 1$/m);
      const livez = await request(`${gateway.url}/livez`);
      assert.equal(livez.status, 200, 'liveness does not follow the cold cache');
    });
  });

  it("evaluates the catalog's alerts as the standalone server does: a host's dropped cache makes CacheDisconnected pending", async () => {
    await withEmbedded({}, async (gateway) => {
      gateway.cache.report('warm');
      gateway.cache.report('disconnected');
      const token = bearer('embedded-test-token-0123');
      const alert = await pollUntil('CacheDisconnected in /v2/metrics/api/v1/alerts', async () => {
        const res = await request(`${gateway.url}/v2/metrics/api/v1/alerts`, { headers: token });
        assert.equal(res.status, 200, res.text);
        const body = JSON.parse(res.text) as { data: { alerts: { labels: Record<string, string>; state: string }[] } };
        return body.data.alerts.find((a) => a.labels.alertname === 'CacheDisconnected');
      }, 30_000, 200);
      assert.equal(alert.state, 'pending');
    });
  });

  it('with LAYER_CACHE_ADDR the monitor owns the cache: report() throws, and LAYER_CACHE_NAMESPACES never overwrites the host', async () => {
    const cache = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
    try {
      const addr = `127.0.0.1:${(cache.address() as AddressInfo).port}`;
      await withEmbedded({ LAYER_CACHE_ADDR: addr, LAYER_CACHE_NAMESPACES: 'products,users' }, async (gateway) => {
        gateway.namespaces.set('products', 'cold');
        const connected = await pollUntil('cache connected', async () => {
          const h = await readHealth(gateway.url);
          return h.body.cache.connection === 'connected' ? h.body : undefined;
        }, 10_000);
        assert.equal(connected.cache.state, 'warm');
        assert.deepEqual(connected.namespaces, [{ namespace: 'products', state: 'cold' }]);
        assert.deepEqual(gateway.namespaces.list(), [{ namespace: 'products', state: 'cold' }]);
        assert.throws(() => gateway.cache.report('warm'), (error: unknown) => error instanceof CacheOwnedByMonitorError && error.code === 'ERR_CACHE_OWNED_BY_MONITOR');
      });
    } finally {
      cache.close();
    }
  });

  it('checks what arrives untyped: bad names, states and amounts throw; a stage outside the catalog folds into __overflow__', async () => {
    await withEmbedded({}, async (gateway) => {
      const refused = (code: string, message: RegExp) => (error: unknown) =>
        error instanceof InvalidArgumentError && error instanceof TypeError && error.code === code && message.test(error.message);
      assert.throws(() => gateway.namespaces.set('no spaces', 'warm'), refused('ERR_INVALID_NAMESPACE', /namespaces.set\("no spaces", \.\.\.\): the name must match/));
      assert.throws(() => gateway.namespaces.set('products', 'hot' as 'warm'), refused('ERR_INVALID_NAMESPACE_STATE', /the state must be one of warm, warming, cold/));
      assert.throws(() => gateway.cache.report('connected' as 'warm'), refused('ERR_INVALID_CACHE_STATE', /cache.report\("connected"\): the state must be one of/));
      assert.throws(() => gateway.pipeline.observeQuery({ pipeline_id: 'p', namespace: 'n', status: 'ok' }, -1), refused('ERR_INVALID_AMOUNT', /seconds must be a finite number >= 0; got -1/));
      assert.throws(() => gateway.pipeline.setStageCount('pending', Number.NaN), refused('ERR_INVALID_AMOUNT', /count must be a finite number >= 0; got NaN/));
      gateway.pipeline.setStageCount('queued' as PipelineStage, 4);
      const metrics = (await request(`${gateway.url}/metrics`)).text;
      assert.match(metrics, /^layer_pipeline_stage_count\{stage="__overflow__"\} 4$/m);
      assert.match(metrics, /^layer_metrics_label_overflow_total\{metric="layer_pipeline_stage_count",label="stage"\} 1$/m);
    });
  });
});
