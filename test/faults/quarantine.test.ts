/**
 * Quarantine after a crash of the bundled backend: every query in flight when it died is refused
 * for ten minutes (400 bad_data), the guilty one and an innocent one alike, keyed by the query text
 * whatever the method or the other parameters; a query that merely timed out is not.
 *
 * The bundled child is the fake vmsingle (test/helpers/fake-vmsingle.mjs, crash-on-query):
 * it exits on a query containing "crash" and never answers one containing "hang", which no real
 * vmsingle does on demand for an arbitrary query.
 */
import assert from 'node:assert/strict';
import { writeFakeVmsingle } from '../helpers/fake-binary.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, metricValue, request, type RawResponse } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const QUARANTINED = 'layer_proxy_rejections_total{endpoint="query",reason="quarantined"}';

describe('faults: queries in flight when the bundled vmsingle crashes', function () {
  this.timeout(60_000);
  let binDir: string;
  let gw: TestGateway;

  before(async () => {
    binDir = await makeTempDir('layer-fake-vm');
    const wrapper = await writeFakeVmsingle(binDir, { mode: 'crash-on-query' });
    gw = await startTestGateway({ captureLogs: true, env: { LAYER_VM_BINARY: wrapper, LAYER_VM_TIMEOUT_MS: '1500' } });
  });
  after(async () => {
    await gw?.close();
    await removeTempDir(binDir);
  });

  const get = (query: string, extra = '') => request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent(query)}${extra}`, { headers: bearer(gw.token) });
  const post = (query: string) => request(`${gw.url}/v2/metrics/api/v1/query`, {
    method: 'POST',
    headers: { ...bearer(gw.token), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `query=${encodeURIComponent(query)}&time=1700000000`,
  });
  const assertQuarantined = (res: RawResponse, what: string) => {
    assert.equal(res.status, 400, `${what}: ${res.status} ${res.text}`);
    const body = JSON.parse(res.text) as { errorType: string; error: string };
    assert.equal(body.errorType, 'bad_data');
    assert.match(body.error, /^this query was in flight when the metrics backend crashed; refused until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    const until = Date.parse(/until (\S+)/.exec(body.error)![1]!);
    assert.ok(Math.abs(until - Date.now() - 600_000) < 30_000, `refused until ${new Date(until).toISOString()}; want about ten minutes from now`);
  };

  it('refuses the crashing query and an innocent one in flight with it, for ten minutes; not one that timed out', async () => {
    const vm = gw.gateway.vmsingle!;
    const firstPid = vm.pid;

    const timedOut = await get('hang_timed_out()');
    assert.equal(timedOut.status, 504, timedOut.text);

    const innocent = get('hang_innocent()');
    await pollUntil('the innocent query in flight', async () => ((await metricValue(gw.url, 'layer_upstream_in_flight_requests')) === 1 ? true : undefined), 10_000);
    const guilty = await post('crash_it()');
    assert.equal(guilty.status, 502, guilty.text);
    assert.equal((await innocent).status, 502);
    await pollUntil('the fake vmsingle restarted', async () => (vm.state === 'up' && vm.pid !== firstPid ? true : undefined), 20_000);

    // Keyed by the query alone: another time, another method, still refused.
    assertQuarantined(await get('crash_it()', '&time=1800000000'), 'the crashing query by GET');
    assertQuarantined(await post('crash_it()'), 'the crashing query by POST');
    assertQuarantined(await get('hang_innocent()'), 'the innocent query');
    assert.equal((await get('vector(1)')).status, 200, 'other queries pass');
    assert.equal((await get('hang_timed_out()')).status, 504, 'a query that timed out is not quarantined');
    assert.equal(await metricValue(gw.url, QUARANTINED), 3);

    const warnings = gw.logs.filter((line) => line.includes('query quarantined'));
    assert.equal(warnings.length, 2, warnings.join('\n'));
    for (const line of warnings) {
      assert.match(line, /"fingerprint":"[0-9a-f]{12}"/);
      assert.doesNotMatch(line, /crash_it|hang_innocent/, 'the log names a fingerprint, not the query');
    }
  });
});
