/**
 * The size limits on PromQL texts and series selectors, against the bundled vmsingle: a `query` or
 * `match[]` longer than its -search.maxQueryLen, and lookups with more `match[]` values (or bytes
 * of them) than LAYER_PROXY_MAX_MATCHERS / LAYER_PROXY_MAX_MATCHER_BYTES, are refused with 400
 * without reaching it (its own request counters say so), while what Grafana and promtool send
 * passes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUNDLED_MAX_QUERY_LEN } from '../../src/proxy/query-length.ts';
import { bearer, metricValue, request, sampleValue, type RawResponse } from '../helpers/http.ts';
import { jobInstanceLines } from '../helpers/dataset.ts';
import { useGatewayWithData } from '../helpers/vmsingle-secrets.ts';

const run = promisify(execFile);
const T0 = Math.floor(Date.now() / 1000 / 60) * 60 - 1800;
const dataset = () => jobInstanceLines(T0, 60, ({ ts, job, instance }) => [`limits_total{job="${job}",instance="${instance}"} 1 ${ts}`]);
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const e = encodeURIComponent;

/** A selector of exactly `bytes` bytes: `limits_total{job="xxx…"}` padded with spaces, which PromQL ignores. */
function selectorOf(bytes: number): string {
  const base = 'limits_total{job="db"}';
  return base + ' '.repeat(bytes - base.length);
}

describe('selector size limits against the bundled vmsingle', function () {
  this.timeout(60_000);
  const data = useGatewayWithData(dataset);
  const gw = () => data.gw;

  /** vmsingle's own count of requests on `path`, read from its /metrics. */
  async function backendRequests(path: string): Promise<number> {
    return sampleValue((await data.direct.request('/metrics')).text, `vm_http_requests_total{path="${path}"}`);
  }

  const rejections = (endpoint: string, reason: string) => metricValue(gw().url, `layer_proxy_rejections_total{endpoint="${endpoint}",reason="${reason}"}`);

  function post(route: string, body: string): Promise<RawResponse> {
    return request(`${gw().url}/v2/metrics/api/v1/${route}`, { method: 'POST', headers: { ...FORM, ...bearer(gw().token) }, body });
  }

  /** Asserts a 400 bad_data envelope whose message names `words`, none of it from the backend. */
  function assertRefused(res: RawResponse, words: RegExp): void {
    assert.equal(res.status, 400, res.text.slice(0, 300));
    const body = JSON.parse(res.text) as { status: string; errorType: string; error: string };
    assert.equal(body.status, 'error');
    assert.equal(body.errorType, 'bad_data');
    assert.match(body.error, words);
  }

  it(`passes a query of exactly ${BUNDLED_MAX_QUERY_LEN} bytes to vmsingle, which runs it`, async () => {
    const res = await post('query', `query=${e(selectorOf(BUNDLED_MAX_QUERY_LEN))}&time=${T0 + 600}`);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /"limits_total"/);
  });

  it(`passes a query of ${BUNDLED_MAX_QUERY_LEN} bytes sent fully percent-encoded, with the usual range parameters`, async () => {
    const query = selectorOf(BUNDLED_MAX_QUERY_LEN);
    const encoded = [...Buffer.from(query)].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
    const res = await post('query_range', `query=${encoded}&start=${T0}&end=${T0 + 600}&step=60&timeout=30s&lookback_delta=5m&stats=all&nocache=1`);
    assert.equal(res.status, 200, res.text.slice(0, 300));
  });

  it('refuses a body too large for any valid request before reading it, counted as query_too_long', async () => {
    const before = await backendRequests('/api/v1/query');
    const counted = await rejections('query', 'query_too_long');
    const res = await post('query', `query=${'[5k'.repeat(20_000)}`);
    assertRefused(res, /^the request's parameters take 60006 bytes, more than 53248, the most that a query of at most 16384 bytes \(the bundled vmsingle's -search\.maxQueryLen=16384\) can take even fully percent-encoded: shorten the query$/);
    assert.equal(await rejections('query', 'query_too_long'), counted + 1);
    assert.equal(await backendRequests('/api/v1/query'), before);
  });

  it('vmsingle itself refuses one byte more (the limit the gateway applies is really its own)', async () => {
    const res = await data.direct.request('/api/v1/query', { method: 'POST', headers: FORM, body: `query=${e(selectorOf(BUNDLED_MAX_QUERY_LEN + 1))}` });
    assert.equal(res.status, 422, res.text);
    assert.match(res.text, new RegExp(`maxQueryLen=${BUNDLED_MAX_QUERY_LEN}`));
  });

  for (const [route, path, field] of [
    ['query', '/api/v1/query', 'query'],
    ['query_range', '/api/v1/query_range', 'query'],
    ['series', '/api/v1/series', 'match[]'],
  ] as const) {
    it(`refuses a ${field} one byte over on ${route} with 400, counted as query_too_long, before the backend sees it`, async () => {
      const before = await backendRequests(path);
      const counted = await rejections(route, 'query_too_long');
      const extra = route === 'query_range' ? `&start=${T0}&end=${T0 + 600}&step=60` : '';
      const res = await post(route, `${e(field)}=${e(selectorOf(BUNDLED_MAX_QUERY_LEN + 1))}${extra}`);
      assertRefused(res, new RegExp(`"${field.replace(/[[\]]/g, '\\$&')}" is ${BUNDLED_MAX_QUERY_LEN + 1} bytes long; the metrics backend runs queries of at most ${BUNDLED_MAX_QUERY_LEN} bytes \\(the bundled vmsingle's -search\\.maxQueryLen=${BUNDLED_MAX_QUERY_LEN}\\): shorten it`));
      assert.equal(await rejections(route, 'query_too_long'), counted + 1);
      assert.equal(await backendRequests(path), before, 'the refused request reached vmsingle');
    });
  }

  it('refuses 101 match[] values (LAYER_PROXY_MAX_MATCHERS=100) on series, labels and label values, none reaching vmsingle', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `match[]=${e(`{__name__=~"attack_${i}_.*"}`)}`).join('&');
    for (const [route, endpoint, path] of [
      ['series', 'series', '/api/v1/series'],
      ['labels', 'labels', '/api/v1/labels'],
      ['label/job/values', 'label_values', '/api/v1/label/{}/values'],
    ] as const) {
      const before = await backendRequests(path);
      const counted = await rejections(endpoint, 'matchers_over_limit');
      const res = route === 'label/job/values'
        ? await request(`${gw().url}/v2/metrics/api/v1/${route}?${many}`, { headers: bearer(gw().token) })
        : await post(route, many);
      assertRefused(res, /carries 101 match\[\] selectors; the gateway forwards at most 100 per request \(LAYER_PROXY_MAX_MATCHERS\): split the lookup/);
      assert.equal(await rejections(endpoint, 'matchers_over_limit'), counted + 1, endpoint);
      assert.equal(await backendRequests(path), before, `the refused ${route} request reached vmsingle`);
    }
  });

  it('refuses match[] values over 65536 bytes together (LAYER_PROXY_MAX_MATCHER_BYTES), each within the query length', async () => {
    const before = await backendRequests('/api/v1/series');
    // Spaces as `+`, so the raw body stays within the raw bound and the decoded total is what is checked.
    const body = Array.from({ length: 5 }, () => `match[]=${e(selectorOf(14_000)).replace(/%20/g, '+')}`).join('&');
    assertRefused(await post('series', body), /match\[\] selectors total 70000 bytes; the gateway forwards at most 65536 per request \(LAYER_PROXY_MAX_MATCHER_BYTES\)/);
    assert.equal(await backendRequests('/api/v1/series'), before);
  });

  it('passes 100 match[] values and 4 of 16000 bytes (64000 together) to vmsingle', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `match[]=${e(`{__name__="limits_total",job="job${i}"}`)}`).join('&');
    const res = await post('series', `${hundred}&start=${T0}&end=${T0 + 600}`);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    const big = Array.from({ length: 4 }, () => `match[]=${e(selectorOf(16_000))}`).join('&');
    const res2 = await post('series', `${big}&start=${T0}&end=${T0 + 600}`);
    assert.equal(res2.status, 200, res2.text.slice(0, 300));
    assert.match(res2.text, /"limits_total"/);
  });

  // What Grafana's Prometheus data source sends (packages/grafana-prometheus): one match[] per
  // lookup, and on the label keys of ad-hoc filters one bare metric name per query of the panel.
  it("passes Grafana's lookups: metric browser, label names and values with match[], series, ad-hoc keys", async () => {
    const range = `start=${T0}&end=${T0 + 600}`;
    const selector = e('limits_total{job=~"db|api"}');
    const queries = [
      ['GET', `label/__name__/values?${range}&limit=40000`, undefined],
      ['GET', `labels?${range}&limit=40000&match[]=${selector}`, undefined],
      ['POST', 'labels', `${range}&limit=40000&match[]=${selector}`],
      ['GET', `label/instance/values?${range}&limit=40000&match[]=${selector}`, undefined],
      ['GET', `series?${range}&limit=40000&match[]=${selector}`, undefined],
      ['POST', 'series', `${range}&match[]=${selector}`],
      ['GET', `labels?${range}&${Array.from({ length: 20 }, (_, i) => `match[]=metric_${i}`).join('&')}`, undefined],
    ] as const;
    for (const [method, path, body] of queries) {
      const res = await request(`${gw().url}/v2/metrics/api/v1/${path}`, {
        method,
        headers: { ...(body === undefined ? {} : FORM), ...bearer(gw().token) },
        ...(body === undefined ? {} : { body }),
      });
      assert.equal(res.status, 200, `${method} ${path}: ${res.text.slice(0, 300)}`);
    }
  });

  it('passes promtool query series with several --match flags', async () => {
    const url = gw().url.replace('://', `://${gw().token}:@`) + '/v2/metrics';
    const { stdout } = await run('promtool', ['query', 'series', '--match=limits_total{job="db"}', '--match=limits_total{job="api"}', `--start=${T0}`, `--end=${T0 + 600}`, url]);
    assert.match(stdout, /limits_total/, stdout);
    const labels = await run('promtool', ['query', 'labels', '--match=limits_total', `--start=${T0}`, `--end=${T0 + 600}`, url, 'job']);
    assert.match(labels.stdout, /db/, labels.stdout);
  });
});
