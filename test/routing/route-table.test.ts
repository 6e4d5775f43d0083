import assert from 'node:assert/strict';
import { operations, type OperationSpec } from '../../src/generated/routes.ts';
import { createRouteTable, type RouteLookup } from '../../src/routing/route-table.ts';

// The real operation table, so the tests follow openapi.yaml.
const table = createRouteTable((Object.values(operations) as OperationSpec[]).map((op) => ({ method: op.method, path: op.path, route: op.operationId })));

function found(lookup: RouteLookup<string>): { id: string; params: Record<string, string> } {
  assert.equal(lookup.kind, 'found', `expected a match, got ${lookup.kind}`);
  return { id: (lookup as { route: string }).route, params: { ...(lookup as { params: Record<string, string> }).params } };
}

describe('createRouteTable over the generated operation table', () => {
  it('finds every operation by its method and OpenAPI path', () => {
    for (const op of Object.values(operations) as OperationSpec[]) {
      const path = op.path.replace('{name}', 'layer_http_requests_total');
      assert.equal(found(table.find(op.method, path)).id, op.operationId, `${op.method} ${path}`);
    }
  });

  it('answers HEAD with the GET operation', () => {
    assert.equal(found(table.find('HEAD', '/v2/metrics/catalog')).id, 'getCatalog');
    assert.equal(found(table.find('HEAD', '/v2/metrics/catalog/up')).id, 'getCatalogEntry');
  });

  it('percent-decodes a path parameter, and keeps one that does not decode as written', () => {
    assert.deepEqual(found(table.find('GET', '/v2/metrics/catalog/layer%5Fx')).params, { name: 'layer_x' });
    assert.deepEqual(found(table.find('GET', '/v2/metrics/catalog/%E0%A4%A')).params, { name: '%E0%A4%A' });
    assert.deepEqual(found(table.find('GET', '/v2/metrics/catalog/a%2Fb')).params, { name: 'a/b' });
  });

  it('keeps what @koa/router accepted: case-insensitive literals, one trailing slash', () => {
    assert.equal(found(table.find('GET', '/V2/METRICS/API/V1/QUERY')).id, 'queryInstant');
    assert.equal(found(table.find('GET', '/health/')).id, 'getHealth');
    assert.equal(found(table.find('GET', '/v2/metrics/catalog/')).id, 'getCatalog');
    assert.equal(found(table.find('POST', '/v2/metrics/query_range/')).id, 'queryRangeAliasPost');
    // A parameter keeps its case: metric names are case-sensitive.
    assert.deepEqual(found(table.find('GET', '/V2/metrics/catalog/Layer_X')).params, { name: 'Layer_X' });
  });

  it('lists the routes of a known path asked with another method', () => {
    const lookup = table.find('DELETE', '/v2/metrics/api/v1/query');
    assert.equal(lookup.kind, 'method');
    assert.deepEqual((lookup as { routes: readonly { route: string }[] }).routes.map((r) => r.route).sort(), ['queryInstant', 'queryInstantPost']);
    assert.equal(table.find('POST', '/v2/metrics/catalog/x').kind, 'method');
  });

  it('matches nothing else: other paths, extra or empty segments, encoded slashes in literals', () => {
    for (const path of [
      '/',
      '',
      '*',
      '/v2/metrics',
      '/v2/metrics/catalog//',
      '/v2/metrics/catalog/a/b',
      '/v2/metrics/api/v1/query//',
      '//v2/metrics/api/v1/query',
      '/v2/metrics/api%2Fv1%2Fquery',
      '/v2/metrics/api/v1/query/..',
      '/v2/metrics/api/v1/series',
    ]) {
      assert.equal(table.find('GET', path).kind, 'none', `GET ${JSON.stringify(path)}`);
    }
  });
});
