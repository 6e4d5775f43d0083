/**
 * The NVMe cache misbehaving: accepting and never answering, not even accepting (SYNs dropped),
 * or accepting and dropping every connection. /health reads a snapshot and must stay fast through
 * all of it; reconnect_generation must count each connection re-established.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { startBlackhole } from '../helpers/blackhole.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { startHangingCache } from '../helpers/hanging-cache.ts';
import { request } from '../helpers/http.ts';
import { quantile } from '../helpers/proc-stats.ts';
import { pollUntil } from '../helpers/poll-until.ts';

/** Calls /health `count` times, `gapMs` apart; returns the latencies and the last body. */
async function healthLatencies(gw: TestGateway, count: number, gapMs: number): Promise<{ ms: number[]; statuses: Set<number> }> {
  const ms: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await request(`${gw.url}/health`);
    ms.push(performance.now() - started);
    statuses.add(res.status);
    JSON.parse(res.text);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return { ms, statuses };
}

const figure = (ms: number[]) => `p50 ${quantile(ms, 0.5).toFixed(2)} ms, p99 ${quantile(ms, 0.99).toFixed(2)} ms, max ${quantile(ms, 1).toFixed(2)} ms`;

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

describe('faults: the NVMe cache hangs or flaps', function () {
  this.timeout(60_000);

  it('answers /health within milliseconds while the cache accepts and never answers', async () => {
    const cache = await startHangingCache();
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: cache.addr, LAYER_CACHE_NAMESPACES: 'tenant-a' } });
    try {
      await pollUntil('cache connected', async () => ((await request(`${gw.url}/health`)).status === 200 ? true : undefined), 10_000);
      const { ms, statuses } = await healthLatencies(gw, 100, 0);
      console.log(`      100 /health calls with a hanging cache: ${figure(ms)}`);
      assert.deepEqual([...statuses], [200]);
      assert.ok(quantile(ms, 0.99) < 100, `p99 ${quantile(ms, 0.99)} ms`);
    } finally {
      await gw.close();
      await cache.close();
    }
  });

  it('answers /health within milliseconds while connecting to the cache hangs (SYNs dropped)', async () => {
    const hole = await startBlackhole();
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: `127.0.0.1:${hole.port}`, LAYER_CACHE_NAMESPACES: 'tenant-a' } });
    try {
      const { ms, statuses } = await healthLatencies(gw, 100, 0);
      console.log(`      100 /health calls while the cache connect hangs: ${figure(ms)}`);
      assert.deepEqual([...statuses], [503], 'a cache that never connects is degraded');
      assert.ok(quantile(ms, 0.99) < 100, `p99 ${quantile(ms, 0.99)} ms`);
      const body = JSON.parse((await request(`${gw.url}/health`)).text);
      assert.equal(body.cache.state, 'disconnected');
      assert.ok(['connecting', 'disconnected'].includes(body.cache.connection), body.cache.connection);
      assert.deepEqual(body.namespaces, [{ namespace: 'tenant-a', state: body.cache.connection === 'connecting' ? 'warming' : 'cold' }]);
    } finally {
      await gw.close();
      await hole.close();
    }
  });

  it('counts each re-established connection in reconnect_generation while the cache accepts and drops, and stays fast', async () => {
    let accepted = 0;
    const sockets = new Set<net.Socket>();
    const cache = net.createServer((socket) => {
      accepted++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      setTimeout(() => socket.destroy(), 20); // accept, then drop
    });
    const addr = await listen(cache);
    const gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: addr, LAYER_CACHE_NAMESPACES: 'tenant-a' } });
    try {
      // Poll /health throughout the flapping (bounded by count and time) until a few reconnects happened.
      const ms: number[] = [];
      const statuses = new Set<number>();
      const deadline = Date.now() + 10_000;
      let generation = 0;
      for (let i = 0; i < 1000 && Date.now() < deadline && generation < 4; i++) {
        const started = performance.now();
        const res = await request(`${gw.url}/health`);
        ms.push(performance.now() - started);
        statuses.add(res.status);
        generation = JSON.parse(res.text).cache.reconnect_generation;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Stop the flapping: the listener goes away, so no more connections can be made.
      await new Promise<void>((resolve) => {
        cache.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      const final = await pollUntil(`reconnect_generation to equal ${accepted} accepted connections - 1`, async () => {
        const body = JSON.parse((await request(`${gw.url}/health`)).text);
        return body.cache.reconnect_generation === accepted - 1 && body.cache.state !== 'warm' ? body : undefined;
      }, 5000);
      const metrics = await request(`${gw.url}/metrics`);
      console.log(`      ${accepted} connections accepted and dropped; reconnect_generation ${final.cache.reconnect_generation}; ${ms.length} /health calls meanwhile: ${figure(ms)}; statuses ${[...statuses].join(', ')}`);
      assert.ok(accepted >= 3, `only ${accepted} connections in 10 s`);
      assert.match(metrics.text, new RegExp(`^layer_cache_reconnect_generation ${accepted - 1}$`, 'm'));
      assert.ok(quantile(ms, 0.99) < 100, `p99 ${quantile(ms, 0.99)} ms`);
      assert.equal(final.status, 'degraded');
    } finally {
      await gw.close();
      for (const socket of sockets) socket.destroy();
      if (cache.listening) cache.close();
    }
  });
});
