import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { metricFamilies } from '../../src/generated/metrics.ts';
import { catalogDocument } from '../../src/generated/catalog.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { useTestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';

const run = promisify(execFile);

/** Metric family names in an exposition (from its TYPE lines). */
function families(exposition: string): string[] {
  return exposition
    .split('\n')
    .filter((line) => line.startsWith('# TYPE '))
    .map((line) => line.split(' ')[2]!)
    .sort();
}

describe('gateway routes (bundled vmsingle)', function () {
  this.timeout(60_000);
  const gw = useTestGateway();

  describe('GET /health', () => {
    it('answers 200 with the documented shape once the backend is up', async () => {
      const res = await request(`${gw().url}/health`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(responseProblems('getHealth', res.status, res.headers['content-type'] ?? null, res.text), []);
      const body = JSON.parse(res.text);
      assert.equal(body.status, 'ok');
      assert.deepEqual(body.cache, { state: 'disabled', reconnect_generation: 0, connection: 'disabled' });
      assert.deepEqual(body.backend, { state: 'up', mode: 'bundled' });
    });
  });

  describe('GET /livez', () => {
    it('answers 200 {"status":"ok"} without credentials, in the documented shape', async () => {
      const res = await request(`${gw().url}/livez`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(responseProblems('getLivez', res.status, res.headers['content-type'] ?? null, res.text), []);
      assert.deepEqual(JSON.parse(res.text), { status: 'ok' });
    });
  });

  describe('GET /metrics', () => {
    /** The live check: the Prometheus text has exactly the catalog's families, and promtool finds nothing. */
    async function exposesTheCatalog(): Promise<void> {
      const res = await request(`${gw().url}/metrics`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.deepEqual(families(res.text), [...metricFamilies].sort());
      const child = run('promtool', ['check', 'metrics']);
      child.child.stdin!.end(res.text);
      const { stdout, stderr } = await child;
      assert.equal(`${stdout}${stderr}`.trim(), '', 'promtool check metrics reported problems');
    }

    it('exposes exactly the catalog families, openly, and promtool check metrics is clean', async () => {
      await request(`${gw().url}/v2/metrics/catalog`, { headers: bearer(gw().token) }); // some traffic
      await exposesTheCatalog();
    });

    it('counts a passthrough query in the scrape that follows it: HTTP and upstream requests and their durations', async () => {
      const sample = (text: string, series: string): number => {
        const line = text.split('\n').find((l) => l.startsWith(`${series} `));
        return line === undefined ? 0 : Number(line.slice(series.length + 1));
      };
      const series = [
        'layer_http_requests_total{route="/v2/metrics/api/v1/query",method="GET",code="200"}',
        'layer_http_request_duration_seconds_count{route="/v2/metrics/api/v1/query",method="GET"}',
        'layer_upstream_requests_total{endpoint="query",code="200"}',
        'layer_upstream_request_duration_seconds_count{endpoint="query"}',
      ];
      const before = (await request(`${gw().url}/metrics`)).text;
      const res = await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('vector(7)')}`, { headers: bearer(gw().token) });
      assert.equal(res.status, 200, res.text);
      const after = (await request(`${gw().url}/metrics`)).text;
      for (const name of series) assert.equal(sample(after, name) - sample(before, name), 1, name);
    });

    it('answers OpenMetrics when Accept asks for it', async () => {
      const res = await request(`${gw().url}/metrics`, { headers: { Accept: 'application/openmetrics-text; version=1.0.0' } });
      assert.match(String(res.headers['content-type']), /^application\/openmetrics-text/);
      assert.match(res.text, /# EOF\n?$/);
      assert.deepEqual(responseProblems('getMetrics', res.status, res.headers['content-type'] ?? null, res.text), []);
    });

    it('still exposes exactly the catalog families after an OpenMetrics scrape', async () => {
      await request(`${gw().url}/metrics`, { headers: { Accept: 'application/openmetrics-text' } });
      await exposesTheCatalog();
    });

    it('is queryable by PromQL through the passthrough: vmsingle scrapes the gateway itself', async () => {
      const series = await pollUntil('the gateway\'s own metrics in vmsingle', async () => {
        const res = await request(`${gw().url}/v2/metrics/api/v1/query?query=${encodeURIComponent('layer_catalog_info')}`, { headers: bearer(gw().token) });
        const body = JSON.parse(res.text);
        return body.data.result.length > 0 ? body.data.result : undefined;
      }, 30_000);
      assert.equal(series[0].metric.version, JSON.parse(catalogDocument.body).version);
      assert.equal(series[0].metric.job, 'layer-gateway');
    });
  });

  describe('GET /v2/metrics/catalog', () => {
    it('serves the pre-serialized catalog with an ETag, and 304 on If-None-Match', async () => {
      const res = await request(`${gw().url}/v2/metrics/catalog`, { headers: bearer(gw().token) });
      assert.equal(res.status, 200);
      assert.equal(res.text, catalogDocument.body);
      assert.equal(res.headers.etag, catalogDocument.etag);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.deepEqual(responseProblems('getCatalog', 200, res.headers['content-type'] ?? null, res.text), []);
      const again = await request(`${gw().url}/v2/metrics/catalog`, { headers: { ...bearer(gw().token), 'If-None-Match': `W/${catalogDocument.etag}` } });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    });

    it('writes the catalog, /health and /livez with their whole length, and HEAD with the same head and no body', async () => {
      const auth = bearer(gw().token);
      for (const path of ['/v2/metrics/catalog', '/v2/metrics/catalog/layer_query_duration_seconds', '/health', '/livez']) {
        const res = await request(`${gw().url}${path}`, { headers: auth });
        assert.equal(res.status, 200, `${path}: ${res.text}`);
        assert.equal(res.headers['transfer-encoding'], undefined, `${path}: got a chunked answer; want its Content-Length`);
        assert.equal(res.headers['content-length'], String(res.body.length), path);
        const head = await request(`${gw().url}${path}`, { method: 'HEAD', headers: auth });
        assert.equal(head.status, 200, path);
        assert.equal(head.body.length, 0, `${path}: got a body for HEAD`);
        for (const name of ['content-type', 'content-length', 'cache-control', 'etag']) assert.equal(head.headers[name], res.headers[name], `${path}: ${name} of HEAD`);
      }
      const notModified = await request(`${gw().url}/v2/metrics/catalog`, { headers: { ...auth, 'If-None-Match': catalogDocument.etag } });
      assert.equal(notModified.status, 304);
      assert.deepEqual(
        [notModified.headers.etag, notModified.headers['cache-control'], notModified.headers['content-type'], notModified.headers['content-length']],
        [catalogDocument.etag, 'no-cache', undefined, undefined],
      );
    });

    it('serves one entry, 404 JSON for an unknown name, 400 for an invalid one', async () => {
      const res = await request(`${gw().url}/v2/metrics/catalog/layer_query_duration_seconds`, { headers: bearer(gw().token) });
      assert.equal(res.status, 200);
      assert.deepEqual(responseProblems('getCatalogEntry', 200, res.headers['content-type'] ?? null, res.text), []);
      assert.equal(JSON.parse(res.text).alert.name, 'QueryP99High');

      const missing = await request(`${gw().url}/v2/metrics/catalog/no_such_metric`, { headers: bearer(gw().token) });
      assert.equal(missing.status, 404);
      assert.deepEqual(responseProblems('getCatalogEntry', 404, missing.headers['content-type'] ?? null, missing.text), []);
      assert.equal(JSON.parse(missing.text).code, 'ERR_NOT_FOUND');

      const invalid = await request(`${gw().url}/v2/metrics/catalog/bad-name`, { headers: bearer(gw().token) });
      assert.equal(invalid.status, 400);
      assert.deepEqual(responseProblems('getCatalogEntry', 400, invalid.headers['content-type'] ?? null, invalid.text), []);
    });
  });

  describe('routing', () => {
    it('answers unknown routes with a 404 JSON error, and under /v2/metrics/api/v1/ in the Prometheus envelope', async () => {
      const res = await request(`${gw().url}/v2/metrics/nope`, { method: 'POST', headers: bearer(gw().token) });
      assert.equal(res.status, 404);
      assert.equal(JSON.parse(res.text).code, 'ERR_NOT_FOUND');
      const prom = await request(`${gw().url}/v2/metrics/api/v1/admin/tsdb/delete_series`, { method: 'POST', headers: bearer(gw().token) });
      assert.equal(prom.status, 404);
      assert.equal(JSON.parse(prom.text).errorType, 'not_found');
    });

    it('gives each response its own X-Request-Id, the one its error body names, and keeps a plain one the client chose', async () => {
      const [first, second] = [await request(`${gw().url}/nope`), await request(`${gw().url}/nope`)];
      const id = String(first.headers['x-request-id']);
      assert.match(id, /^[0-9a-f]{12}-[0-9a-z]+$/);
      assert.notEqual(second.headers['x-request-id'], id);
      assert.equal(JSON.parse(first.text).request_id, id);
      const chosen = await request(`${gw().url}/nope`, { headers: { 'X-Request-Id': 'trace-42' } });
      assert.equal(chosen.headers['x-request-id'], 'trace-42');
      const unsafe = await request(`${gw().url}/nope`, { headers: { 'X-Request-Id': 'a b"c' } });
      assert.match(String(unsafe.headers['x-request-id']), /^[0-9a-f]{12}-/);
    });

    it('sends X-Request-Id and Server on every kind of answer: routes, errors, 304, HEAD, OPTIONS and the passthrough', async () => {
      const auth = bearer(gw().token);
      const query = '/v2/metrics/api/v1/query';
      const cases: Array<[string, string, Record<string, string>, number]> = [
        ['GET', '/health', {}, 200],
        ['GET', '/livez', {}, 200],
        ['GET', '/metrics', {}, 200],
        ['GET', '/v2/metrics/catalog', auth, 200],
        ['HEAD', '/v2/metrics/catalog', auth, 200],
        ['GET', '/v2/metrics/catalog', { ...auth, 'If-None-Match': `W/${catalogDocument.etag}` }, 304],
        ['GET', '/v2/metrics/catalog', {}, 401],
        ['GET', '/nope', {}, 404],
        ['PUT', `${query}?query=up`, auth, 405],
        ['OPTIONS', query, auth, 204],
        ['GET', `${query}?query=1`, auth, 200],
        ['HEAD', `${query}?query=1`, auth, 200],
        ['GET', `${query}?query=${encodeURIComponent('sum(')}`, auth, 422],
      ];
      for (const [method, path, headers, status] of cases) {
        const res = await request(`${gw().url}${path}`, { method, headers: { ...headers, 'X-Request-Id': 'every-answer' } });
        assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
        assert.equal(res.headers['x-request-id'], 'every-answer', `${method} ${path}`);
        assert.equal(res.headers.server, 'layer-metrics-gateway', `${method} ${path}`);
      }
    });

    it('answers other methods with 405, Allow, and the Prometheus envelope on query routes', async () => {
      const res = await request(`${gw().url}/v2/metrics/api/v1/query?query=up`, { method: 'PUT', headers: bearer(gw().token) });
      assert.equal(res.status, 405);
      assert.equal(res.headers.allow, 'GET, HEAD, POST');
      assert.deepEqual(responseProblems('queryInstant', 405, res.headers['content-type'] ?? null, res.text), []);
      assert.equal(JSON.parse(res.text).errorType, 'bad_data');
      const health = await request(`${gw().url}/health`, { method: 'DELETE' });
      assert.equal(health.status, 405);
      assert.equal(JSON.parse(health.text).code, 'ERR_METHOD_NOT_ALLOWED');
    });
  });

  describe('edge auth', () => {
    const cases: [string, Record<string, string>, string, number][] = [
      ['no credentials', {}, '', 401],
      ['a wrong token', { Authorization: 'Bearer wrong-token-0000000000' }, '', 401],
      ['an unknown scheme', { Authorization: 'Digest abc' }, '', 401],
      ['the token in the query string', {}, '&access_token=TOKEN', 401],
    ];
    for (const [name, headers, extra, want] of cases) {
      it(`refuses ${name} with 401 and the Bearer challenge`, async () => {
        const res = await request(`${gw().url}/v2/metrics/api/v1/query?query=up${extra.replace('TOKEN', gw().token)}`, { headers });
        assert.equal(res.status, want, res.text);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="layer"');
        assert.deepEqual(responseProblems('queryInstant', 401, res.headers['content-type'] ?? null, res.text), []);
        assert.ok(!res.text.includes(gw().token), 'the token is echoed');
      });
    }

    it('accepts the token as HTTP Basic user name with an empty password', async () => {
      const basic = Buffer.from(`${gw().token}:`).toString('base64');
      const res = await request(`${gw().url}/v2/metrics/api/v1/query?query=1`, { headers: { Authorization: `Basic ${basic}` } });
      assert.equal(res.status, 200, res.text);
    });

    it('lets promtool query instant through the gateway (token as URL user)', async () => {
      const url = gw().url.replace('http://', `http://${gw().token}@`);
      const { stdout } = await run('promtool', ['query', 'instant', `${url}/v2/metrics`, 'vector(42)']);
      assert.match(stdout, /=> 42 @/);
    });
  });
});
