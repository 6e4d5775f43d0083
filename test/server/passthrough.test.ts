import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { responseProblems } from '../helpers/openapi.ts';
import { bearer, request } from '../helpers/http.ts';
import { rawExchange } from '../helpers/raw-http.ts';
import { jobInstanceLines, type CorpusCase } from '../helpers/dataset.ts';
import { useGatewayWithData } from '../helpers/vmsingle-secrets.ts';

// A fixed dataset at fixed timestamps, so that direct and gateway answers can be compared byte for byte.
const T0 = 1_700_000_000;
const dataset = () =>
  jobInstanceLines(T0, 60, ({ i, ts, job, instance }) => [
    `corpus_requests_total{job="${job}",instance="${instance}"} ${i * 10 + instance.length} ${ts}`,
    `corpus_temperature{job="${job}",instance="${instance}",note="a b&c=d"} ${20 + (i % 7)} ${ts}`,
  ]);

type Case = CorpusCase;

const e = encodeURIComponent;
const T = `${T0 + 600}`;
const corpus: Case[] = [
  { name: 'instant vector', method: 'GET', path: 'api/v1/query', query: `query=${e('corpus_requests_total')}&time=${T}`, op: 'queryInstant' },
  { name: 'instant with matchers and a function', method: 'GET', path: 'api/v1/query', query: `query=${e('sum by (job) (rate(corpus_requests_total{instance=~"a|b"}[5m]))')}&time=${T}`, op: 'queryInstant' },
  { name: 'label value with spaces and &', method: 'GET', path: 'api/v1/query', query: `query=${e('corpus_temperature{note="a b&c=d"}')}&time=${T}`, op: 'queryInstant' },
  { name: 'scalar', method: 'GET', path: 'api/v1/query', query: `query=${e('scalar(sum(corpus_temperature))')}&time=${T}`, op: 'queryInstant' },
  { name: 'string literal', method: 'GET', path: 'api/v1/query', query: `query=${e('"hello"')}&time=${T}`, op: 'queryInstant' },
  { name: 'empty result', method: 'GET', path: 'api/v1/query', query: `query=${e('nothing_here')}&time=${T}`, op: 'queryInstant' },
  { name: 'limit and round_digits', method: 'GET', path: 'api/v1/query', query: `query=${e('corpus_temperature')}&time=${T}&round_digits=1&nocache=1`, op: 'queryInstant' },
  { name: 'parse error (the backend answers 422)', method: 'GET', path: 'api/v1/query', query: `query=${e('sum(')}&time=${T}`, op: 'queryInstant' },
  { name: 'bad time (the backend answers 422)', method: 'GET', path: 'api/v1/query', query: `query=up&time=yesterday`, op: 'queryInstant' },
  { name: 'short alias', method: 'GET', path: 'query', query: `query=${e('corpus_requests_total')}&time=${T}`, op: 'queryInstantAlias' },
  { name: 'POST form', method: 'POST', path: 'api/v1/query', query: '', body: `query=${e('corpus_temperature{job="db"}')}&time=${T}`, op: 'queryInstantPost' },
  { name: 'POST short alias', method: 'POST', path: 'query', query: '', body: `query=${e('count(corpus_temperature)')}&time=${T}`, op: 'queryInstantAliasPost' },
  { name: 'POST with the query in the URL', method: 'POST', path: 'api/v1/query', query: `query=${e('up')}`, body: `time=${T}`, op: 'queryInstantPost' },
  { name: 'range matrix', method: 'GET', path: 'api/v1/query_range', query: `query=${e('rate(corpus_requests_total[1m])')}&start=${T0}&end=${T0 + 900}&step=60`, op: 'queryRange' },
  { name: 'range short alias', method: 'GET', path: 'query_range', query: `query=${e('corpus_temperature')}&start=${T0}&end=${T0 + 300}&step=15s`, op: 'queryRangeAlias' },
  { name: 'range POST', method: 'POST', path: 'api/v1/query_range', query: '', body: `query=${e('avg(corpus_temperature)')}&start=${T0}&end=${T0 + 900}&step=30`, op: 'queryRangePost' },
  { name: 'range POST alias', method: 'POST', path: 'query_range', query: '', body: `query=${e('max(corpus_temperature)')}&start=${T0}&end=${T0 + 900}&step=30`, op: 'queryRangeAliasPost' },
  { name: 'range step error (422)', method: 'GET', path: 'api/v1/query_range', query: `query=up&start=${T0}&end=${T0 + 10}&step=-1`, op: 'queryRange' },
  { name: 'gzip', method: 'GET', path: 'api/v1/query_range', query: `query=${e('corpus_requests_total')}&start=${T0}&end=${T0 + 900}&step=15`, headers: { 'Accept-Encoding': 'gzip' }, op: 'queryRange' },
];

describe('PromQL passthrough against a real vmsingle', function () {
  this.timeout(60_000);
  const data = useGatewayWithData(dataset);

  for (const c of corpus) {
    it(`${c.name}: same status and byte-identical body as vmsingle itself`, async () => {
      const headers: Record<string, string> = { ...c.headers };
      if (c.body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const upstreamPath = c.path.startsWith('api/') ? c.path : `api/v1/${c.path}`;
      const search = c.query ? `?${c.query}` : '';
      const want = await data.direct.request(`/${upstreamPath}${search}`, { method: c.method, headers, ...(c.body !== undefined ? { body: c.body } : {}) });
      const got = await request(`${data.gw.url}/v2/metrics/${c.path}${search}`, { method: c.method, headers: { ...headers, ...bearer(data.gw.token) }, ...(c.body !== undefined ? { body: c.body } : {}) });
      assert.equal(got.status, want.status, `status: got ${got.status}; want ${want.status} (${got.text.slice(0, 200)})`);
      assert.equal(got.headers['content-type'], want.headers['content-type']);
      assert.equal(got.headers['content-encoding'], want.headers['content-encoding']);
      assert.ok(got.body.equals(want.body), `body differs:\n got ${got.text.slice(0, 300)}\nwant ${want.text.slice(0, 300)}`);
      const text = got.headers['content-encoding'] === 'gzip' ? gunzipSync(got.body).toString() : got.text;
      assert.deepEqual(responseProblems(c.op, got.status, got.headers['content-type'] ?? null, text), []);
      assert.equal(got.headers['x-server-hostname'], undefined, 'X-Server-Hostname leaked');
      assert.equal(got.headers['access-control-allow-origin'], undefined, 'Access-Control-Allow-Origin leaked');
      if (c.name === 'gzip') assert.equal(got.headers['content-encoding'], 'gzip');
    });
  }

  const refusals: [string, string, string | undefined, number, RegExp][] = [
    ['missing query', 'time=1', undefined, 400, /missing required parameter "query"/],
    ['a parameter given twice', 'query=up&query=down', undefined, 400, /more than once/],
    ['a parameter in the URL and the body', 'query=up', 'query=down', 400, /more than once/],
    ['trace', 'query=up&trace=1', undefined, 400, /"trace" is not accepted/],
    ['extra_label', 'query=up&extra_label=tenant%3Dother', undefined, 400, /widen/],
    ['an unknown parameter', 'query=up&foo=1', undefined, 400, /unknown parameter "foo"/],
    ['malformed percent-encoding', 'query=%E0%A4%A', undefined, 400, /malformed percent-encoding/],
    ['non-UTF-8 bytes', 'query=%FF%FE', undefined, 400, /malformed percent-encoding or UTF-8/],
    ['a line break in a parameter other than query', 'query=up&time=1%0D%0AX-Evil:%201', undefined, 400, /line break/],
    ['an invalid limit', 'query=up&limit=many', undefined, 400, /limit must match/],
  ];
  for (const [name, query, body, status, message] of refusals) {
    it(`refuses ${name} with ${status} bad_data in the Prometheus envelope`, async () => {
      const res = await request(`${data.gw.url}/v2/metrics/api/v1/query?${query}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...bearer(data.gw.token), ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
      assert.equal(res.status, status, res.text);
      const parsed = JSON.parse(res.text);
      assert.equal(parsed.status, 'error');
      assert.equal(parsed.errorType, 'bad_data');
      assert.match(parsed.error, message);
      assert.deepEqual(responseProblems(body === undefined ? 'queryInstant' : 'queryInstantPost', res.status, res.headers['content-type'] ?? null, res.text), []);
    });
  }

  // curl -X POST with the parameters in the URL sends no body and no length. The server hands such
  // a request over with its body already ended on the Node lines that have the option (24.12 and later).
  it('answers a POST with neither a body nor Content-Length nor Transfer-Encoding from its URL, at once', async () => {
    const search = `?query=${e('corpus_requests_total')}&time=${T}`;
    const want = await data.direct.request(`/api/v1/query${search}`, { method: 'GET' });
    const { port } = new URL(data.gw.url);
    const head = `POST /v2/metrics/api/v1/query${search} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${data.gw.token}\r\nConnection: close\r\n\r\n`;
    const got = await rawExchange(Number(port), head, 10_000);
    assert.equal(got.status, 200, got.raw.slice(0, 300));
    assert.ok(got.ms < 5000, `answered after ${Math.round(got.ms)} ms`);
    assert.equal(got.body, want.text);
  });

  it('refuses a body over LAYER_PROXY_MAX_BODY_BYTES with 413', async () => {
    const res = await request(`${data.gw.url}/v2/metrics/api/v1/query`, {
      method: 'POST',
      headers: { ...bearer(data.gw.token), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `query=${'x'.repeat(1024 * 1024 + 10)}`,
    });
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.text).errorType, 'bad_data');
  });
});
