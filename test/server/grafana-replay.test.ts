/**
 * Replays the requests Grafana's Prometheus data source sends, in its order and exact form, against
 * a gateway with a real vmsingle. Taken from Grafana 12.2 (@grafana/prometheus 12.2.0-pre), data
 * source URL `<gateway>/v2/metrics`, HTTP method POST (its default), basic auth with the token as
 * user:
 * - pkg/promlib/healthcheck.go: "Save & test" runs the instant query `1+1` over the range 1..4 s;
 *   pkg/promlib/client/client.go QueryInstant sends it as a POST form `query=1%2B1&time=4`.
 * - pkg/promlib/heuristics.go getBuildInfo: version detection, `api/v1/status/buildinfo` through
 *   client.go QueryResource, which POSTs every path not on its GET-only list (that list spells
 *   `/api/v1/status/buildinfo` with a leading slash the request path lacks), falling back to GET on
 *   405 or 400 only. A `data.features` map makes it Mimir; none, Prometheus.
 * - packages/grafana-prometheus/src/datasource.ts init: `api/v1/rules` (POSTed, retried by GET on
 *   405) and the exemplar probe areExemplarsAvailable, `query_exemplars?query=test&start&end` in milliseconds, sent by the browser as GET and by QueryResource as a POST with the query
 *   string kept and an empty body. hasLabelsMatchAPISupport: Prometheus >= 2.24.0 uses
 *   `label/<name>/values?match[]`.
 * - packages/grafana-prometheus/src/language_provider.ts: start (the metric browser)
 *   `label/__name__/values?start&end`, `metadata`, `labels` (POST form, match[] per query);
 *   fetchSeriesValuesWithMatch `label/<name>/values?start&end&match[]`; fetchSeriesLabelsMatch
 *   `labels` with match[]; fetchSeriesLabels `series` (POST form, match[], limit=40000).
 *   constants.ts GET_AND_POST_METADATA_ENDPOINTS: only query, query_range, series and labels go by
 *   POST from the browser; client.go's GET-only list keeps label values and metadata on GET.
 * Every call must answer 2xx with the shape Grafana parses; the rules probe, which the gateway does
 * not serve, answers 404 in the Prometheus envelope, which Grafana ignores.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { request, type RawResponse } from '../helpers/http.ts';
import { bundledBackend } from '../helpers/vmsingle-secrets.ts';
import { servedCatalog } from '../../src/generated/catalog.ts';

/** semver's gte for plain x.y.z versions, as datasource.ts _isDatasourceVersionGreaterOrEqualTo uses it. */
function versionAtLeast(version: string, target: string): boolean {
  const [a, b] = [version, target].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a![i] !== b![i]) return a![i]! > b![i]!;
  return true;
}

describe('Grafana 12.2 Prometheus data source, replayed against the gateway', function () {
  this.timeout(60_000);
  let gw: TestGateway;
  const now = Math.floor(Date.now() / 1000);
  // getRangeSnapInterval with the default cache level: whole seconds around the picker's range.
  const range = { start: String(now - 3600), end: String(now + 60) };

  before(async () => {
    gw = await startTestGateway();
    const direct = await bundledBackend(gw);
    const lines = [];
    for (let i = 0; i < 10; i++) {
      for (const job of ['api', 'db']) lines.push(`grafana_replay_requests_total{job="${job}",instance="i-${i % 2}"} ${i} ${(now - 300 + i * 15) * 1000}`);
    }
    await direct.importExposition(lines);
    await pollUntil('the replay dataset in vmsingle\'s index', async () => {
        const res = await direct.request(`/api/v1/label/__name__/values?start=${range.start}`);
        return JSON.parse(res.text).data.includes('grafana_replay_requests_total') ? true : undefined;
      }, 30_000);
  });
  after(async () => {
    await gw?.close();
  });

  /** One request as Grafana's server side sends it: Go's http client, basic auth, gzip accepted. */
  async function grafana(method: 'GET' | 'POST', path: string, query: string, body?: string): Promise<{ res: RawResponse; json: { status?: string; data?: unknown; errorType?: string } }> {
    const headers: Record<string, string> = {
      Authorization: `Basic ${Buffer.from(`${gw.token}:`).toString('base64')}`,
      'User-Agent': 'Grafana/12.2.0',
      'Accept-Encoding': 'gzip',
    };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await request(`${gw.url}/v2/metrics/${path}${query ? `?${query}` : ''}`, { method, headers, body: body ?? '' });
    const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body).toString() : res.text;
    return { res, json: JSON.parse(text) };
  }

  /** A URL query or form body as Grafana's frontend builds it (datasource.ts _request: encodeURIComponent per pair). */
  const form = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

  function ok(call: { res: RawResponse; json: { status?: string } }, what: string): void {
    assert.equal(call.res.status, 200, `${what}: got ${call.res.status} ${JSON.stringify(call.json).slice(0, 200)}`);
    assert.equal(call.json.status, 'success', what);
  }

  it('Save & test: POST api/v1/query 1+1 answers a vector of 2', async () => {
    const call = await grafana('POST', 'api/v1/query', '', 'query=1%2B1&time=4');
    ok(call, 'health check query');
    const data = call.json.data as { resultType: string; result: { value: [number, string] }[] };
    assert.ok(data.resultType === 'scalar' || data.resultType === 'vector');
  });

  it('version detection: buildinfo by POST answers Prometheus (no features) at a version >= 2.24.0', async () => {
    const call = await grafana('POST', 'api/v1/status/buildinfo', '');
    ok(call, 'buildinfo');
    const data = call.json.data as Record<string, unknown>;
    for (const field of ['version', 'revision', 'branch', 'buildUser', 'buildDate', 'goVersion']) assert.equal(typeof data[field], 'string', field);
    assert.equal(data.features, undefined, 'features would make Grafana take it for Mimir');
    assert.ok(versionAtLeast(data.version as string, '2.24.0'), `version ${String(data.version)} would make Grafana use the series API for label values`);
    const byGet = await grafana('GET', 'api/v1/status/buildinfo', '');
    ok(byGet, 'buildinfo by GET');
  });

  it("init: the rules probe by POST answers 405, and Grafana's GET retry the catalog's rule groups", async () => {
    const call = await grafana('POST', 'api/v1/rules', '');
    assert.equal(call.res.status, 405);
    assert.equal(call.json.status, 'error');
    assert.match(String(call.res.headers.allow), /GET/);
    const byGet = await grafana('GET', 'api/v1/rules', '');
    ok(byGet, 'rules by GET');
    assert.ok((byGet.json.data as { groups: unknown[] }).groups.length > 0, 'no rule groups');
  });

  it('init: the exemplar probe (milliseconds, POST with the query in the URL) answers success', async () => {
    const query = form([['query', 'test'], ['start', String((now - 1800) * 1000)], ['end', String(now * 1000)]]);
    ok(await grafana('POST', 'api/v1/query_exemplars', query), 'exemplars probe');
    ok(await grafana('GET', 'api/v1/query_exemplars', query), 'exemplars probe by GET');
  });

  it('the metric browser: metric names, metadata, label names', async () => {
    const names = await grafana('GET', 'api/v1/label/__name__/values', form([['start', range.start], ['end', range.end]]));
    ok(names, 'metric names');
    assert.ok((names.json.data as string[]).includes('grafana_replay_requests_total'));

    const metadata = await grafana('GET', 'api/v1/metadata', '');
    ok(metadata, 'metadata');
    const byName = metadata.json.data as Record<string, { type: string; help: string; unit: string }[]>;
    for (const entry of servedCatalog.entries) {
      assert.deepEqual(byName[entry.name], [{ type: entry.kind, help: entry.description, unit: entry.unit ?? '' }], entry.name);
    }

    const labels = await grafana('POST', 'api/v1/labels', '', form([['start', range.start], ['end', range.end], ['match[]', 'grafana_replay_requests_total']]));
    ok(labels, 'label names');
    assert.deepEqual(labels.json.data, ['__name__', 'instance', 'job']);
  });

  it('label names and values with match[] (the query builder and label_values() variables)', async () => {
    const selector = 'grafana_replay_requests_total{instance="i-0"}';
    const values = await grafana('GET', 'api/v1/label/job/values', form([['start', range.start], ['end', range.end], ['match[]', selector]]));
    ok(values, 'label values with match[]');
    assert.deepEqual(values.json.data, ['api', 'db']);

    const names = await grafana('POST', 'api/v1/labels', '', form([['start', range.start], ['end', range.end], ['match[]', selector]]));
    ok(names, 'label names with match[]');
    assert.ok((names.json.data as string[]).includes('job'));

    const escaped = await grafana('GET', 'api/v1/label/U__job/values', form([['start', range.start], ['end', range.end]]));
    ok(escaped, 'a U__-escaped UTF-8 label name');
  });

  it('series in POST mode: match[] and Grafana\'s series limit', async () => {
    const call = await grafana('POST', 'api/v1/series', '', form([['start', range.start], ['end', range.end], ['match[]', 'grafana_replay_requests_total'], ['limit', '40000']]));
    ok(call, 'series');
    const series = call.json.data as Record<string, string>[];
    assert.equal(series.length, 4);
    assert.ok(series.every((labels) => labels.__name__ === 'grafana_replay_requests_total' && typeof labels.job === 'string'));
  });

  it('the GET fallback of a POST lookup (client.go addBodyToQueryParams: sorted keys) answers the same', async () => {
    const body = form([['start', range.start], ['end', range.end], ['match[]', 'grafana_replay_requests_total']]);
    const post = await grafana('POST', 'api/v1/series', '', body);
    const get = await grafana('GET', 'api/v1/series', new URLSearchParams([...new URLSearchParams(body)].sort(([a], [b]) => a.localeCompare(b))).toString());
    ok(get, 'series by GET');
    assert.deepEqual(get.json, post.json);
  });
});
