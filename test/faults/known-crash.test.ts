/**
 * The query of death of VictoriaMetrics 1.79.5: a number such as `5M` where a duration belongs
 * makes it panic. Through the gateway such a query is refused (400 bad_data, known_crash) and the
 * bundled vmsingle keeps running, same process; lookalikes still reach it. The second part replays
 * the scanner's table against the real binary, so the table stays the truth: every query the
 * scanner refuses crashes it, every lookalike it passes does not.
 */
import assert from 'node:assert/strict';
import { findKnownCrash } from '../../src/proxy/known-crash.ts';
import { scanner } from '../../src/proxy/query-guard.ts';
import { CRASHING, SURVIVING } from '../fixtures/known-crash-queries.ts';
import { readCrashCorpus } from '../helpers/crash-corpus.ts';
import { startGatewayOnFake, useTestGateway } from '../helpers/gateway.ts';
import { bearer, metricValue, request, type RawResponse } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { startVmsingleProcess, type VmsingleProcess } from '../helpers/vmsingle-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

describe('faults: a query that crashes vmsingle 1.79.5, through the gateway', function () {
  this.timeout(60_000);
  const gw = useTestGateway();

  it('refuses it by GET and POST with 400 known_crash, and the bundled vmsingle stays up, same pid', async () => {
    const vm = gw().gateway.vmsingle!;
    const pid = vm.pid;
    const get = await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('rate(up[5M])')}`, { headers: bearer(gw().token) });
    const post = await request(`${gw().url}/v2/metrics/api/v1/query_range`, {
      method: 'POST',
      headers: { ...bearer(gw().token), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('up offset -1M')}&start=1700000000&step=60`,
    });
    for (const res of [get, post]) {
      assert.equal(res.status, 400, res.text);
      const body = JSON.parse(res.text) as { status: string; errorType: string; error: string };
      assert.equal(body.status, 'error');
      assert.equal(body.errorType, 'bad_data');
    }
    assert.match(JSON.parse(get.text).error, /"5M".*use m for minutes \(5m\); MetricsQL has no month unit/);
    const lookalike = await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('up > 5M or label_set(vector(1), "x", "[5M]")')}`, { headers: bearer(gw().token) });
    assert.equal(lookalike.status, 200, lookalike.text);
    // The three that walked around the scan before: a leading dot, an exponent after the subquery colon, an escaped backslash.
    const walkedAround = [
      await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('rate(up[.5m])')}`, { headers: bearer(gw().token) }),
      await request(`${gw().url}/v2/metrics/api/v1/query`, {
        method: 'POST',
        headers: { ...bearer(gw().token), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('up[1h:1e3m]')}`,
      }),
      await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('rate(up\\\\[5M])')}`, { headers: bearer(gw().token) }),
    ];
    for (const res of walkedAround) assert.equal(res.status, 400, res.text);
    assert.equal(await metricValue(gw().url, 'layer_proxy_rejections_total{endpoint="query",reason="known_crash"}'), 4);
    assert.equal(await metricValue(gw().url, 'layer_proxy_rejections_total{endpoint="query_range",reason="known_crash"}'), 1);
    assert.equal(await metricValue(gw().url, 'layer_vmsingle_restarts_total'), 0);
    assert.equal(vm.pid, pid, 'vmsingle was not restarted');
    assert.equal(vm.state, 'up');
    assert.equal((await request(`${gw().url}/health`)).status, 200);
  });
});

describe('faults: the quarantine after the bundled vmsingle 1.79.5 exits', function () {
  this.timeout(60_000);
  const gw = useTestGateway();
  const QUARANTINED = 'layer_proxy_rejections_total{endpoint="query",reason="quarantined"}';
  const get = (rawQuery: string) => request(`${gw().url}/v2/metrics/api/v1/query?${rawQuery}`, { headers: bearer(gw().token) });
  const post = (body: string) => request(`${gw().url}/v2/metrics/api/v1/query`, {
    method: 'POST',
    headers: { ...bearer(gw().token), 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  const restartedFrom = async (pid: number | undefined) => {
    const vm = gw().gateway.vmsingle!;
    await pollUntil('vmsingle restarted', async () => (vm.state === 'up' && vm.pid !== undefined && vm.pid !== pid ? true : undefined), 30_000);
  };
  const assertRefused = (res: RawResponse, what: string) => {
    assert.equal(res.status, 400, `${what}: ${res.status} ${res.text}`);
    assert.match(JSON.parse(res.text).error, /^this query was in flight when the metrics backend crashed/, what);
  };

  it('after a kill -9 with an innocent query in flight, that query is not refused', async () => {
    const vm = gw().gateway.vmsingle!;
    const pid = vm.pid!;
    // Stopped, it keeps the gateway's request unanswered: in flight when the kill comes.
    process.kill(pid, 'SIGSTOP');
    const innocent = get('query=1');
    await pollUntil('the query in flight', async () => ((await metricValue(gw().url, 'layer_upstream_in_flight_requests')) === 1 ? true : undefined), 10_000);
    process.kill(pid, 'SIGKILL');
    assert.ok((await innocent).status >= 500);
    await restartedFrom(pid);
    for (const rawQuery of ['query=1', 'query=%201']) {
      const res = await get(rawQuery);
      assert.equal(res.status, 200, `${rawQuery}: ${res.text}`);
    }
    assert.equal(await metricValue(gw().url, QUARANTINED), 0);
  });

  it('after a real panic on a query that got past the scan, its spellings are refused: whitespace, comments, encoding, GET or POST', async () => {
    const vm = gw().gateway.vmsingle!;
    const pid = vm.pid;
    const restarts = await metricValue(gw().url, 'layer_vmsingle_restarts_total');
    // Nested deep enough that the stack trace pushes the `panic:` line out of the kept output tail.
    const query = 'histogram_quantile(0.9, histogram_quantile(0.9, sum by (le) (rate(up[5M]))))';
    const original = scanner.findKnownCrash;
    scanner.findKnownCrash = () => undefined;
    try {
      const crashed = await get(`query=${encodeURIComponent(query)}`);
      assert.ok(crashed.status >= 500, `${crashed.status} ${crashed.text}`);
      await restartedFrom(pid);
      assert.equal(await metricValue(gw().url, 'layer_vmsingle_restarts_total'), restarts + 1);
      assertRefused(await get(`query=${encodeURIComponent(query)}`), 'the same query');
      assertRefused(await get(`query=%20${encodeURIComponent(query)}`), 'a leading %20');
      assertRefused(await get(`query=${encodeURIComponent(query).replaceAll('%20', '+')}`), 'spaces written as +');
      assertRefused(await get(`query=${encodeURIComponent(query.replaceAll(' ', '  ').replace('(le)', '( le )') + ' # again')}`), 'spaces and a comment');
      assertRefused(await post(`query=${encodeURIComponent(query.toUpperCase().replace('UP[5M]', 'up[5M]').replace('(LE)', '(le)'))}&time=1700000000`), 'POST, function names in upper case, another time');
      assertRefused(await post(`query=${encodeURIComponent(query)}%0A`), 'POST with a trailing newline');
    } finally {
      scanner.findKnownCrash = original;
    }
    assert.equal(vm.pid, gw().gateway.vmsingle!.pid, 'no further crash');
    assert.equal(await metricValue(gw().url, QUARANTINED), 6);
  });
});

describe('faults: a crashing form with an external backend', function () {
  this.timeout(60_000);

  it('goes to the backend, which answers for its own version (1.93 answers 422): no known_crash refusal', async () => {
    const { fake, gw, close } = await startGatewayOnFake();
    try {
      const parseError = '{"status":"error","errorType":"422","error":"cannot parse duration \\"5M\\""}';
      fake.handle = (_req, res) => {
        res.statusCode = 422;
        res.setHeader('Content-Type', 'application/json');
        res.end(parseError);
      };
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent('rate(up[5M])')}`, { headers: bearer(gw.token) });
      assert.equal(res.status, 422, res.text);
      assert.doesNotMatch(res.text, /crashes on it/);
      assert.equal(fake.received.length, 1);
      assert.equal(await metricValue(gw.url, 'layer_proxy_rejections_total{endpoint="query",reason="known_crash"}'), 0);
    } finally {
      await close();
    }
  });
});

describe('faults: the scanner\'s table against the real vmsingle 1.79.5', function () {
  this.timeout(300_000);
  let dataDir: string;
  let vm: VmsingleProcess | undefined;
  before(async () => {
    dataDir = await makeTempDir('layer-known-crash');
  });
  after(async () => {
    await vm?.stop();
    await removeTempDir(dataDir);
  });

  /** Sends one query; says whether the process died of it, and what it answered otherwise. */
  async function run(query: string): Promise<{ crashed: boolean; status: number }> {
    if (!vm || vm.hasExited()) vm = await startVmsingleProcess({ dataDir, port: vm?.port });
    const current = vm;
    const exited = current.closed.then(() => true);
    const status = await fetch(`${current.url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query }), signal: AbortSignal.timeout(10_000) })
      .then((res) => res.status, () => 0);
    // A panic ends the process within moments of the failed request; a live one answers /health.
    const crashed = status === 0
      ? await Promise.race([exited, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))])
      : false;
    return { crashed, status };
  }

  it('every query the scanner refuses crashes it, every lookalike it passes does not', async () => {
    const wrong: string[] = [];
    for (const [query] of CRASHING) {
      assert.ok(findKnownCrash(query), `the scanner passes ${query}`);
      const { crashed, status } = await run(query);
      if (!crashed) wrong.push(`${JSON.stringify(query)}: refused by the scanner, but vmsingle answered ${status}`);
    }
    for (const query of SURVIVING) {
      assert.equal(findKnownCrash(query), undefined, `the scanner refuses ${query}`);
      const { crashed, status } = await run(query);
      if (crashed || (status !== 200 && status !== 422)) wrong.push(`${JSON.stringify(query)}: passed by the scanner, but vmsingle ${crashed ? 'crashed' : `answered ${status}`}`);
    }
    console.log(`      ${CRASHING.length} crashing forms, ${SURVIVING.length} lookalikes replayed against the real binary`);
    assert.deepEqual(wrong, []);
  });

  it('a sample of the generated corpus still gets its label from the binary', async () => {
    // Every 97th entry: a fixed sample across every context and spelling class, about 135 queries.
    const sample = readCrashCorpus().filter((_, i) => i % 97 === 0);
    const wrong: string[] = [];
    for (const entry of sample) {
      const { crashed, status } = await run(entry.query);
      const label = crashed ? 'crash' : status >= 200 && status < 300 ? 'ok' : 'error';
      if (label !== entry.label) wrong.push(`${JSON.stringify(entry.query)}: labelled ${entry.label}, now ${label} (${status})`);
    }
    console.log(`      ${sample.length} corpus queries replayed against the real binary`);
    assert.deepEqual(wrong, []);
  });
});
