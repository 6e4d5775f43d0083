import assert from 'node:assert/strict';
import { once } from 'node:events';
import { join } from 'node:path';
import { findFreePort } from '../../src/backend/free-port.ts';
import { createCacheMonitor, type CacheMonitor, type CacheMonitorOptions, type CacheSnapshot } from '../../src/cache/monitor.ts';
import { startHangingCache, type HangingCache } from '../helpers/hanging-cache.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';
import { startBlackhole } from '../helpers/blackhole.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Runs `fn` against a fresh stand-in on `listen` (default: a free loopback port), closed afterwards. */
async function withServer(fn: (stand: HangingCache) => Promise<void>, listen: number | string = 0): Promise<void> {
  const stand = await startHangingCache(listen);
  try {
    await fn(stand);
  } finally {
    await stand.close();
  }
}

describe('createCacheMonitor(options)', function () {
  this.timeout(20_000);
  let logger: ReturnType<typeof recordingLogger>;
  let monitors: CacheMonitor[];
  let changes: CacheSnapshot[];

  function make(extra: Partial<CacheMonitorOptions>): CacheMonitor {
    const monitor = createCacheMonitor({
      logger, backoff: { initialMs: 20, maxMs: 100 }, connectTimeoutMs: 1000,
      onChange: (s) => changes.push(s), ...extra,
    });
    monitors.push(monitor);
    return monitor;
  }

  /** A started monitor of `addr`, once connected. */
  async function connected(addr: string): Promise<CacheMonitor> {
    const monitor = make({ addr });
    monitor.start();
    await pollUntil('connected', () => monitor.snapshot().state === 'connected');
    return monitor;
  }

  beforeEach(() => {
    logger = recordingLogger();
    monitors = [];
    changes = [];
  });
  afterEach(async () => {
    await Promise.all(monitors.map((m) => m.stop()));
  });

  it('stays disabled forever without an address', async () => {
    const monitor = make({});
    assert.deepEqual(monitor.snapshot(), { state: 'disabled', reconnect_generation: 0 });
    monitor.start();
    await monitor.stop();
    assert.deepEqual(monitor.snapshot(), { state: 'disabled', reconnect_generation: 0 });
    assert.deepEqual(changes, []);
  });

  it('throws ERR_CACHE_ADDR at creation for a malformed address', () => {
    assert.throws(() => make({ addr: 'cache' }), { code: 'ERR_CACHE_ADDR' });
  });

  it('connects: connecting, then connected with generation 0', async () => {
    await withServer(async ({ sockets, addr }) => {
      const monitor = make({ addr });
      monitor.start();
      assert.equal(monitor.snapshot().state, 'connecting');
      await pollUntil('connected', () => monitor.snapshot().state === 'connected');
      assert.deepEqual(changes, [
        { state: 'connecting', reconnect_generation: 0 },
        { state: 'connected', reconnect_generation: 0 },
      ]);
      await pollUntil('the server to see the connection', () => sockets.length === 1);
    });
  });

  it('reconnects after the server drops it, counting generations 1, 2, 3', async () => {
    await withServer(async ({ sockets, addr }) => {
      const monitor = await connected(addr);
      for (const generation of [1, 2, 3]) {
        sockets.at(-1)?.destroy();
        // Each drop adds two changes (disconnected, connected); the reconnect can be quicker than a poll.
        await pollUntil(`generation ${generation}`, () => changes.length === 2 + 2 * generation && monitor.snapshot().state === 'connected');
        assert.deepEqual(monitor.snapshot(), { state: 'connected', reconnect_generation: generation });
        await pollUntil('the server to see the new connection', () => sockets.length === generation + 1);
      }
      assert.deepEqual(changes.map((c) => `${c.state}:${c.reconnect_generation}`), [
        'connecting:0', 'connected:0', 'disconnected:0', 'connected:1', 'disconnected:1', 'connected:2', 'disconnected:2', 'connected:3',
      ]);
      assert.ok(logger.entries.some((e) => e.level === 'warn' && e.msg === 'cache connection lost; reconnecting'));
    });
  });

  it('keeps retrying while the server is down and connects (generation 0) when it comes up', async () => {
    const port = await findFreePort();
    const monitor = make({ addr: `127.0.0.1:${port}` });
    monitor.start();
    await pollUntil('a few failed attempts', () => logger.entries.filter((e) => e.msg === 'cache connect attempt failed').length >= 3);
    assert.equal(monitor.snapshot().state, 'disconnected');
    await withServer(async () => {
      await pollUntil('connected', () => monitor.snapshot().state === 'connected', 5000);
      assert.deepEqual(monitor.snapshot(), { state: 'connected', reconnect_generation: 0 });
      // Failed attempts do not flap the state: one disconnected, then connected.
      assert.deepEqual(changes.map((c) => c.state), ['connecting', 'disconnected', 'connected']);
    }, port);
  });

  for (const form of ['unix:', ''] as const) {
    it(`holds a unix socket given as ${form === '' ? '/abs/path' : 'unix:/path'}`, async () => {
      const dir = await makeTempDir('cache-sock');
      const path = join(dir, 'cache.sock');
      const { sockets, close } = await startHangingCache(path);
      try {
        const monitor = await connected(`${form}${path}`);
        sockets[0]?.destroy();
        await pollUntil('reconnected', () => monitor.snapshot().reconnect_generation === 1 && monitor.snapshot().state === 'connected');
      } finally {
        await close();
        await removeTempDir(dir);
      }
    });
  }

  it('gives up a connect that hangs after connectTimeoutMs, and snapshot() stays fast meanwhile', async () => {
    const blackhole = await startBlackhole();
    try {
      const monitor = make({ addr: `127.0.0.1:${blackhole.port}`, connectTimeoutMs: 300 });
      const began = Date.now();
      monitor.start();
      const t0 = performance.now();
      for (let i = 0; i < 10_000; i++) assert.equal(monitor.snapshot().state, 'connecting');
      const ms = performance.now() - t0;
      assert.ok(ms < 100, `10000 snapshots took ${ms.toFixed(1)} ms while connecting; want < 100`);
      await pollUntil('disconnected', () => monitor.snapshot().state === 'disconnected', 3000);
      const waited = Date.now() - began;
      assert.ok(waited >= 290 && waited < 2000, `gave up after ${waited} ms; want about 300`);
      const failed = logger.entries.find((e) => e.msg === 'cache connect attempt failed');
      assert.match(String((failed?.obj as { err?: string }).err), /no connection within 300 ms/);
    } finally {
      await blackhole.close();
    }
  });

  it('stays connected to a cache that accepts but never answers, and snapshot() stays fast', async () => {
    await withServer(async ({ addr }) => {
      const monitor = await connected(addr);
      const t0 = performance.now();
      for (let i = 0; i < 10_000; i++) monitor.snapshot();
      const ms = performance.now() - t0;
      assert.ok(ms < 100, `10000 snapshots took ${ms.toFixed(1)} ms; want < 100`);
      assert.equal(monitor.snapshot().state, 'connected');
    });
  });

  it('stop() closes the connection and stops reconnecting', async () => {
    await withServer(async ({ sockets, addr }) => {
      const monitor = await connected(addr);
      const serverSide = sockets[0];
      assert.ok(serverSide);
      const ended = once(serverSide, 'close');
      await monitor.stop();
      await ended;
      assert.equal(monitor.snapshot().state, 'disconnected');
      await monitor.stop();
      monitor.start();
      // A negative check needs a wait: several backoff periods (max 100 ms) with no new connection.
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(sockets.length, 1);
    });
  });
});
