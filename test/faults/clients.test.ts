/**
 * Client faults: clients that leave in the middle of a response, clients that send their headers
 * a byte at a time, and clients that read a large response slowly.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startGatewayChild } from '../helpers/child-gateway.ts';
import { startFakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN } from '../helpers/gateway.ts';
import { bearer, metricValue, request } from '../helpers/http.ts';
import { fdCount, mb, quantile, rssBytes } from '../helpers/proc-stats.ts';
import { dribble } from '../helpers/raw-http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Resolves with `promise`, or rejects naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('faults: 200 clients that disconnect in the middle of a response', function () {
  this.timeout(60_000);

  it('aborts every backend request, leaks no socket, and brings layer_upstream_in_flight_requests back to 0', async () => {
    const fake = await startFakeUpstream();
    // A large range answer that trickles: 16 KB every 20 ms, for at most 10 s, until the gateway lets go.
    const chunk = `${'{"metric":{"__name__":"x"},"values":[[1,"1"],[2,"2"]]},'.repeat(300)}`;
    fake.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"success","data":{"resultType":"matrix","result":[');
      const started = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - started > 10_000) {
          clearInterval(timer);
          res.end('{}]}}');
          return;
        }
        res.write(chunk);
      }, 20);
      res.once('close', () => clearInterval(timer));
    };
    const gw = await startTestGateway({ env: { LAYER_VM_URL: fake.url, LAYER_PROXY_MAX_CONCURRENT: '256', LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '256' } });
    try {
      const fdsBefore = await fdCount();
      const abortedSeries = 'layer_upstream_errors_total{endpoint="query_range",reason="aborted"}';
      const resetSeries = 'layer_upstream_errors_total{endpoint="query_range",reason="reset"}';
      const abortedBefore = await metricValue(gw.url, abortedSeries);
      const resetBefore = await metricValue(gw.url, resetSeries);

      const CLIENTS = 200;
      const bytesAtDisconnect: number[] = [];
      await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          new Promise<void>((resolve, reject) => {
            const req = http.request(`${gw.url}/v2/metrics/api/v1/query_range?query=x${i}&start=1&step=1`, { headers: bearer(gw.token), agent: false });
            const timer = setTimeout(() => reject(new Error(`client ${i} got no body within 20 s`)), 20_000);
            req.on('response', (res) => {
              let received = 0;
              res.on('data', (data: Buffer) => {
                received += data.length;
                // Leave after some of the body, at a different point for each client.
                if (received >= 16_384 * (1 + (i % 4))) {
                  clearTimeout(timer);
                  bytesAtDisconnect.push(received);
                  req.destroy();
                  resolve();
                }
              });
            });
            req.on('error', () => {}); // our own destroy()
            req.end();
          }),
        ),
      );
      assert.equal(fake.received.length, CLIENTS, `the backend saw ${fake.received.length} requests; want ${CLIENTS}`);
      await within(Promise.all(fake.received.map((r) => r.closed)), 10_000, 'every backend request closed');
      await pollUntil('in-flight back to 0', async () => ((await metricValue(gw.url, 'layer_upstream_in_flight_requests')) === 0 ? true : undefined), 10_000);
      const fdsAfter = await pollUntil(`open fds back near ${fdsBefore}`, async () => {
        const fds = await fdCount();
        return fds <= fdsBefore + 5 ? fds : undefined;
      }, 10_000);
      const aborted = (await metricValue(gw.url, abortedSeries)) - abortedBefore;
      const reset = (await metricValue(gw.url, resetSeries)) - resetBefore;
      console.log(
        `      ${CLIENTS} clients left after ${quantile(bytesAtDisconnect, 0)}-${quantile(bytesAtDisconnect, 1)} bytes; ` +
          `fds ${fdsBefore} before, ${fdsAfter} after; counted aborted=${aborted} reset=${reset}`,
      );
      assert.equal(reset, 0, 'a client leaving is not a backend reset');
      assert.equal(aborted, CLIENTS, `counted ${aborted} aborted; want ${CLIENTS}`);

      // Still serving, with every concurrency slot released: 256 at once would fail if any leaked.
      fake.handle = (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
      };
      const after = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
      assert.equal(after.status, 200);
    } finally {
      await gw.close();
      await fake.close();
    }
  });
});

describe('faults: clients that send their request headers a byte at a time', function () {
  this.timeout(30_000);

  it('answers 408 in JSON and closes each connection once the headers timeout passes, while others are served', async () => {
    const HEADERS_TIMEOUT_MS = 2000;
    const gw = await startTestGateway({ server: { headersTimeoutMs: HEADERS_TIMEOUT_MS } });
    try {
      const port = Number(new URL(gw.url).port);
      const text = `GET /v2/metrics/api/v1/query?query=up HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`;
      const slow = Array.from({ length: 20 }, () => dribble(port, [...text], 1000, 15_000));
      // Meanwhile the gateway answers everyone else at once.
      const latencies: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const health = await request(`${gw.url}/health`);
        latencies.push(performance.now() - started);
        assert.equal(health.status, 200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const results = await Promise.all(slow);
      const times = results.map((r) => Math.round(r.ms));
      console.log(`      20 slow clients answered after ${quantile(times, 0)}-${quantile(times, 1)} ms (headers timeout ${HEADERS_TIMEOUT_MS} ms); /health p99 meanwhile ${quantile(latencies, 0.99).toFixed(1)} ms`);
      for (const r of results) {
        assert.equal(r.status, 408, `got ${JSON.stringify(r.raw.slice(0, 200))}; want a 408`);
        assert.ok(r.closedByServer, 'the gateway did not close the connection');
        const body = JSON.parse(r.body);
        assert.equal(body.code, 'ERR_REQUEST_TIMEOUT');
        assert.equal(body.status, 'error');
        assert.equal(body.errorType, 'timeout');
        assert.match(body.message, /did not arrive within 2000 ms/);
        // Node checks the timeout once a second (connectionsCheckingInterval): never the 30 s default.
        assert.ok(r.ms >= HEADERS_TIMEOUT_MS - 100 && r.ms < HEADERS_TIMEOUT_MS + 1600, `answered after ${r.ms} ms`);
      }
    } finally {
      await gw.close();
    }
  });
});

describe('faults: 200 slow readers of a 50 MB response', function () {
  this.timeout(90_000);

  it('keeps the gateway memory bounded while the clients read slowly, and frees everything when they leave', async () => {
    const SIZE = 50 * 1024 * 1024;
    const block = Buffer.alloc(1024 * 1024, 'x');
    const fake = await startFakeUpstream();
    // Serves 50 MB as fast as the gateway takes it, honouring backpressure.
    fake.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(SIZE) });
      let sent = 0;
      const pump = () => {
        while (sent < SIZE) {
          sent += block.length;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.once('close', () => res.removeAllListeners('drain'));
      pump();
    };
    const dataDir = await makeTempDir('layer-faults');
    // The streaming path: answers over LAYER_PROXY_BUFFER_BYTES (0 here) stream paced by their
    // readers. Buffered answers are bounded by LAYER_PROXY_BUFFER_TOTAL_BYTES (see slow-readers).
    const gw = await startGatewayChild({
      LAYER_VM_URL: fake.url,
      LAYER_DATA_DIR: dataDir,
      LAYER_API_TOKENS: TEST_TOKEN,
      LAYER_PROXY_MAX_CONCURRENT: '256',
      LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '256',
      LAYER_PROXY_BUFFER_BYTES: '0',
      LAYER_LOG_LEVEL: 'warn',
    });
    const sockets: net.Socket[] = [];
    try {
      const port = Number(new URL(gw.url).port);
      await request(`${gw.url}/health`);
      const rssBefore = await rssBytes(gw.pid);
      const fdsBefore = await fdCount(gw.pid);
      const CLIENTS = 200;
      const READ_SECONDS = 10;
      const received = new Array<number>(CLIENTS).fill(0);
      for (let i = 0; i < CLIENTS; i++) {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => {});
        socket.write(`GET /v2/metrics/api/v1/query_range?query=big${i}&start=1&step=1 HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`);
        // A slow reader: one chunk every 250 ms, paused in between.
        socket.on('data', (data) => {
          received[i]! += data.length;
          socket.pause();
        });
        sockets.push(socket);
      }
      const reader = setInterval(() => {
        for (const socket of sockets) socket.resume();
      }, 250);
      const samples: number[] = [];
      const started = Date.now();
      while (Date.now() - started < READ_SECONDS * 1000) {
        samples.push(await rssBytes(gw.pid));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      clearInterval(reader);
      const peak = Math.max(...samples);
      const total = received.reduce((a, b) => a + b, 0);
      const reading = received.filter((n) => n > 0).length;
      for (const socket of sockets) socket.destroy();

      await pollUntil('in-flight back to 0', async () => ((await metricValue(gw.url, 'layer_upstream_in_flight_requests')) === 0 ? true : undefined), 10_000);
      assert.equal(fake.received.length, CLIENTS, `the backend saw ${fake.received.length} requests; want ${CLIENTS}`);
      await within(Promise.all(fake.received.map((r) => r.closed)), 10_000, 'every backend request closed');
      const fdsAfter = await pollUntil(`the gateway's fds back near ${fdsBefore}`, async () => {
        const fds = await fdCount(gw.pid);
        return fds <= fdsBefore + 5 ? fds : undefined;
      }, 10_000);
      const rssAfter = await rssBytes(gw.pid);
      console.log(
        `      ${reading}/${CLIENTS} slow readers got ${mb(total)} MB of ${CLIENTS} x 50 MB in ${READ_SECONDS} s; gateway RSS ${mb(rssBefore)} MB before, ` +
          `peak ${mb(peak)} MB (growth ${mb(peak - rssBefore)} MB), ${mb(rssAfter)} MB after; fds ${fdsBefore} before, ${fdsAfter} after`,
      );
      console.log(`      RSS series (MB, every 0.5 s): ${samples.map((s) => mb(s)).join(' ')}`);
      assert.equal(reading, CLIENTS, 'every client got part of its response');
      assert.ok(total < CLIENTS * SIZE, 'the clients were not slow');
      assert.ok(peak - rssBefore < 300 * 1024 * 1024, `RSS grew by ${mb(peak - rssBefore)} MB; want under 300 MB`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await gw.stop();
      await fake.close();
      await removeTempDir(dataDir);
    }
  });
});
