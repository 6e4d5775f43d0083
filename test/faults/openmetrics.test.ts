/**
 * GET /metrics in both formats, in any order: an OpenMetrics scrape must not change what a later
 * Prometheus scrape says (prom-client renames counters when it renders OpenMetrics from the shared
 * metric objects), nor the other way round.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { metricFamilies } from '../../src/generated/metrics.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';

const run = promisify(execFile);
const OPENMETRICS = { Accept: 'application/openmetrics-text; version=1.0.0' };

/**
 * The shape of an exposition without its values: every comment line (HELP, TYPE, UNIT, EOF) and
 * the distinct sample names. Values and label sets change with every request; names must not.
 */
function shape(exposition: string): string[] {
  const lines = new Set<string>();
  for (const line of exposition.split('\n')) {
    if (line === '') continue;
    lines.add(line.startsWith('#') ? line : `sample ${/^[^{ ]+/.exec(line)![0]}`);
  }
  return [...lines].sort();
}

async function promtoolProblems(exposition: string): Promise<string> {
  const child = run('promtool', ['check', 'metrics']);
  child.child.stdin!.end(exposition);
  const { stdout, stderr } = await child.catch((error: { stdout: string; stderr: string }) => error);
  return `${stdout}${stderr}`.trim();
}

describe('GET /metrics in both formats, in any order', function () {
  this.timeout(60_000);
  let gw: TestGateway;
  before(async () => {
    // An external backend that is not there: /metrics needs none, and no vmsingle scrapes in between.
    gw = await startTestGateway({ env: { LAYER_VM_URL: 'http://127.0.0.1:9' } });
  });
  after(async () => {
    await gw?.close();
  });

  const scrape = async (headers: Record<string, string> = {}) => {
    const res = await request(`${gw.url}/metrics`, { headers });
    assert.equal(res.status, 200);
    return res;
  };

  it('keeps both formats unchanged after every sequence of Prometheus and OpenMetrics scrapes', async () => {
    // Warm-up: every series these scrapes record exists before the first one compared.
    await scrape();
    await scrape();
    const prometheus = await scrape();
    assert.match(String(prometheus.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const firstProm = shape(prometheus.text);
    assert.ok(firstProm.includes('# TYPE layer_http_requests_total counter'), 'the Prometheus text names the counter with _total');
    const openMetrics = await scrape(OPENMETRICS);
    assert.match(String(openMetrics.headers['content-type']), /^application\/openmetrics-text; version=1\.0\.0/);
    const firstOm = shape(openMetrics.text);
    assert.ok(firstOm.includes('# TYPE layer_http_requests counter'), 'OpenMetrics names the counter family without _total');
    assert.ok(firstOm.includes('sample layer_http_requests_total'), 'OpenMetrics names the counter samples with _total');

    for (const format of ['prom', 'om', 'om', 'prom', 'prom', 'om', 'prom', 'om']) {
      if (format === 'prom') assert.deepEqual(shape((await scrape()).text), firstProm, 'the Prometheus text changed after an OpenMetrics scrape');
      else assert.deepEqual(shape((await scrape(OPENMETRICS)).text), firstOm, 'OpenMetrics changed after another scrape');
    }
  });

  it('still exposes exactly the catalog families in the Prometheus text after an OpenMetrics scrape, promtool-clean in both formats', async () => {
    const openMetrics = await scrape(OPENMETRICS);
    const prometheus = await scrape();
    const families = prometheus.text
      .split('\n')
      .filter((line) => line.startsWith('# TYPE '))
      .map((line) => line.split(' ')[2]!)
      .sort();
    assert.deepEqual(families, [...metricFamilies].sort());
    assert.equal(await promtoolProblems(prometheus.text), '');
    // promtool 2.42 reads the exposition as Prometheus text, where an OpenMetrics counter family
    // (named without _total) has no HELP under its samples' name: that, and nothing else.
    for (const problem of (await promtoolProblems(openMetrics.text)).split('\n').filter(Boolean)) {
      assert.match(problem, /^[a-z_]+_total no help text$/, `promtool on OpenMetrics: ${problem}`);
    }
  });
});
