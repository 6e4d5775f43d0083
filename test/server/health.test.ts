import assert from 'node:assert/strict';
import { startTestGateway } from '../helpers/gateway.ts';
import { startHangingCache } from '../helpers/hanging-cache.ts';
import { readHealth } from '../helpers/health.ts';
import { request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';

describe('GET /health with the NVMe cache and the bundled vmsingle', function () {
  this.timeout(60_000);

  it('follows the cache connection: connected is warm and ok, a drop is degraded, reconnects count generations; a hanging cache never slows it', async () => {
    const cache = await startHangingCache();
    const { addr, sockets } = cache;
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: addr, LAYER_CACHE_NAMESPACES: 'tenant-a,tenant-b' } });
    try {
      const ok = await pollUntil('cache connected', async () => {
        const h = await readHealth(gw.url);
        return h.status === 200 ? h.body : undefined;
      }, 10_000);
      assert.deepEqual(ok.cache, { state: 'warm', reconnect_generation: 0, connection: 'connected' });
      assert.deepEqual(ok.namespaces, [
        { namespace: 'tenant-a', state: 'warm' },
        { namespace: 'tenant-b', state: 'warm' },
      ]);

      const started = performance.now();
      for (let i = 0; i < 20; i++) await readHealth(gw.url);
      assert.ok((performance.now() - started) / 20 < 200, 'health waited on the hanging cache');

      for (const socket of sockets) socket.destroy();
      const degraded = await pollUntil('degraded after the drop', async () => {
        const h = await readHealth(gw.url);
        return h.status === 503 ? h.body : undefined;
      }, 5000);
      assert.equal(degraded.status, 'degraded');
      assert.equal(degraded.cache.state, 'disconnected');
      assert.ok(degraded.reasons.length > 0);

      const back = await pollUntil('reconnected', async () => {
        const h = await readHealth(gw.url);
        return h.status === 200 ? h.body : undefined;
      }, 15_000);
      assert.equal(back.cache.reconnect_generation, 1);
      const metrics = await request(`${gw.url}/metrics`);
      assert.match(metrics.text, /layer_cache_reconnect_generation 1\n/);
      assert.match(metrics.text, /layer_cache_connection_state\{state="connected"\} 1\n/);
      assert.match(metrics.text, /layer_cache_state\{state="warm"\} 1\n/);
    } finally {
      await gw.close();
      await cache.close();
    }
  });

  it('reports the backend down while a killed vmsingle is restarted, then ok again', async () => {
    const gw = await startTestGateway();
    try {
      const vm = gw.gateway.vmsingle!;
      const pid = vm.pid!;
      process.kill(pid, 'SIGKILL');
      const down = await pollUntil('503 while vmsingle is down', async () => {
        const h = await readHealth(gw.url);
        return h.status === 503 ? h.body : undefined;
      }, 10_000);
      assert.equal(down.backend.state, 'down');
      await pollUntil('back to 200', async () => {
        const h = await readHealth(gw.url);
        return h.status === 200 ? true : undefined;
      }, 30_000);
      assert.notEqual(vm.pid, pid);
      const metrics = await request(`${gw.url}/metrics`);
      assert.match(metrics.text, /layer_vmsingle_restarts_total [1-9]/);
    } finally {
      await gw.close();
    }
  });
});
