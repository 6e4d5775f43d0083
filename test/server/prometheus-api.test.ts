import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { responseProblems } from '../helpers/openapi.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { jobInstanceLines, type CorpusCase } from '../helpers/dataset.ts';
import { bearer, request } from '../helpers/http.ts';
import { useGatewayWithData } from '../helpers/vmsingle-secrets.ts';
import { servedCatalog } from '../../src/generated/catalog.ts';

// A dataset of the last minutes (older samples would fall outside vmsingle's retention), asked for
// with the same fixed range directly and through the gateway, so the answers compare byte for byte.
const T0 = Math.floor(Date.now() / 60_000) * 60 - 600;
const dataset = () =>
  jobInstanceLines(T0, 20, ({ i, ts, job, instance }) => [
    `lookup_requests_total{job="${job}",instance="${instance}"} ${i * 10} ${ts}`,
    `lookup_temperature{job="${job}",zone="z-${instance}",note="a b&c=d"} ${20 + (i % 7)} ${ts}`,
  ]);

type Case = CorpusCase;

const e = encodeURIComponent;
const run = promisify(execFile);
const RANGE = `start=${T0}&end=${T0 + 600}`;
const corpus: Case[] = [
  { name: 'labels', method: 'GET', path: 'labels', query: RANGE, op: 'labelNames' },
  { name: 'labels with one match[]', method: 'GET', path: 'labels', query: `match[]=${e('lookup_temperature')}&${RANGE}`, op: 'labelNames' },
  { name: 'labels with two match[]', method: 'GET', path: 'labels', query: `match[]=${e('lookup_temperature')}&match[]=${e('lookup_requests_total{job="db"}')}&${RANGE}`, op: 'labelNames' },
  { name: 'labels, match[] percent-encoded brackets', method: 'GET', path: 'labels', query: `match%5B%5D=${e('lookup_requests_total')}&${RANGE}`, op: 'labelNames' },
  { name: 'labels POST', method: 'POST', path: 'labels', query: '', body: `match[]=${e('{job="api"}')}&match[]=${e('lookup_temperature')}&${RANGE}`, op: 'labelNamesPost' },
  { name: 'labels POST, match[] in the URL too', method: 'POST', path: 'labels', query: `match[]=${e('lookup_requests_total')}`, body: `match[]=${e('lookup_temperature')}&${RANGE}`, op: 'labelNamesPost' },
  { name: 'labels, a bad selector (the backend refuses it)', method: 'GET', path: 'labels', query: `match[]=${e('sum(')}&${RANGE}`, op: 'labelNames' },
  { name: 'metric names', method: 'GET', path: 'label/__name__/values', query: RANGE, op: 'labelValues' },
  { name: 'label values with match[]', method: 'GET', path: 'label/job/values', query: `match[]=${e('lookup_temperature{zone="z-a"}')}&${RANGE}`, op: 'labelValues' },
  { name: 'label values with spaces and &', method: 'GET', path: 'label/note/values', query: RANGE, op: 'labelValues' },
  { name: 'label values of an unknown label', method: 'GET', path: 'label/nothing_here/values', query: RANGE, op: 'labelValues' },
  { name: 'series', method: 'GET', path: 'series', query: `match[]=${e('lookup_requests_total')}&${RANGE}`, op: 'series' },
  { name: 'series with two match[]', method: 'GET', path: 'series', query: `match[]=${e('lookup_requests_total{instance="a"}')}&match[]=${e('lookup_temperature{job=~"db|api"}')}&${RANGE}`, op: 'series' },
  { name: 'series POST', method: 'POST', path: 'series', query: '', body: `match[]=${e('lookup_temperature')}&${RANGE}`, op: 'seriesPost' },
  { name: 'series with a bad time (the backend refuses it)', method: 'GET', path: 'series', query: `match[]=up&start=yesterday`, op: 'series' },
  { name: 'query_exemplars', method: 'GET', path: 'query_exemplars', query: `query=${e('lookup_requests_total')}&${RANGE}`, op: 'queryExemplars' },
  { name: 'query_exemplars POST', method: 'POST', path: 'query_exemplars', query: '', body: `query=${e('lookup_requests_total')}&${RANGE}`, op: 'queryExemplarsPost' },
];

describe('Prometheus API lookups against a real vmsingle', function () {
  this.timeout(60_000);
  const data = useGatewayWithData(dataset);
  before(async () => {
    // New series reach vmsingle's index searches a few seconds after they are written.
    await pollUntil('the dataset in the series index', async () => {
        const res = await data.direct.request(`/api/v1/series?match[]=${e('{__name__=~"lookup_.*"}')}&${RANGE}`);
        return JSON.parse(res.text).data?.length === 12 ? true : undefined;
      }, 30_000);
  });

  for (const c of corpus) {
    it(`${c.name}: same status and byte-identical body as vmsingle itself`, async () => {
      const headers: Record<string, string> = c.body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {};
      const search = c.query ? `?${c.query}` : '';
      const body = c.body !== undefined ? { body: c.body } : {};
      const want = await data.direct.request(`/api/v1/${c.path}${search}`, { method: c.method, headers, ...body });
      const got = await request(`${data.gw.url}/v2/metrics/api/v1/${c.path}${search}`, { method: c.method, headers: { ...headers, ...bearer(data.gw.token) }, ...body });
      assert.equal(got.status, want.status, `status: got ${got.status}; want ${want.status} (${got.text.slice(0, 200)})`);
      assert.equal(got.headers['content-type'], want.headers['content-type']);
      assert.ok(got.body.equals(want.body), `body differs:\n got ${got.text.slice(0, 300)}\nwant ${want.text.slice(0, 300)}`);
      // VictoriaMetrics 1.79 answers no exemplars; every other successful case has data to compare.
      if (want.status === 200 && c.path !== 'query_exemplars' && !c.name.includes('unknown')) assert.ok(JSON.parse(want.text).data.length > 0, 'the case has no data');
      assert.deepEqual(responseProblems(c.op, got.status, got.headers['content-type'] ?? null, got.text), []);
      assert.equal(got.headers['x-server-hostname'], undefined, 'X-Server-Hostname leaked');
    });
  }

  const refusals: [string, string, string, RegExp][] = [
    ['extra_label on labels', 'labels', 'extra_label=tenant%3Dother', /widen/],
    ['extra_filters[] on series', 'series', `match[]=up&extra_filters[]=${e('{tenant="other"}')}`, /widen/],
    ['extra_filters[] (encoded) on label values', 'label/job/values', `extra_filters%5B%5D=${e('{a="b"}')}`, /widen/],
    ['series without match[]', 'series', `start=${T0}`, /missing required parameter "match\[\]"/],
    ['start given twice', 'labels', 'start=1&start=2', /"start" is given more than once/],
    ['an unknown parameter on labels', 'labels', 'query=up', /unknown parameter "query" for \/api\/v1\/labels/],
    ['an unknown parameter on label values', 'label/job/values', 'foo=1', /unknown parameter "foo" for \/api\/v1\/label\/\{name\}\/values/],
    ['query_exemplars without query', 'query_exemplars', `start=${T0}`, /missing required parameter "query"/],
    ['a line break in start', 'labels', 'start=1%0D%0AX-Evil:%201', /line break/],
    ['a crashing duration in match[]', 'series', `match[]=${e('rate(up[5M])')}`, /crashes on it/],
    ['a crashing duration in query_exemplars', 'query_exemplars', `query=${e('up offset 5M')}`, /crashes on it/],
    ['an invalid limit', 'labels', 'limit=many', /limit must match/],
    ['a label name with a dot', 'label/a.b/values', '', /"a.b" is not a label name/],
    ['a label name with an encoded slash', 'label/..%2F..%2Fadmin/values', '', /is not a label name/],
    ['a label name starting with a digit', 'label/1abc/values', '', /is not a label name/],
  ];
  for (const [name, path, query, message] of refusals) {
    it(`refuses ${name} with 400 bad_data in the Prometheus envelope`, async () => {
      const res = await request(`${data.gw.url}/v2/metrics/api/v1/${path}?${query}`, { headers: bearer(data.gw.token) });
      assert.equal(res.status, 400, res.text);
      const parsed = JSON.parse(res.text);
      assert.equal(parsed.status, 'error');
      assert.equal(parsed.errorType, 'bad_data');
      assert.match(parsed.error, message);
    });
  }

  it('answers label values by GET only: POST is 405 with Allow', async () => {
    const res = await request(`${data.gw.url}/v2/metrics/api/v1/label/job/values`, { method: 'POST', headers: { ...bearer(data.gw.token), 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(res.status, 405, res.text);
    assert.match(res.headers.allow ?? '', /GET/);
    assert.equal(JSON.parse(res.text).status, 'error');
  });

  describe('promtool (a real Prometheus API client) through the gateway, token as URL user', () => {
    const range = ['--start', String(T0), '--end', String(T0 + 600)];
    const viaGateway = () => `${data.gw.url.replace('http://', `http://${data.gw.token}@`)}/v2/metrics`;

    const cases: [string, string[], RegExp][] = [
      ['query labels (metric names)', ['labels', '__name__'], /lookup_requests_total\nlookup_temperature/],
      ['query labels with --match', ['labels', '--match', 'lookup_temperature{zone="z-b"}', 'job'], /api\ncache\ndb/],
      ['query series with two --match', ['series', '--match', 'lookup_requests_total{instance="a"}', '--match', 'lookup_temperature{job="db"}'], /__name__="lookup_temperature", job="db"/],
    ];
    for (const [name, args, want] of cases) {
      it(`${name}: the same output as promtool against vmsingle itself`, async () => {
        // `promtool query labels` takes the label name last: after the server.
        const [verb, ...rest] = args;
        const last = verb === 'labels' ? rest.pop()! : undefined;
        const through = await run('promtool', ['query', verb!, ...range, ...rest, viaGateway(), ...(last ? [last] : [])]);
        const straight = await run('promtool', ['query', verb!, ...range, ...rest, data.direct.urlWithCredentials, ...(last ? [last] : [])]);
        assert.match(through.stdout, want);
        assert.equal(through.stdout, straight.stdout);
        assert.equal(through.stderr, '');
      });
    }
  });

  describe('GET /api/v1/metadata', () => {
    const catalogNames = servedCatalog.entries.map((entry) => entry.name).sort();

    it('lists exactly the catalog metric names over vmsingle, with kind, description and unit', async () => {
      const res = await request(`${data.gw.url}/v2/metrics/api/v1/metadata`, { headers: bearer(data.gw.token) });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(responseProblems('metadata', res.status, res.headers['content-type'] ?? null, res.text), []);
      const body = JSON.parse(res.text);
      assert.equal(body.status, 'success');
      assert.equal(body.warnings, undefined);
      assert.deepEqual(Object.keys(body.data).sort(), catalogNames);
      for (const entry of servedCatalog.entries) {
        assert.deepEqual(body.data[entry.name], [{ type: entry.kind, help: entry.description, unit: entry.unit ?? '' }], entry.name);
      }
    });

    it('honours metric, limit and limit_per_metric as Prometheus does', async () => {
      const one = JSON.parse((await request(`${data.gw.url}/v2/metrics/api/v1/metadata?metric=layer_backend_up`, { headers: bearer(data.gw.token) })).text);
      assert.deepEqual(Object.keys(one.data), ['layer_backend_up']);
      const none = JSON.parse((await request(`${data.gw.url}/v2/metrics/api/v1/metadata?metric=not_a_metric`, { headers: bearer(data.gw.token) })).text);
      assert.deepEqual(none, { status: 'success', data: {} });
      const three = JSON.parse((await request(`${data.gw.url}/v2/metrics/api/v1/metadata?limit=3&limit_per_metric=1`, { headers: bearer(data.gw.token) })).text);
      assert.deepEqual(Object.keys(three.data), catalogNames.slice(0, 3));
      const zero = JSON.parse((await request(`${data.gw.url}/v2/metrics/api/v1/metadata?limit=0`, { headers: bearer(data.gw.token) })).text);
      assert.deepEqual(zero.data, {});
      const bad = await request(`${data.gw.url}/v2/metrics/api/v1/metadata?limit=x`, { headers: bearer(data.gw.token) });
      assert.equal(bad.status, 400);
      assert.equal(JSON.parse(bad.text).errorType, 'bad_data');
    });
  });

  it('answers status/buildinfo in Prometheus shape with version 2.24.0', async () => {
    const res = await request(`${data.gw.url}/v2/metrics/api/v1/status/buildinfo`, { headers: bearer(data.gw.token) });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(responseProblems('buildInfo', res.status, res.headers['content-type'] ?? null, res.text), []);
    assert.equal(JSON.parse(res.text).data.version, '2.24.0');
  });

  for (const path of ['targets', 'status/config', 'admin/tsdb/delete_series', 'import', 'export', 'label/job']) {
    it(`answers ${path} 401 without a token and 404 in the Prometheus envelope with one`, async () => {
      const anonymous = await request(`${data.gw.url}/v2/metrics/api/v1/${path}`);
      assert.equal(anonymous.status, 401, anonymous.text);
      assert.equal(JSON.parse(anonymous.text).errorType, 'unauthorized');
      const res = await request(`${data.gw.url}/v2/metrics/api/v1/${path}`, { headers: bearer(data.gw.token) });
      assert.equal(res.status, 404, res.text);
      const parsed = JSON.parse(res.text);
      assert.equal(parsed.status, 'error');
      assert.equal(parsed.errorType, 'not_found');
      assert.ok(parsed.error.includes(`/v2/metrics/api/v1/${path}`), parsed.error);
    });
  }
});
