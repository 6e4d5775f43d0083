import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeHealth } from '../../src/backend/health.ts';
import { findFreePort } from '../../src/backend/free-port.ts';

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
