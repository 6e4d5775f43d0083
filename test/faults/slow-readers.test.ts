/**
 * Slow readers never hold the backend: with the bundled vmsingle and the gateway's defaults, one
 * token's clients that stop reading large answers or stall mid-upload leave another token's queries
 * served promptly for as long as they stay connected.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bundledBackend } from '../helpers/vmsingle-secrets.ts';
import { importSeries } from '../helpers/vm-import.ts';

const TOKEN_B = 'second-token-0123456789abcdef';
// 300 series of 15 s samples over 6 hours, read at a 5 s step: an answer of about 30 MB.
const SERIES = 300;
const HOURS = 6;
const HOLD_MS = 25_000;

/** A raw connection that has sent `bytes`; `head` is the status line once one arrived. */
interface RawClient {
  socket: net.Socket;
  head: () => string;
  closed: () => boolean;
}

function rawClient(port: number, bytes: string, stopReading: boolean): RawClient {
  const socket = net.connect(port, '127.0.0.1');
  let head = '';
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    if (head === '') head = chunk.toString('latin1').split('\r\n')[0]!;
    // Read the first bytes, then stop: the kernel's buffers fill and the gateway's writes stop.
    if (stopReading) socket.pause();
  });
  socket.on('error', () => {});
  socket.once('close', () => (closed = true));
  socket.write(bytes);
  return { socket, head: () => head, closed: () => closed };
}

describe('faults: slow readers never hold the backend', function () {
  this.timeout(180_000);
  let gw: TestGateway;

  before(async () => {
    // The defaults, with a stall cut later than the test lasts: the readers stay connected throughout.
    gw = await startTestGateway({ env: { LAYER_API_TOKENS: `${TEST_TOKEN},${TOKEN_B}`, LAYER_PROXY_STALL_TIMEOUT_MS: '120000' } });
  });
  after(async () => {
    await gw?.close();
  });

  it("serves another token within 3 s while 8 readers of a 30 MB answer and 8 half-sent bodies of one token stay connected", async () => {
    const direct = await bundledBackend(gw);
    const window = await importSeries(direct.url, 'slow_reader', SERIES, HOURS, direct.secrets.headers);
    await direct.request(`/internal/force_flush?authKey=${encodeURIComponent(direct.secrets.forceFlushAuthKey)}`);
    await pollUntil('the imported series searchable', async () => {
      const r = await request(`${gw.url}/v2/metrics/api/v1/query?query=count(slow_reader)&time=${window.end}`, { headers: bearer(TOKEN_B) });
      return r.status === 200 && JSON.parse(r.text).data.result[0]?.value[1] === String(SERIES) ? true : undefined;
    }, 30_000);

    const port = Number(new URL(gw.url).port);
    // Eight different range queries (a distinct timeout each, so none shares another's answer).
    const readerRequest = (i: number) =>
      `GET /v2/metrics/api/v1/query_range?query=slow_reader&start=${window.start}&end=${window.end}&step=5&timeout=${30 + i}s HTTP/1.1\r\n` +
      `Host: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`;
    // A reader refused with 429 (its token's cap) tries again until its answer starts.
    const readers = Array.from({ length: 8 }, (_, i) => rawClient(port, readerRequest(i), true));
    let holding = true;
    const retries = (async () => {
      while (holding) {
        for (const [i, c] of readers.entries()) {
          if (!c.head().startsWith('HTTP/1.1 429') && !c.closed()) continue;
          c.socket.destroy();
          readers[i] = rawClient(port, readerRequest(i), true);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const uploads = Array.from({ length: 8 }, () =>
      rawClient(
        port,
        `POST /v2/metrics/api/v1/query HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n` +
          'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nquery=slow_reader',
        false,
      ),
    );
    try {
      const started = performance.now();
      const answers: { status: number; ms: number }[] = [];
      while (performance.now() - started < HOLD_MS) {
        const t0 = performance.now();
        const r = await request(`${gw.url}/v2/metrics/api/v1/query?query=sum(slow_reader)&time=${window.end}`, { headers: bearer(TOKEN_B) });
        answers.push({ status: r.status, ms: performance.now() - t0 });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      holding = false;
      await retries;
      const reading = readers.filter((c) => c.head().startsWith('HTTP/1.1 200') && !c.closed()).length;
      const connected = [...readers, ...uploads].filter((c) => !c.closed()).length;
      const slowest = Math.max(...answers.map((a) => a.ms));
      const statuses = [...new Set(answers.map((a) => a.status))];
      console.log(
        `      ${answers.length} queries of token B in ${HOLD_MS} ms: statuses ${statuses.join(', ')}, slowest ${Math.round(slowest)} ms; ` +
          `token A: ${reading} of 8 readers stopped reading a 200 answer, ${connected} of 16 connections still open`,
      );
      assert.ok(answers.every((a) => a.status === 200 || a.status === 429), `token B got ${statuses.join(', ')}; want 200 (or the gateway's 429)`);
      assert.ok(slowest < 3000, `token B waited ${Math.round(slowest)} ms for an answer; want under 3000`);
      assert.ok(answers.some((a) => a.status === 200), 'token B never got a 200');
      // Their answers were buffered whole, so the token's slots came free for the next of them.
      assert.equal(reading, 8, `${reading} of token A's 8 readers got their answer started; want 8`);
    } finally {
      holding = false;
      for (const c of [...readers, ...uploads]) c.socket.destroy();
    }
  });
});
