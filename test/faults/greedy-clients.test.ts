/**
 * Stalled and greedy clients: readers that stop reading a large answer, uploads that stall or leave
 * mid-body, malformed chunked bodies, and one token sending more than its share. The backend is a
 * real vmsingle except where a held-open backend response is needed on demand.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { startGatewayChild } from '../helpers/child-gateway.ts';
import { startFakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, request } from '../helpers/http.ts';
import { dribble } from '../helpers/raw-http.ts';
import { startVmsingleProcess, type VmsingleProcess } from '../helpers/vmsingle-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { importSeries } from '../helpers/vm-import.ts';

/** The value of one sample line of a gateway's /metrics, 0 when absent. */
async function metricValue(url: string, series: string): Promise<number> {
  const res = await request(`${url}/metrics`);
  const line = res.text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** Connections to `port` that `ss` shows in CLOSE-WAIT on the server side. */
function closeWaitCount(port: number): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile('ss', ['-Htn', 'state', 'close-wait', `( sport = :${port} )`], (error, stdout) =>
      error ? reject(error) : resolve(stdout.split('\n').filter((l) => l.trim() !== '').length),
    ),
  );
}

/** Sockets of the gateway's side of `port` still holding bytes it was sending (closed or not), as `ss` shows them. */
function heldSendQueues(port: number): Promise<number[]> {
  return new Promise((resolve, reject) =>
    execFile('ss', ['-Htn', `( sport = :${port} )`], (error, stdout) => {
      if (error) return reject(error);
      const held = stdout
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('LISTEN'))
        .map((l) => Number(l.trim().split(/\s+/)[2]))
        .filter((sendQ) => sendQ > 0);
      resolve(held);
    }),
  );
}

/** A raw connection that sends `bytes` and reports when the server ends or cuts it. */
function rawClient(port: number, bytes: string): { socket: net.Socket; received: () => string; closed: Promise<number> } {
  const started = performance.now();
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('error', () => {});
  socket.write(bytes);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - started)));
  return { socket, received: () => Buffer.concat(chunks).toString('latin1'), closed };
}

/** Imports into vmsingle and flushes, so that the data is searchable at once. */
async function importAndFlush(vmUrl: string, name: string, series: number, hours: number): Promise<{ start: number; end: number }> {
  const window = await importSeries(vmUrl, name, series, hours);
  await fetch(`${vmUrl}/internal/force_flush`);
  return window;
}

const PARTIAL_POST = (token: string) =>
  `POST /v2/metrics/api/v1/query HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${token}\r\n` +
  'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nquery=up';

describe('faults: stalled and greedy clients', function () {
  this.timeout(120_000);
  let vm: VmsingleProcess;
  let vmDir: string;

  before(async () => {
    vmDir = await makeTempDir('layer-faults-greedy');
    vm = await startVmsingleProcess({ dataDir: vmDir });
  });
  after(async () => {
    await vm?.stop();
    await removeTempDir(vmDir);
  });

  /** A gateway in external mode on the test's vmsingle; closed by the caller. */
  const gatewayOn = (env: Record<string, string>, captureLogs = false): Promise<TestGateway> => startTestGateway({ env: { LAYER_VM_URL: vm.url, ...env }, captureLogs });

  it('cuts five readers that stopped reading a range answer too large to buffer, so others are served again', async function () {
    // Its waits add up to more than the suite's default: vmsingle frees a slot late, and on a loaded machine later still.
    this.timeout(200_000);
    const STALL_MS = 1000;
    // Answers over LAYER_PROXY_BUFFER_BYTES stream, paced by their reader: a stalled one holds its slot until cut.
    const gw = await gatewayOn({
      LAYER_PROXY_MAX_CONCURRENT: '5',
      LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '5',
      // Refused at once rather than queued: the 429 below shows the five hold every slot.
      LAYER_PROXY_QUEUE_TIMEOUT_MS: '0',
      LAYER_PROXY_STALL_TIMEOUT_MS: String(STALL_MS),
      LAYER_PROXY_BUFFER_BYTES: String(256 * 1024),
    });
    const stalled: ReturnType<typeof rawClient>[] = [];
    try {
      const SERIES = 400;
      const window = await importAndFlush(vm.url, 'greedy_stall', SERIES, 6);
      await pollUntil('the imported series searchable', async () => {
        const r = await request(`${gw.url}/v2/metrics/api/v1/query?query=count(greedy_stall)&time=${window.end}`, { headers: bearer(TEST_TOKEN) });
        return r.status === 200 && JSON.parse(r.text).data.result[0]?.value[1] === String(SERIES) ? true : undefined;
      }, 20_000);
      const series = 'layer_upstream_errors_total{endpoint="query_range",reason="stalled"}';
      const before = await metricValue(gw.url, series);

      const port = Number(new URL(gw.url).port);
      // A distinct timeout each: identical requests in flight would share one answer.
      const path = (i: number) => `/v2/metrics/api/v1/query_range?query=greedy_stall&start=${window.start}&end=${window.end}&step=5&timeout=${30 + i}s`;
      const started = performance.now();
      let reading = false;
      for (const i of [1, 2, 3, 4, 5]) {
        const client = rawClient(port, `GET ${path(i)} HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`);
        // Read the first bytes, then stop reading: the kernel's buffers fill and the gateway's writes stop.
        // An answer that starts only after the readers read again (vmsingle queued it until a slot
        // freed) is read like any other: paused then, nothing would ever read the cut.
        client.socket.once('data', () => {
          if (!reading) client.socket.pause();
        });
        stalled.push(client);
      }
      // vmsingle has four search slots here (2 x CPUs): four answers start, the fifth queues there.
      await pollUntil('four answers started', async () => (stalled.filter((c) => c.received().startsWith('HTTP/1.1 200')).length >= 4 ? true : undefined), 20_000);
      // Meanwhile everyone else is refused: the five hold every slot of the gateway.
      const refused = await request(`${gw.url}/v2/metrics/api/v1/query?query=1`, { headers: bearer(TEST_TOKEN) });
      assert.equal(refused.status, 429, `got ${refused.status} while the five held the slots; want 429`);

      // The gateway cuts the stalled ones; vmsingle 1.79 frees a search slot some seconds after its
      // client went away, so the next query may wait in vmsingle's queue (10 s at most) for one.
      const served = await pollUntil('another client served', async () => {
        const r = await request(`${gw.url}/v2/metrics/api/v1/query?query=1`, { headers: bearer(TEST_TOKEN) });
        return r.status === 200 ? performance.now() - started : undefined;
      }, 60_000);
      const counted = await pollUntil('the stalled readers counted', async () => {
        const n = (await metricValue(gw.url, series)) - before;
        return n >= 4 ? n : undefined;
      }, 15_000);
      // A cut is a reset: the kernel keeps no unsent answer for a peer that is not reading (a
      // plain close would leave it queued behind a FIN, retried against a zero window for minutes).
      await pollUntil('no unsent answer held on the gateway\'s side', async () => ((await heldSendQueues(port)).length === 0 ? true : undefined), 15_000);
      // A paused client learns of the cut once it reads again. One whose answer started late reads
      // it whole, and the gateway closes the idle connection after its keep-alive timeout.
      reading = true;
      for (const c of stalled) c.socket.resume();
      const closedAfter = await pollUntil('every stalled reader closed', async () => {
        const open = stalled.filter((c) => !c.socket.destroyed).length;
        return open === 0 ? performance.now() - started : undefined;
      }, 15_000);
      const bytes = stalled.map((c) => c.received().length);
      console.log(
        `      5 stalled readers (stall timeout ${STALL_MS} ms): ${counted} cut as stalled, answers of ${Math.min(...bytes)}-${Math.max(...bytes)} bytes when resumed, all closed ${Math.round(closedAfter)} ms in; ` +
          `another client served ${Math.round(served)} ms after they started (429 until the cut)`,
      );
      await pollUntil('in-flight back to 0', async () => ((await metricValue(gw.url, 'layer_upstream_in_flight_requests')) === 0 ? true : undefined), 5000);
    } finally {
      for (const c of stalled) c.socket.destroy();
      await gw.close();
    }
  });

  it('holds no slot for a body announced as 100 bytes of which 8 arrive, and answers 408 after the body timeout', async () => {
    const BODY_MS = 1500;
    const gw = await gatewayOn({ LAYER_PROXY_MAX_CONCURRENT: '1', LAYER_PROXY_BODY_TIMEOUT_MS: String(BODY_MS) });
    try {
      const port = Number(new URL(gw.url).port);
      const before = await metricValue(gw.url, 'layer_proxy_rejections_total{endpoint="query",reason="body_timeout"}');
      const slow = dribble(port, [PARTIAL_POST(TEST_TOKEN)], 0, BODY_MS + 5000);
      // While the body is awaited, the one slot stays free for everyone else.
      const statuses: number[] = [];
      const until = performance.now() + BODY_MS - 300;
      while (performance.now() < until) {
        statuses.push((await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(TEST_TOKEN) })).status);
      }
      // Bodies being received are bounded too (by LAYER_PROXY_MAX_CONCURRENT, here 1).
      const secondBody = await request(`${gw.url}/v2/metrics/api/v1/query`, {
        method: 'POST',
        headers: { ...bearer(TEST_TOKEN), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'query=up',
      });
      const answer = await slow;
      assert.equal(secondBody.status, 429, `got ${secondBody.status} for a second body while one was awaited; want 429`);
      assert.equal(secondBody.headers['retry-after'], '1');
      assert.equal(secondBody.headers.connection, 'close');
      console.log(`      ${statuses.length} queries served while the body was awaited; 408 after ${Math.round(answer.ms)} ms (body timeout ${BODY_MS} ms)`);
      assert.deepEqual([...new Set(statuses)], [200], `got statuses ${[...new Set(statuses)].join(', ')} meanwhile; want only 200`);
      assert.equal(answer.status, 408, `got ${JSON.stringify(answer.raw.slice(0, 200))}; want a 408`);
      assert.ok(answer.closedByServer, 'the gateway kept the connection open after the 408');
      assert.ok(answer.ms >= BODY_MS - 50 && answer.ms < BODY_MS + 1000, `answered after ${answer.ms} ms`);
      const body = JSON.parse(answer.body);
      assert.equal(body.status, 'error');
      assert.equal(body.errorType, 'timeout');
      assert.match(body.error, /LAYER_PROXY_BODY_TIMEOUT_MS/);
      assert.equal((await metricValue(gw.url, 'layer_proxy_rejections_total{endpoint="query",reason="body_timeout"}')) - before, 1);
    } finally {
      await gw.close();
    }
  });

  it('closes at once the connection of a client that leaves mid-body: no CLOSE-WAIT, the slot free', async () => {
    // A body timeout far away, so that only the client's leaving can explain a prompt close.
    const gw = await gatewayOn({ LAYER_PROXY_MAX_CONCURRENT: '1', LAYER_PROXY_BODY_TIMEOUT_MS: '60000' });
    try {
      const port = Number(new URL(gw.url).port);
      const client = rawClient(port, PARTIAL_POST(TEST_TOKEN));
      client.socket.end(); // the client's FIN, mid-body
      const closedAfter = await Promise.race([client.closed, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 5000))]);
      const closeWait = await closeWaitCount(port);
      const next = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(TEST_TOKEN) });
      console.log(`      left mid-body: the gateway closed its side after ${Math.round(closedAfter)} ms; ${closeWait} in CLOSE-WAIT; the next query ${next.status}`);
      assert.ok(closedAfter < 1000, `the gateway closed its side after ${closedAfter} ms; want under 1000`);
      assert.equal(closeWait, 0, `${closeWait} connections in CLOSE-WAIT; want 0`);
      assert.equal(next.status, 200, 'the one slot is free');
    } finally {
      await gw.close();
    }
  });

  it('answers a malformed chunked body with 400 at once', async () => {
    const gw = await gatewayOn({ LAYER_PROXY_BODY_TIMEOUT_MS: '60000' });
    try {
      const port = Number(new URL(gw.url).port);
      const bad =
        `POST /v2/metrics/api/v1/query HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n` +
        'Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n8\r\nquery=up\r\nzz\r\n';
      const answer = await dribble(port, [bad], 0, 5000);
      console.log(`      malformed chunk: ${answer.status} after ${Math.round(answer.ms)} ms`);
      assert.equal(answer.status, 400, `got ${JSON.stringify(answer.raw.slice(0, 200))}; want a 400`);
      assert.ok(answer.closedByServer && answer.ms < 1000, `closed ${answer.closedByServer} after ${answer.ms} ms`);
      assert.equal(JSON.parse(answer.body).errorType, 'bad_data');
    } finally {
      await gw.close();
    }
  });

  it('stops on SIGTERM without waiting for a body that stalled mid-way', async () => {
    const dataDir = await makeTempDir('layer-faults-greedy-gw');
    const gw = await startGatewayChild({
      LAYER_VM_URL: vm.url,
      LAYER_DATA_DIR: dataDir,
      LAYER_API_TOKENS: TEST_TOKEN,
      LAYER_PROXY_BODY_TIMEOUT_MS: '60000',
      LAYER_SHUTDOWN_TIMEOUT_MS: '20000',
    });
    const port = Number(new URL(gw.url).port);
    const client = rawClient(port, PARTIAL_POST(TEST_TOKEN));
    try {
      // A round trip on another connection (any status: the backend probe may not have run yet):
      // by its end the partial request has been read too.
      await request(`${gw.url}/health`);
      const started = performance.now();
      const exit = await gw.stop('SIGTERM', 25_000);
      const ms = performance.now() - started;
      console.log(`      SIGTERM with a stalled upload open: exit ${exit.code} after ${Math.round(ms)} ms (shutdown deadline 20000 ms)`);
      assert.equal(exit.code, 0);
      assert.ok(ms < 5000, `the gateway took ${ms} ms to stop; want under 5000`);
    } finally {
      client.socket.destroy();
      await gw.stop('SIGKILL', 5000);
      await removeTempDir(dataDir);
    }
  });

  it('keeps one token from taking every slot while another token still gets through', async () => {
    // A backend that holds every answer until released: a real one cannot be made to on demand.
    const fake = await startFakeUpstream();
    const held: http.ServerResponse[] = [];
    fake.handle = (_req, res) => held.push(res);
    const TOKEN_B = 'second-token-0123456789abcdef';
    const gw = await startTestGateway({
      env: { LAYER_VM_URL: fake.url, LAYER_API_TOKENS: `${TEST_TOKEN},${TOKEN_B}`, LAYER_PROXY_MAX_CONCURRENT: '8', LAYER_PROXY_QUEUE_TIMEOUT_MS: '0' },
      captureLogs: true,
    });
    const pending: Promise<unknown>[] = [];
    try {
      const series = 'layer_proxy_rejections_total{endpoint="query",reason="concurrency_per_token"}';
      const before = await metricValue(gw.url, series);
      // Token A fills its share (a quarter of 8), then is refused, over Bearer and Basic alike.
      for (let i = 0; i < 2; i++) pending.push(request(`${gw.url}/v2/metrics/api/v1/query?query=a${i}`, { headers: bearer(TEST_TOKEN) }));
      await pollUntil('token A holding two slots', async () => (held.length === 2 ? true : undefined), 5000);
      const refusedA = await Promise.all(
        Array.from({ length: 6 }, (_, i) => request(`${gw.url}/v2/metrics/api/v1/query?query=r${i}`, { headers: bearer(TEST_TOKEN) })),
      );
      const basicA = await request(`${gw.url}/v2/metrics/api/v1/query?query=basic`, { headers: { Authorization: `Basic ${Buffer.from(`:${TEST_TOKEN}`).toString('base64')}` } });
      pending.push(request(`${gw.url}/v2/metrics/api/v1/query?query=b`, { headers: bearer(TOKEN_B) }));
      await pollUntil('token B reaching the backend', async () => (held.length === 3 ? true : undefined), 5000);
      const counted = (await metricValue(gw.url, series)) - before;
      console.log(`      token A: 2 held, ${refusedA.filter((r) => r.status === 429).length}/6 more refused, Basic ${basicA.status}; token B reached the backend; counted ${counted}`);
      for (const r of [...refusedA, basicA]) {
        assert.equal(r.status, 429, `got ${r.status} for token A over its share; want 429`);
        assert.equal(r.headers['retry-after'], '1');
        assert.match(JSON.parse(r.text).error, /LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN/);
      }
      assert.equal(counted, 7);
      for (const r of held) {
        r.setHeader('Content-Type', 'application/json');
        r.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
      }
      await Promise.all(pending);

      const idOf = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 8);
      const access = gw.logs.filter((line) => line.includes('"msg":"request"') && line.includes('/api/v1/query'));
      const ids = new Set(access.map((line) => (JSON.parse(line) as { tokenId?: string }).tokenId));
      assert.deepEqual([...ids].sort(), [idOf(TEST_TOKEN), idOf(TOKEN_B)].sort(), `access log token ids ${[...ids].join(', ')}`);
      assert.ok(!gw.logs.some((line) => line.includes(TEST_TOKEN) || line.includes(TOKEN_B)), 'a token appears in the log');
    } finally {
      for (const r of held) if (!r.writableEnded) r.destroy();
      await Promise.allSettled(pending);
      await gw.close();
      await fake.close();
    }
  });
});
