/**
 * Requests over a concurrency cap wait for a slot instead of being refused at once: a dashboard's
 * panels loading together on one token are all answered by the bundled vmsingle with the gateway's
 * defaults; a waiter that leaves takes nothing with it; one that waits too long gets the 429.
 */
import assert from 'node:assert/strict';
import type http from 'node:http';
import net from 'node:net';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { bearer, metricValue, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bundledBackend } from '../helpers/vmsingle-secrets.ts';
import type { ImportedWindow } from '../helpers/vm-import.ts';

const TOKEN_B = 'second-token-0123456789abcdef';
const PER_TOKEN = 'layer_proxy_rejections_total{endpoint="query",reason="concurrency_per_token"}';
const ok = '{"status":"success","data":{"resultType":"vector","result":[]}}';

describe('faults: requests over a concurrency cap wait for a slot', function () {
  this.timeout(120_000);

  describe('with the bundled vmsingle and the default caps', () => {
    let gw: TestGateway;
    let window: ImportedWindow;

    before(async () => {
      gw = await startTestGateway({ env: { LAYER_API_TOKENS: TEST_TOKEN } });
      const direct = await bundledBackend(gw);
      window = await direct.importSearchable('dashboard_panel', 200, 6);
    });
    after(async () => {
      await gw?.close();
    });

    for (const method of ['GET', 'POST'] as const) {
      it(`answers 12 different range queries of one token sent at once by ${method} (a dashboard load) all with 200`, async () => {
        const range = `start=${window.start}&end=${window.end}&step=15`;
        // Twelve panels: different queries, heavy enough that they overlap in flight.
        const queries = Array.from({ length: 12 }, (_, i) => `query=${encodeURIComponent(`sum_over_time(dashboard_panel[${10 + i}m])`)}&${range}&timeout=${method === 'GET' ? 30 : 40}s`);
        const started = performance.now();
        const answers = await Promise.all(
          queries.map((q) =>
            method === 'GET'
              ? request(`${gw.url}/v2/metrics/api/v1/query_range?${q}`, { headers: bearer(TEST_TOKEN) })
              : request(`${gw.url}/v2/metrics/api/v1/query_range`, { method, headers: { ...bearer(TEST_TOKEN), 'Content-Type': 'application/x-www-form-urlencoded' }, body: q }),
          ),
        );
        const counts = new Map<number, number>();
        for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
        console.log(`      12 panels by ${method}: ${[...counts].map(([status, n]) => `${n} x ${status}`).join(', ')} in ${Math.round(performance.now() - started)} ms`);
        for (const a of answers) assert.equal(a.status, 200, `got ${a.status}: ${a.text.slice(0, 200)}`);
      });
    }
  });

  describe('with a backend that holds its answers', () => {
    let fake: FakeUpstream;
    let gw: TestGateway;
    const held: http.ServerResponse[] = [];
    const answerHeld = () => {
      for (const r of held.splice(0)) {
        r.setHeader('Content-Type', 'application/json');
        r.end(ok);
      }
    };

    before(async () => {
      // A backend that holds every answer until released: a real one cannot be made to on demand.
      fake = await startFakeUpstream();
      fake.handle = (_req, res) => held.push(res);
      gw = await startTestGateway({
        env: { LAYER_VM_URL: fake.url, LAYER_API_TOKENS: `${TEST_TOKEN},${TOKEN_B}`, LAYER_PROXY_MAX_CONCURRENT: '4', LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '1', LAYER_PROXY_QUEUE_TIMEOUT_MS: '1500' },
      });
    });
    after(async () => {
      answerHeld();
      await gw?.close();
      await fake?.close();
    });

    it('answers a waiter once its token has a slot again, serves another token meanwhile, and refuses after the wait with 429', async () => {
      const before = await metricValue(gw.url, PER_TOKEN);
      const first = request(`${gw.url}/v2/metrics/api/v1/query?query=first`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the first request held', async () => (held.length === 1 ? true : undefined), 5000);
      const waiter = request(`${gw.url}/v2/metrics/api/v1/query?query=second`, { headers: bearer(TEST_TOKEN) });
      const other = request(`${gw.url}/v2/metrics/api/v1/query?query=other`, { headers: bearer(TOKEN_B) });
      await pollUntil('token B reaching the backend', async () => (held.length === 2 ? true : undefined), 5000);
      answerHeld();
      assert.equal((await first).status, 200);
      assert.equal((await other).status, 200);
      await pollUntil('the waiter reaching the backend', async () => (held.length === 1 ? true : undefined), 5000);
      answerHeld();
      assert.equal((await waiter).status, 200);

      // Over its cap for longer than the wait: the same 429 as without a queue, after the wait.
      const holding = request(`${gw.url}/v2/metrics/api/v1/query?query=holding`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the slot held', async () => (held.length === 1 ? true : undefined), 5000);
      const started = performance.now();
      const refused = await request(`${gw.url}/v2/metrics/api/v1/query?query=late`, { headers: bearer(TEST_TOKEN) });
      const ms = performance.now() - started;
      answerHeld();
      await holding;
      console.log(`      refused after waiting ${Math.round(ms)} ms (LAYER_PROXY_QUEUE_TIMEOUT_MS 1500)`);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers['retry-after'], '1');
      assert.match(JSON.parse(refused.text).error, /LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN/);
      assert.ok(ms >= 1400 && ms < 5000, `refused after ${ms} ms; want about 1500`);
      assert.equal((await metricValue(gw.url, PER_TOKEN)) - before, 1);
    });

    it('lets identical requests over their token\'s cap wait for a share and join the answer', async () => {
      const received = fake.received.length;
      const path = '/v2/metrics/api/v1/query_range?query=joined&start=1&end=2&step=1';
      const first = request(`${gw.url}${path}`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the first request held', async () => (held.length === 1 ? true : undefined), 5000);
      // The token's one slot is taken: these two wait for a share, then join the range answer.
      const joiners = [request(`${gw.url}${path}`, { headers: bearer(TEST_TOKEN) }), request(`${gw.url}${path}`, { headers: bearer(TEST_TOKEN) })];
      await request(`${gw.url}/health`);
      answerHeld();
      const answers = await Promise.all([first, ...joiners]);
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
      for (const a of answers) assert.equal(a.text, ok);
      assert.equal(fake.received.length - received, 1, 'the backend saw the range query once');
    });

    it('lets a metadata request over its token\'s cap wait for a slot as the passthrough does', async () => {
      const holding = request(`${gw.url}/v2/metrics/api/v1/query?query=metadata_hold`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the slot held', async () => (held.length === 1 ? true : undefined), 5000);
      // A name outside the catalog needs the backend, so the request needs the token's one slot.
      const metadata = request(`${gw.url}/v2/metrics/api/v1/metadata?metric=not_in_the_catalog`, { headers: bearer(TEST_TOKEN) });
      await request(`${gw.url}/health`);
      answerHeld();
      assert.equal((await holding).status, 200);
      await pollUntil('the metadata request reaching the backend', async () => (held.length === 1 ? true : undefined), 5000);
      answerHeld();
      const answer = await metadata;
      assert.equal(answer.status, 200, `got ${answer.status}: ${answer.text.slice(0, 200)}`);
    });

    it('takes a client that leaves while it waits out of the queue: it never reaches the backend and holds no slot', async () => {
      const received = fake.received.length;
      const before = await metricValue(gw.url, PER_TOKEN);
      const holding = request(`${gw.url}/v2/metrics/api/v1/query?query=hold`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the slot held', async () => (held.length === 1 ? true : undefined), 5000);
      const port = Number(new URL(gw.url).port);
      const leaving = net.connect(port, '127.0.0.1');
      leaving.on('error', () => {});
      leaving.write(`GET /v2/metrics/api/v1/query?query=leaving HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`);
      // A round trip on another connection: by its end the leaving request has been read and queued.
      await request(`${gw.url}/health`);
      const staying = request(`${gw.url}/v2/metrics/api/v1/query?query=staying`, { headers: bearer(TEST_TOKEN) });
      await request(`${gw.url}/health`);
      leaving.destroy();
      await request(`${gw.url}/health`);
      answerHeld();
      await holding;
      await pollUntil('the staying request reaching the backend', async () => (held.length === 1 ? true : undefined), 5000);
      answerHeld();
      assert.equal((await staying).status, 200);
      // The token's one slot is free: the next request goes through at once.
      const next = request(`${gw.url}/v2/metrics/api/v1/query?query=next`, { headers: bearer(TEST_TOKEN) });
      await pollUntil('the next request reaching the backend', async () => (held.length === 1 ? true : undefined), 1000);
      answerHeld();
      assert.equal((await next).status, 200);
      const queries = fake.received.slice(received).map((r) => new URL(r.url, 'http://x').searchParams.get('query'));
      assert.deepEqual(queries, ['hold', 'staying', 'next']);
      assert.equal((await metricValue(gw.url, PER_TOKEN)) - before, 0, 'a client that left is not counted as refused');
    });
  });
});
