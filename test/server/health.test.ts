import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { eventually, startTestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';

async function health(url: string) {
  const res = await request(`${url}/health`);
  assert.deepEqual(responseProblems('getHealth', res.status, res.headers['content-type'] ?? null, res.text), []);
  return { status: res.status, body: JSON.parse(res.text) };
}

describe('GET /health with the NVMe cache and the bundled vmsingle', function () {
  this.timeout(60_000);

  it('follows the cache connection: connected is warm and ok, a drop is degraded, reconnects count generations; a hanging cache never slows it', async () => {
    const sockets = new Set<net.Socket>();
    const cache = net.createServer((socket) => {
      sockets.add(socket); // accepts and never answers: a hanging cache
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
    const addr = `127.0.0.1:${(cache.address() as AddressInfo).port}`;
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: addr, LAYER_CACHE_NAMESPACES: 'tenant-a,tenant-b' } });
    try {
      const ok = await eventually(async () => {
        const h = await health(gw.url);
        return h.status === 200 ? h.body : undefined;
      }, 10_000, 'cache connected');
      assert.deepEqual(ok.cache, { state: 'warm', reconnect_generation: 0, connection: 'connected' });
      assert.deepEqual(ok.namespaces, [
        { namespace: 'tenant-a', state: 'warm' },
        { namespace: 'tenant-b', state: 'warm' },
      ]);

      const started = performance.now();
      for (let i = 0; i < 20; i++) await health(gw.url);
      assert.ok((performance.now() - started) / 20 < 200, 'health waited on the hanging cache');

      for (const socket of sockets) socket.destroy();
      const degraded = await eventually(async () => {
        const h = await health(gw.url);
        return h.status === 503 ? h.body : undefined;
      }, 5000, 'degraded after the drop');
      assert.equal(degraded.status, 'degraded');
      assert.equal(degraded.cache.state, 'disconnected');
      assert.ok(degraded.reasons.length > 0);

      const back = await eventually(async () => {
        const h = await health(gw.url);
        return h.status === 200 ? h.body : undefined;
      }, 15_000, 'reconnected');
      assert.equal(back.cache.reconnect_generation, 1);
      const metrics = await request(`${gw.url}/metrics`);
      assert.match(metrics.text, /layer_cache_reconnect_generation 1\n/);
      assert.match(metrics.text, /layer_cache_connection_state\{state="connected"\} 1\n/);
      assert.match(metrics.text, /layer_cache_state\{state="warm"\} 1\n/);
    } finally {
      await gw.close();
      for (const socket of sockets) socket.destroy();
      cache.close();
    }
  });

  it('reports the backend down while a killed vmsingle is restarted, then ok again', async () => {
    const gw = await startTestGateway();
    try {
      const vm = gw.gateway.vmsingle!;
      const pid = vm.pid!;
      process.kill(pid, 'SIGKILL');
      const down = await eventually(async () => {
        const h = await health(gw.url);
        return h.status === 503 ? h.body : undefined;
      }, 10_000, '503 while vmsingle is down');
      assert.equal(down.backend.state, 'down');
      await eventually(async () => {
        const h = await health(gw.url);
        return h.status === 200 ? true : undefined;
      }, 30_000, 'back to 200');
      assert.notEqual(vm.pid, pid);
      const metrics = await request(`${gw.url}/metrics`);
      assert.match(metrics.text, /layer_vmsingle_restarts_total [1-9]/);
    } finally {
      await gw.close();
    }
  });
});
