/**
 * GET /api/v1/metadata merged with a backend that answers metadata, as Prometheus does. The bundled
 * VictoriaMetrics 1.79 answers none (test/server/prometheus-api.test.ts covers it), so a fake
 * backend stands in for a Prometheus-like one here, and for one that fails.
 */
import assert from 'node:assert/strict';
import { servedCatalog } from '../../src/generated/catalog.ts';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';

const catalogEntry = (name: string) => {
  const entry = servedCatalog.entries.find((e) => e.name === name)!;
  return [{ type: entry.kind, help: entry.description, unit: entry.unit ?? '' }];
};

describe('GET /api/v1/metadata over a backend that answers metadata', function () {
  this.timeout(60_000);
  let backend: FakeUpstream;
  let gw: TestGateway;
  let answer: (url: string) => { status: number; body: string };

  before(async () => {
    backend = await startFakeUpstream();
    backend.handle = (req, res) => {
      const { status, body } = answer(req.url ?? '');
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    gw = await startTestGateway({ env: { LAYER_VM_URL: backend.url } });
  });
  after(async () => {
    await gw?.close();
    await backend?.close();
  });

  async function metadata(query = ''): Promise<{ status: string; data: Record<string, unknown[]>; warnings?: string[] }> {
    const res = await request(`${gw.url}/v2/metrics/api/v1/metadata${query}`, { headers: bearer(gw.token) });
    assert.equal(res.status, 200, res.text);
    return JSON.parse(res.text);
  }

  const BACKEND = {
    foreign_requests_total: [
      { type: 'counter', help: 'Requests of another service.', unit: '' },
      { type: 'counter', help: 'The same, from a second target.', unit: '' },
    ],
    layer_backend_up: [{ type: 'counter', help: 'the backend says otherwise', unit: 'x' }],
  };

  it('adds the backend\'s names; for the catalog\'s own names the catalog wins', async () => {
    answer = () => ({ status: 200, body: JSON.stringify({ status: 'success', data: BACKEND }) });
    const body = await metadata();
    assert.equal(body.warnings, undefined);
    assert.deepEqual(body.data.foreign_requests_total, BACKEND.foreign_requests_total);
    assert.deepEqual(body.data.layer_backend_up, catalogEntry('layer_backend_up'));
    assert.equal(Object.keys(body.data).length, servedCatalog.entries.length + 1);
    assert.equal(backend.received.at(-1)?.url, '/api/v1/metadata');
  });

  it('asks the backend for one metric by name, and not at all for a catalog name', async () => {
    answer = () => ({ status: 200, body: JSON.stringify({ status: 'success', data: { foreign_requests_total: BACKEND.foreign_requests_total } }) });
    const one = await metadata('?metric=foreign_requests_total&limit_per_metric=1');
    assert.deepEqual(one.data, { foreign_requests_total: [BACKEND.foreign_requests_total[0]] });
    assert.equal(backend.received.at(-1)?.url, '/api/v1/metadata?metric=foreign_requests_total');
    const before = backend.received.length;
    assert.deepEqual((await metadata('?metric=layer_backend_up')).data, { layer_backend_up: catalogEntry('layer_backend_up') });
    assert.equal(backend.received.length, before, 'the backend was asked for a catalog name');
  });

  for (const [name, reply] of [
    ['an error status', { status: 500, body: '{"status":"error","errorType":"internal","error":"boom at 10.0.0.7:8428"}' }],
    ['a body that is not JSON', { status: 200, body: '<html>proxy</html>' }],
    ['a success of another shape', { status: 200, body: '{"status":"success","data":{"resultType":"vector","result":[]}}' }],
  ] as const) {
    it(`answers the catalog's entries with a warning when the backend answers ${name}, never its text`, async () => {
      answer = () => reply;
      const body = await metadata();
      assert.deepEqual(Object.keys(body.data).sort(), servedCatalog.entries.map((e) => e.name).sort());
      assert.equal(body.warnings?.length, 1);
      assert.match(body.warnings![0]!, /metrics backend did not answer/);
      assert.doesNotMatch(JSON.stringify(body), /10\.0\.0\.7|boom|127\.0\.0\.1/);
    });
  }
});

describe('GET /api/v1/metadata with the backend down', function () {
  this.timeout(60_000);
  it('still answers the catalog\'s entries, with a warning naming no address', async () => {
    const gone = await startFakeUpstream();
    const url = gone.url;
    await gone.close();
    const gw = await startTestGateway({ env: { LAYER_VM_URL: url } });
    try {
      const res = await request(`${gw.url}/v2/metrics/api/v1/metadata`, { headers: bearer(gw.token) });
      assert.equal(res.status, 200, res.text);
      const body = JSON.parse(res.text);
      assert.equal(Object.keys(body.data).length, servedCatalog.entries.length);
      assert.equal(body.warnings.length, 1);
      assert.ok(!res.text.includes(new URL(url).port), 'the backend port leaked');
    } finally {
      await gw.close();
    }
  });
});
