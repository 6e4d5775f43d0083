import assert from 'node:assert/strict';
import { startGatewayChild } from '../helpers/child-gateway.ts';
import { startTestGateway, TEST_TOKEN } from '../helpers/gateway.ts';
import { startHangingCache } from '../helpers/hanging-cache.ts';
import { bearer, request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** GET /readyz, checked against the contract. */
async function readyz(url: string) {
  const res = await request(`${url}/readyz`);
  assert.deepEqual(responseProblems('getReadyz', res.status, res.headers['content-type'] ?? null, res.text), []);
  assert.equal(res.headers['cache-control'], 'no-store');
  return { status: res.status, body: JSON.parse(res.text) };
}

describe('GET /readyz with the bundled vmsingle', function () {
  this.timeout(60_000);

  it('is ready without a token while the backend answers, and stays ready through a cache drop that makes /health 503', async () => {
    const cache = await startHangingCache();
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: cache.addr, LAYER_CACHE_NAMESPACES: 'tenant-a' } });
    try {
      await pollUntil('/health 200 with the cache connected', async () => (await request(`${gw.url}/health`)).status === 200, 10_000);
      const ready = await readyz(gw.url);
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, { status: 'ready', reasons: [], draining: false, backend: { state: 'up', mode: 'bundled' } });

      for (const socket of cache.sockets) socket.destroy();
      await pollUntil('/health 503 after the drop', async () => (await request(`${gw.url}/health`)).status === 503, 5000);
      const during = await readyz(gw.url);
      assert.equal(during.status, 200, `got ${during.status} ${JSON.stringify(during.body)}; want 200: a cache drop must not take the gateway out of rotation`);
      const query = await request(`${gw.url}/v2/metrics/api/v1/query?query=vector(1)`, { headers: bearer(gw.token) });
      assert.equal(query.status, 200, 'the metrics API works while the cache is down');
    } finally {
      await gw.close();
      await cache.close();
    }
  });

  it('is not ready while the killed vmsingle is restarted, then ready again', async () => {
    const gw = await startTestGateway();
    try {
      process.kill(gw.gateway.vmsingle!.pid!, 'SIGKILL');
      const down = await pollUntil('503 while vmsingle is down', async () => {
        const r = await readyz(gw.url);
        return r.status === 503 ? r.body : undefined;
      }, 10_000);
      assert.equal(down.status, 'not_ready');
      assert.equal(down.backend.state, 'down');
      assert.match(down.reasons.join('; '), /metrics backend down/);
      await pollUntil('ready again', async () => (await readyz(gw.url)).status === 200, 30_000);
    } finally {
      await gw.close();
    }
  });

  it('answers 503 draining after SIGTERM for LAYER_SHUTDOWN_DELAY_MS while it still serves, then exits 0', async () => {
    const dataDir = await makeTempDir('layer-readyz');
    const child = await startGatewayChild({ LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: TEST_TOKEN, LAYER_SHUTDOWN_DELAY_MS: '4000' });
    try {
      await pollUntil('ready before the signal', async () => (await readyz(child.url)).status === 200, 10_000);
      const signalled = Date.now();
      child.child.kill('SIGTERM');
      const draining = await pollUntil('/readyz 503 while draining', async () => {
        const r = await readyz(child.url);
        return r.status === 503 ? r.body : undefined;
      }, 2000);
      assert.equal(draining.draining, true);
      assert.equal(draining.backend.state, 'up');
      assert.match(draining.reasons[0], /^draining/);
      // Still serving meanwhile: liveness, the degraded signal and the metrics API.
      assert.equal((await request(`${child.url}/livez`)).status, 200);
      assert.equal((await request(`${child.url}/health`)).status, 200);
      assert.equal((await request(`${child.url}/v2/metrics/api/v1/query?query=vector(1)`, { headers: bearer(TEST_TOKEN) })).status, 200);
      const exit = await child.exited;
      assert.deepEqual(exit, { code: 0, signal: null });
      const took = Date.now() - signalled;
      assert.ok(took >= 4000, `exited ${took} ms after SIGTERM; want at least the 4000 ms delay`);
      assert.match(child.output(), /draining: \/readyz answers 503/);
    } finally {
      if (child.child.exitCode === null) await child.stop('SIGKILL');
      await removeTempDir(dataDir);
    }
  });
});
