/**
 * Collapsed forwarding against the bundled vmsingle: identical range queries in flight reach it
 * once, every client gets the bytes a direct request gets, a client that leaves does not cut the
 * others, and different requests are never shared. The backend's own request counter
 * (vm_http_requests_total on its /metrics) says how many requests reached it.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { bearer, metricValue, request, type RawResponse } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bundledBackend, readEnviron, type BundledBackend } from '../helpers/vmsingle-secrets.ts';
import type { ImportedWindow } from '../helpers/vm-import.ts';

const TOKEN_B = 'second-token-0123456789abcdef';
const COALESCED = 'layer_proxy_coalesced_total{route="/v2/metrics/api/v1/query_range"}';

describe('faults: identical requests in flight share one backend request', function () {
  this.timeout(120_000);
  let gw: TestGateway;
  let direct: BundledBackend;
  let window: ImportedWindow;
  let metricsAuthKey: string;

  /** The backend's count of range queries: vmsingle 1.79's /metrics shows a counter a second or so late. */
  async function readRangeCounter(): Promise<number> {
    const res = await direct.request(`/metrics?authKey=${encodeURIComponent(metricsAuthKey)}`);
    const line = res.text.split('\n').find((l) => l.startsWith('vm_http_requests_total{path="/api/v1/query_range"}'));
    return line === undefined ? 0 : Number(line.split(' ').pop());
  }
  /** Range queries the backend has received, once its counter is at least `minimum` and has held still for 3 s. */
  async function backendRangeRequests(minimum: number): Promise<number> {
    let last = -1;
    let since = performance.now();
    const settled = await pollUntil('the backend\'s range query counter settled', async () => {
      const now = await readRangeCounter();
      if (now !== last) [last, since] = [now, performance.now()];
      return now >= minimum && performance.now() - since >= 3000 ? { now } : undefined;
    }, 20_000, 250);
    return settled.now;
  }
  /** The range query, heavy enough to be in flight for a while, with `extra` parameters. */
  const rangeQuery = (extra = '') => `query=sum_over_time(coalesce_test%5B10m%5D)&start=${window.start}&end=${window.end}&step=15${extra}`;

  before(async () => {
    gw = await startTestGateway({ env: { LAYER_API_TOKENS: `${TEST_TOKEN},${TOKEN_B}`, LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '64' } });
    direct = await bundledBackend(gw);
    metricsAuthKey = (await readEnviron(gw.gateway.vmsingle!.pid!)).metricsAuthKey!;
    window = await direct.importSearchable('coalesce_test', 200, 6);
  });
  after(async () => {
    await gw?.close();
  });

  it('sends 8 identical range queries of two tokens, in any parameter order and encoding, to the backend once, each answered with the direct bytes', async () => {
    const seen = await backendRangeRequests(0);
    const want = await direct.request(`/api/v1/query_range?${rangeQuery()}`);
    assert.equal(want.status, 200, want.text.slice(0, 200));
    const beforeBackend = await backendRangeRequests(seen + 1);
    const beforeCoalesced = await metricValue(gw.url, COALESCED);
    // The same parameters: reordered, percent-encoded differently, by GET from two tokens.
    const spellings = [
      rangeQuery(),
      `step=15&end=${window.end}&start=${window.start}&query=sum_over_time(coalesce_test%5B10m%5D)`,
      `query=sum_over_time(coalesce%5Ftest[10m])&start=${window.start}&end=${window.end}&step=15`,
    ];
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => request(`${gw.url}/v2/metrics/api/v1/query_range?${spellings[i % 3]}`, { headers: bearer(i % 2 === 0 ? TEST_TOKEN : TOKEN_B) })),
    );
    const backend = (await backendRangeRequests(beforeBackend + 1)) - beforeBackend;
    const coalesced = (await metricValue(gw.url, COALESCED)) - beforeCoalesced;
    console.log(`      8 identical range queries (${want.body.length} bytes each): the backend saw ${backend}, ${coalesced} coalesced`);
    for (const a of answers) {
      assert.equal(a.status, 200, a.text.slice(0, 200));
      assert.equal(a.headers['content-type'], want.headers['content-type']);
      assert.ok(a.body.equals(want.body), `an answer of ${a.body.length} bytes differs from the direct ${want.body.length}`);
    }
    assert.equal(backend, 1, `the backend saw ${backend} range queries; want 1`);
    assert.equal(coalesced, 7);
  });

  it('keeps answering the others when the client whose request reached the backend leaves', async () => {
    const seen = await backendRangeRequests(0);
    const want = await direct.request(`/api/v1/query_range?${rangeQuery('&timeout=41s')}`);
    const beforeBackend = await backendRangeRequests(seen + 1);
    const beforeCoalesced = await metricValue(gw.url, COALESCED);
    const port = Number(new URL(gw.url).port);
    // The first client leaves as soon as its request is sent; the others joined its answer.
    const leaving = http.request({ host: '127.0.0.1', port, path: `/v2/metrics/api/v1/query_range?${rangeQuery('&timeout=41s')}`, headers: bearer(TEST_TOKEN), agent: false });
    leaving.on('error', () => {});
    leaving.end();
    const others: Promise<RawResponse>[] = [];
    await pollUntil('the first request in flight', async () => ((await metricValue(gw.url, 'layer_upstream_in_flight_requests')) >= 1 ? true : undefined), 10_000);
    for (let i = 0; i < 3; i++) others.push(request(`${gw.url}/v2/metrics/api/v1/query_range?${rangeQuery('&timeout=41s')}`, { headers: bearer(TOKEN_B) }));
    await pollUntil('the others joined', async () => ((await metricValue(gw.url, COALESCED)) - beforeCoalesced >= 3 ? true : undefined), 10_000);
    leaving.destroy();
    const answers = await Promise.all(others);
    const backend = (await backendRangeRequests(beforeBackend + 1)) - beforeBackend;
    console.log(`      one of 4 left at once: ${answers.map((a) => `${a.status}/${a.body.length} B`).join(', ')}; the backend saw ${backend}`);
    for (const a of answers) assert.ok(a.status === 200 && a.body.equals(want.body), `got ${a.status} with ${a.body.length} bytes; want the direct ${want.body.length}`);
    assert.equal(backend, 1, `the backend saw ${backend} range queries; want 1`);
  });

  it('never shares between requests whose parameters differ', async () => {
    const beforeBackend = await backendRangeRequests(0);
    const beforeCoalesced = await metricValue(gw.url, COALESCED);
    const timeouts = [15, 30, 60, 120];
    const answers = await Promise.all(timeouts.map((t) => request(`${gw.url}/v2/metrics/api/v1/query_range?${rangeQuery(`&timeout=${t}s`)}`, { headers: bearer(TEST_TOKEN) })));
    const backend = (await backendRangeRequests(beforeBackend + 1)) - beforeBackend;
    const coalesced = (await metricValue(gw.url, COALESCED)) - beforeCoalesced;
    console.log(`      4 different range queries: the backend saw ${backend}, ${coalesced} coalesced`);
    for (const a of answers) assert.equal(a.status, 200);
    assert.equal(backend, 4);
    assert.equal(coalesced, 0);
  });
});
