import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Middleware } from 'koa';
import { Registry } from 'prom-client';
import { createApp } from '../../src/app.ts';
import { UnauthorizedError } from '../../src/errors.ts';
import { registerMetrics } from '../../src/metrics/register.ts';
import { operations, type Handlers, type OperationId, type RoutedContext } from '../../src/generated/routes.ts';
import { createMetricBatch } from '../../src/metrics/batch.ts';
import { request } from '../helpers/http.ts';

// Every operation answers with its operationId and path parameters, so the tests see what the
// router chose; the steps before the handler are the app's real ones.
const echo =
  (id: string): Middleware =>
  (ctx) => {
    ctx.body = { id, params: { ...(ctx as RoutedContext).params } };
  };
const handlers = Object.fromEntries(Object.keys(operations).map((id) => [id, echo(id)])) as unknown as Handlers;
const silent = { error() {}, info() {}, warn() {}, debug() {}, isLevelEnabled: () => false } as never;

describe('the router binding (createApp over registerOperations and the generated operation table)', () => {
  let server: http.Server;
  let base: string;
  const validated: string[] = [];
  before(async () => {
    const app = createApp({
      logger: silent,
      metrics: registerMetrics(new Registry()),
      batch: createMetricBatch(),
      handlers,
      authenticate: (ctx) => {
        if (ctx.get('Authorization') !== 'Bearer ok') throw new UnauthorizedError('missing');
      },
      metricsAuth: 'none',
      validate: (id) => {
        validated.push(id);
        return null;
      },
    });
    server = http.createServer(app.callback());
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (method: string, path: string) => {
    const res = await request(base, { method, path, headers: { Authorization: 'Bearer ok' } });
    return { status: res.status, headers: res.headers, body: res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {} };
  };

  it('registers every operation of openapi.yaml by its method and path', async () => {
    for (const op of Object.values(operations)) {
      const path = op.path.replace('{name}', 'layer_http_requests_total');
      const got = await call(op.method, path);
      assert.equal(got.body.id, op.operationId, `${op.method} ${path}: got ${JSON.stringify(got.body)}; want ${op.operationId}`);
    }
  });

  it('runs auth before the handler on bearer operations, and validation only where the contract says the router validates', async () => {
    const res = await request(base, { path: '/v2/metrics/catalog' });
    assert.equal(res.status, 401);
    assert.equal((await request(base, { path: '/health' })).status, 200);
    validated.length = 0;
    await call('GET', '/v2/metrics/catalog');
    await call('GET', '/v2/metrics/api/v1/query');
    assert.deepEqual(validated, ['getCatalog' satisfies OperationId]);
  });

  it('answers HEAD with the GET operation', async () => {
    assert.equal((await call('HEAD', '/v2/metrics/catalog')).status, 200);
    assert.equal((await call('HEAD', '/v2/metrics/catalog/up')).status, 200);
  });

  it('percent-decodes a path parameter, and keeps one that does not decode as written', async () => {
    assert.deepEqual((await call('GET', '/v2/metrics/catalog/layer%5Fx')).body.params, { name: 'layer_x' });
    assert.deepEqual((await call('GET', '/v2/metrics/catalog/%E0%A4%A')).body.params, { name: '%E0%A4%A' });
    assert.deepEqual((await call('GET', '/v2/metrics/catalog/a%2Fb')).body.params, { name: 'a/b' });
  });

  it('matches literal segments in any case and ignores one trailing slash; a parameter keeps its case', async () => {
    assert.equal((await call('GET', '/V2/METRICS/API/V1/QUERY')).body.id, 'queryInstant');
    assert.equal((await call('GET', '/health/')).body.id, 'getHealth');
    assert.equal((await call('GET', '/v2/metrics/catalog/')).body.id, 'getCatalog');
    assert.equal((await call('POST', '/v2/metrics/query_range/')).body.id, 'queryRangeAliasPost');
    assert.deepEqual((await call('GET', '/V2/metrics/catalog/Layer_X')).body.params, { name: 'Layer_X' });
  });

  it('answers a known path asked with another method: 405 with Allow, in the Prometheus envelope on query paths', async () => {
    const query = await call('DELETE', '/v2/metrics/api/v1/query');
    assert.equal(query.status, 405);
    assert.equal(query.headers.allow, 'GET, HEAD, POST');
    assert.equal(query.body.status, 'error');
    const entry = await call('POST', '/v2/metrics/catalog/x');
    assert.equal(entry.status, 405);
    assert.equal(entry.headers.allow, 'GET, HEAD');
    assert.equal(typeof entry.body.code, 'string');
  });

  it('answers OPTIONS on a known path with 204 and Allow', async () => {
    const res = await call('OPTIONS', '/v2/metrics/query');
    assert.equal(res.status, 204);
    assert.equal(res.headers.allow, 'GET, HEAD, POST, OPTIONS');
  });

  it('matches nothing else: other paths, extra or empty segments, encoded slashes in literals', async () => {
    for (const path of [
      '/',
      '/v2/metrics',
      '/v2/metrics/catalog//',
      '/v2/metrics/catalog/a/b',
      '/v2/metrics/api/v1/query//',
      '//v2/metrics/api/v1/query',
      '/v2/metrics/api%2Fv1%2Fquery',
      '/v2/metrics/api/v1/query/..',
      '/v2/metrics/api/v1/series/x',
      '/v2/metrics/api/v1/label/job',
      '/v2/metrics/api/v1/label/job/values/x',
      '/v2/metrics/api/v1/rules/x',
      '/v2/metrics/api/v1/alerts/x',
    ]) {
      const res = await call('GET', path);
      assert.equal(res.status, 404, `GET ${JSON.stringify(path)}: got ${res.status}; want 404`);
    }
  });

  it('answers a path the same way every time, each method on its own, once its answer is kept', async () => {
    const answers: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of [['GET', '/v2/metrics/catalog'], ['POST', '/v2/metrics/catalog'], ['OPTIONS', '/v2/metrics/catalog'], ['POST', '/v2/metrics/api/v1/query'], ['GET', '/v2/metrics/api/v1/query']] as const) {
        const res = await call(method, path);
        answers.push(`${round} ${method} ${path}: ${res.status} ${String(res.headers.allow ?? '')} ${String(res.body.id ?? '')}`);
      }
    }
    const [first, ...later] = [0, 1, 2].map((round) => answers.filter((a) => a.startsWith(`${round} `)).map((a) => a.slice(2)));
    for (const again of later) assert.deepEqual(again, first);
    assert.deepEqual(first, [
      'GET /v2/metrics/catalog: 200  getCatalog',
      'POST /v2/metrics/catalog: 405 GET, HEAD ',
      'OPTIONS /v2/metrics/catalog: 204 GET, HEAD, OPTIONS ',
      'POST /v2/metrics/api/v1/query: 200  queryInstantPost',
      'GET /v2/metrics/api/v1/query: 200  queryInstant',
    ]);
  });
});
