import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBE_USER_AGENT, probeHealth, probeStorage, type StorageProbeResult } from '../../src/backend/health.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { startVmsingleProcess } from '../helpers/vmsingle-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Runs `fn` against a real server on port 0 answering with `handler`. */
async function withServer(handler: RequestListener, fn: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('probeHealth(baseUrl, timeoutMs)', () => {
  const cases: [string, { status: number; body: string; want: boolean }][] = [
    ['200 OK is healthy', { status: 200, body: 'OK', want: true }],
    ['200 OK with a newline is healthy', { status: 200, body: 'OK\n', want: true }],
    ['503 is not', { status: 503, body: 'OK', want: false }],
    ['200 with another body is not', { status: 200, body: 'starting', want: false }],
  ];
  for (const [name, { status, body, want }] of cases) {
    it(name, async () => {
      await withServer((req, res) => {
        assert.equal(req.url, '/health');
        res.statusCode = status;
        res.end(body);
      }, async (url) => {
        const got = await probeHealth(url, 1000);
        assert.equal(got, want, `got ${got}; want ${want}`);
      });
    });
  }

  it('is false, within the timeout, for a server that never answers', async () => {
    await withServer(() => {}, async (url) => {
      const began = Date.now();
      assert.equal(await probeHealth(url, 200), false);
      const ms = Date.now() - began;
      assert.ok(ms < 1000, `took ${ms} ms; want about 200`);
    });
  });

  it('is false when nothing listens', async () => {
    assert.equal(await probeHealth(`http://127.0.0.1:${await findFreePort()}`, 1000), false);
  });
});

describe('probeStorage(baseUrl, timeoutMs)', () => {
  const cases: [string, { status: number; body: string; want: StorageProbeResult }][] = [
    ['an empty series list is up', { status: 200, body: '{"status":"success","data":[]}', want: { up: true, partial: false, refused: false } }],
    ['a partial answer is up and partial', { status: 200, body: '{"status":"success","isPartial":true,"data":[]}', want: { up: true, partial: true, refused: false } }],
    ['a storage error (503) is down', { status: 503, body: 'cannot perform search on vmstorage', want: { up: false, partial: false, refused: false } }],
    ['an error envelope is down', { status: 200, body: '{"status":"error","errorType":"503"}', want: { up: false, partial: false, refused: false } }],
    ['not JSON is down', { status: 200, body: 'OK', want: { up: false, partial: false, refused: false } }],
  ];
  for (const [name, { status, body, want }] of cases) {
    it(name, async () => {
      await withServer((req, res) => {
        res.statusCode = status;
        res.end(body);
      }, async (url) => {
        const got = await probeStorage(url, 1000);
        assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
      });
    });
  }

  it('asks for the series of one exact, unused name over the last five minutes, under the prefix, with its User-Agent and credentials', async () => {
    let seen: { url: string; ua: string | undefined; auth: string | undefined } | undefined;
    await withServer((req, res) => {
      seen = { url: req.url ?? '', ua: req.headers['user-agent'], auth: req.headers.authorization };
      res.end('{"status":"success","data":[]}');
    }, async (url) => {
      await probeStorage(`${url}/select/0/prometheus`, 1000, { authorization: 'Bearer backend-secret' });
    });
    const target = new URL(seen!.url, 'http://x');
    assert.equal(target.pathname, '/select/0/prometheus/api/v1/series');
    assert.match(target.searchParams.get('match[]') ?? '', /^\{__name__="layer_readiness_probe_[0-9a-f]{16}"\}$/);
    const start = Number(target.searchParams.get('start'));
    assert.ok(Math.abs(Date.now() / 1000 - 300 - start) < 5, `start ${start} is not five minutes ago`);
    assert.equal(seen!.ua, PROBE_USER_AGENT);
    assert.equal(seen!.auth, 'Bearer backend-secret');
  });

  it('is up against a real vmsingle', async function () {
    this.timeout(30_000);
    const dataDir = await makeTempDir('layer-probe');
    const vm = await startVmsingleProcess({ dataDir });
    try {
      assert.deepEqual(await probeStorage(vm.url, 2000), { up: true, partial: false, refused: false });
    } finally {
      await vm.stop();
      await removeTempDir(dataDir);
    }
  });

  it('is down, within the timeout, for a server that never answers', async () => {
    await withServer(() => {}, async (url) => {
      const began = Date.now();
      assert.deepEqual(await probeStorage(url, 200), { up: false, partial: false, refused: false });
      assert.ok(Date.now() - began < 1000);
    });
  });
});
