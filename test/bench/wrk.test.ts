import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runWrk } from '../../bench/wrk.ts';

/** A server that counts the request targets it sees. */
async function countingServer(): Promise<{ url: string; seen: Map<string, number>; close(): Promise<void> }> {
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    seen.set(req.url ?? '', (seen.get(req.url ?? '') ?? 0) + 1);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('runWrk({ vary })', function () {
  this.timeout(20_000);

  for (const [name, path, vary, moved] of [
    ['an instant query moves its time', '/api/v1/query?query=up', { time: 1700000000 }, /^\/api\/v1\/query\?query=up&time=1700000000\.\d{6}$/],
    ['a range query moves start and end together', '/api/v1/query_range?query=up&step=12s', { start: 1699996400, end: 1700000000 }, /^\/api\/v1\/query_range\?query=up&step=12s&start=(\d+\.\d{6})&end=(\d+\.\d{6})$/],
  ] as const) {
    it(`never sends the same request twice: ${name}`, async () => {
      const server = await countingServer();
      try {
        const result = await runWrk({ url: `${server.url}${path}`, connections: 4, seconds: 1, vary });
        const repeated = [...server.seen.values()].filter((count) => count > 1).length;
        assert.ok(server.seen.size > 100, `got ${server.seen.size} requests; want a real run`);
        assert.equal(repeated, 0, `got ${repeated} of ${server.seen.size} request targets sent more than once (wrk counted ${result.requests}); want none`);
        for (const target of server.seen.keys()) {
          const match = moved.exec(target);
          assert.ok(match, `got ${target}; want ${moved}`);
          if (match[2] !== undefined) assert.ok(Math.abs(Number(match[2]) - Number(match[1]) - 3600) < 1e-6, `got ${target}; want the hour kept`);
        }
      } finally {
        await server.close();
      }
    });
  }

  it('sends the same target every time without it', async () => {
    const server = await countingServer();
    try {
      await runWrk({ url: `${server.url}/api/v1/query?query=up&time=1700000000`, connections: 2, seconds: 1 });
      assert.deepEqual([...server.seen.keys()], ['/api/v1/query?query=up&time=1700000000']);
    } finally {
      await server.close();
    }
  });
});
