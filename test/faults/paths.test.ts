/**
 * Path tricks: whatever path, encoding, request-target form or method a client uses, the only
 * backend paths the gateway ever requests are `<prefix>/api/v1/` followed by query, query_range,
 * labels, label/<a label name>/values, series, query_exemplars or metadata, and only on the
 * configured backend. A recording backend (external mode, with a vmselect-style prefix) and a
 * decoy that must never be contacted prove it.
 */
import assert from 'node:assert/strict';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { rawExchange } from '../helpers/raw-http.ts';

const PREFIX = '/select/0/prometheus';
const ALLOWED = new RegExp(`^${PREFIX}/api/v1/(query|query_range|labels|label/[a-zA-Z_][a-zA-Z0-9_]*/values|series|query_exemplars|metadata)(\\?|$)`);

// VictoriaMetrics paths that must never be reachable (FIELD-NOTES), and the read APIs the gateway does not offer.
const ADMIN_PATHS = [
  'api/v1/admin/tsdb/delete_series?match[]=up',
  'api/v1/admin/tsdb/delete_series?match%5B%5D=up',
  'snapshot/create',
  'snapshot/list',
  'snapshot/delete_all',
  'api/v1/import',
  'api/v1/import/prometheus',
  'api/v1/import/native',
  'api/v1/export?match[]=up',
  'internal/force_flush',
  'internal/force_merge',
  'internal/resetRollupResultCache',
  '-/reload',
  'flags',
  'metrics',
  'api/v1/status/tsdb',
  'api/v1/status/config',
  'api/v1/status/flags',
  'api/v1/targets',
  'api/v1/query_exemplars/../admin/tsdb/delete_series',
  'vmui',
  'vmui/',
  'graph',
  'api/v1/status/active_queries',
  'prometheus/api/v1/admin/tsdb/delete_series?match[]=up',
  'select/0/prometheus/api/v1/admin/tsdb/delete_series?match[]=up',
];
const PREFIXES = [
  '/',
  '/v2/',
  '/v2/metrics/',
  '/v2/metrics/api/',
  '/v2/metrics/api/v1/',
  '/v2/metrics/catalog/',
  '/v2/metrics/query/',
  '/v2/metrics/api/v1/query/',
  '/v2/metrics/api/v1/query_range/',
  '/v2/metrics/api/v1/labels/',
  '/v2/metrics/api/v1/label/',
  '/v2/metrics/api/v1/label/job/',
  '/v2/metrics/api/v1/label/job/values/',
  '/v2/metrics/api/v1/series/',
  '/v2/metrics/api/v1/metadata/',
  '/v2/metrics/api/v1/status/',
  '/v2/metrics/api/v1/status/buildinfo/',
];
// The lookups the gateway serves only under /v2/metrics/api/v1/, never at the backend's own spelling.
const LOOKUP_PATHS = ['api/v1/series?match[]=up', 'api/v1/labels', 'api/v1/label/__name__/values', 'api/v1/metadata', 'api/v1/query_exemplars?query=up', 'api/v1/status/buildinfo'];

// Traversal, doubled slashes, encoded slashes and dots, and other spellings.
const TRICKS = [
  '/v2/metrics/api/v1/query/../../../../api/v1/admin/tsdb/delete_series?match[]=up',
  '/v2/metrics/api/v1/../../../api/v1/import',
  '/v2/metrics/../../snapshot/create',
  '/v2/metrics/%2e%2e/%2e%2e/api/v1/admin/tsdb/delete_series?match[]=up',
  '/v2/metrics/%2E%2E/%2E%2E/internal/force_flush',
  '/v2/metrics/api/v1/query%2F..%2F..%2Fadmin%2Ftsdb%2Fdelete_series?match[]=up',
  '/v2/metrics/api/v1/query%2f..%2f..%2fimport',
  '/v2/metrics/api%2Fv1%2Fquery?query=up',
  '/v2/metrics/api%2fv1%2fquery_range?query=up&start=1&step=1',
  '/v2%2Fmetrics%2Fapi%2Fv1%2Fquery?query=up',
  '//v2/metrics/api/v1/query?query=up',
  '/v2//metrics/api/v1/query?query=up',
  '/v2/metrics//api/v1/query?query=up',
  '/v2/metrics/api/v1//query?query=up',
  '///api/v1/admin/tsdb/delete_series?match[]=up',
  '//127.0.0.1:9/api/v1/admin/tsdb/delete_series',
  '/v2/metrics/api/v1/query;/../admin/tsdb/delete_series?query=up',
  '/v2/metrics/api/v1/query%00/../../import?query=up',
  '/v2/metrics/api/v1/query\\..\\..\\import?query=up',
  '/v2/metrics/api/v1/query/%2e%2e/query_range?query=up&start=1&step=1',
  '/v2/metrics/api/v1/query/?query=up',
  '/V2/METRICS/API/V1/QUERY?query=up',
  '/v2/metrics/api/v1/query?query=up#/../../admin',
  '/v2/metrics/api/v1/query/..;/..;/import?query=up',
  '*',
  // The label name is the one path segment that reaches the backend: traversal, encoded slashes,
  // query and fragment characters, NUL, spaces and dots in it are refused before anything is sent.
  '/v2/metrics/api/v1/label/..%2F..%2Fadmin%2Ftsdb%2Fdelete_series/values?match[]=up',
  '/v2/metrics/api/v1/label/..%2f..%2fimport/values',
  '/v2/metrics/api/v1/label/%2e%2e/values',
  '/v2/metrics/api/v1/label/%2E%2E%2F%2E%2E%2Fsnapshot%2Fcreate/values',
  '/v2/metrics/api/v1/label/job%2F..%2F..%2F..%2Fimport/values',
  '/v2/metrics/api/v1/label/job%3Fx%3D1/values',
  '/v2/metrics/api/v1/label/job%23frag/values',
  '/v2/metrics/api/v1/label/job%00/values',
  '/v2/metrics/api/v1/label/job%20/values',
  '/v2/metrics/api/v1/label/job%0D%0AX-Evil:%201/values',
  '/v2/metrics/api/v1/label/job.name/values',
  '/v2/metrics/api/v1/label/j%C3%B6b/values',
  '/v2/metrics/api/v1/label/__name__%2Fvalues%3Fmatch%5B%5D%3Dup%23/values',
  '/v2/metrics/api/v1/label/%6Aob/values',
  '/v2/metrics/api/v1/label/job/values/../../../admin/tsdb/delete_series?match[]=up',
  '/v2/metrics/api/v1/label/job/values%2F..%2F..%2Fimport',
  '/v2/metrics/api/v1/label//values',
  '/v2/metrics/api/v1/label/job//values',
  '/V2/METRICS/API/V1/LABEL/JOB/VALUES',
  '/v2/metrics/api/v1/labels/../admin/tsdb/delete_series?match[]=up',
  '/v2/metrics/api/v1/labels%2F..%2Fimport',
  '/v2/metrics/api/v1/series/../../../api/v1/import?match[]=up',
  '/v2/metrics/api/v1/series%2F..%2Fexport?match[]=up',
  '/v2/metrics/api/v1/series?match[]=up&extra_filters[]=%7Bx%3D%22y%22%7D',
  '/v2/metrics/api/v1/labels?extra_label=tenant%3D1',
  '/v2/metrics/api/v1/query_exemplars%2F..%2F..%2Fimport?query=up',
  '/v2/metrics/api/v1/metadata/../admin/tsdb/delete_series',
  '/v2/metrics/api/v1/metadata%2F..%2Fexport',
  '/v2/metrics/api/v1/status/buildinfo/../../admin/tsdb/delete_series',
  '/v2/metrics/api/v1/status%2Fbuildinfo',
];

describe('faults: path tricks reach nothing but the passthrough\'s fixed backend paths', function () {
  this.timeout(60_000);
  let backend: FakeUpstream;
  let decoy: FakeUpstream;
  let gw: TestGateway;
  let port: number;
  let decoyHost: string;
  const statuses = new Map<string, number>();

  before(async () => {
    backend = await startFakeUpstream();
    decoy = await startFakeUpstream();
    decoyHost = new URL(decoy.url).host;
    gw = await startTestGateway({ env: { LAYER_VM_URL: `${backend.url}${PREFIX}` } });
    port = Number(new URL(gw.url).port);
  });
  after(async () => {
    const byStatus = new Map<number, number>();
    for (const status of statuses.values()) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (process.env.FAULTS_VERBOSE) for (const [k, v] of statuses) console.log(`        ${v} ${JSON.stringify(k)}`);
    if (process.env.FAULTS_VERBOSE) console.log(backend?.received.map((r) => `${r.method} ${r.url}`));
    console.log(`      ${statuses.size} tricky requests; statuses ${[...byStatus].map(([s, n]) => `${s} x${n}`).join(', ')}; the backend saw ${backend?.received.length}`);
    await gw?.close();
    await backend?.close();
    await decoy?.close();
  });

  /** The invariant every test ends on: the backend saw only the passthrough's paths, the decoy nothing. */
  function assertOnlyPassthroughPaths(): void {
    const others = backend.received.map((r) => `${r.method} ${r.url}`).filter((line) => !ALLOWED.test(line.slice(line.indexOf(' ') + 1)));
    assert.deepEqual(others, [], `the backend saw paths other than the passthrough's under ${PREFIX}/api/v1/`);
    assert.deepEqual(decoy.received.map((r) => r.url), [], 'the decoy was contacted');
  }

  /** Sends a raw request (no client normalizes the target) and checks the answer is not a 5xx or a success from elsewhere. */
  async function send(method: string, target: string, extraHeaders = '', body = ''): Promise<number> {
    const form = method === 'POST' ? `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` : '';
    const ex = await rawExchange(
      port,
      `${method} ${target} HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nConnection: close\r\n${form}${extraHeaders}\r\n${method === 'POST' ? body : ''}`,
    );
    statuses.set(`${method} ${target} ${extraHeaders}`, ex.status);
    assert.ok(ex.status >= 200 && ex.status < 500, `${method} ${target}: got ${ex.status} ${ex.raw.slice(0, 300)}`);
    assert.ok(!ex.raw.includes(new URL(backend.url).port), `${method} ${target}: the backend port leaked`);
    return ex.status;
  }

  for (const prefix of PREFIXES) {
    it(`refuses every VictoriaMetrics admin and import path under ${prefix}`, async () => {
      for (const admin of ADMIN_PATHS) {
        for (const method of ['GET', 'POST']) {
          const status = await send(method, `${prefix}${admin}`, '', 'match[]=up');
          const own = `${prefix}${admin}` === '/metrics' && method === 'GET'; // the gateway's own metrics
          if (!own) assert.ok([400, 401, 404, 405].includes(status), `${method} ${prefix}${admin}: got ${status}; want a refusal`);
        }
      }
      assertOnlyPassthroughPaths();
    });
  }

  it('serves the lookups only under /v2/metrics/api/v1/, each on its one backend path', async () => {
    for (const lookup of LOOKUP_PATHS) {
      for (const prefix of PREFIXES.filter((p) => p !== '/v2/metrics/')) {
        const status = await send('GET', `${prefix}${lookup}`);
        assert.ok([400, 401, 404, 405].includes(status), `GET ${prefix}${lookup}: got ${status}; want a refusal`);
      }
    }
    const cases: [string, string, string | undefined][] = [
      ['GET', '/v2/metrics/api/v1/labels?match[]=up', `${PREFIX}/api/v1/labels?match[]=up`],
      ['POST', '/v2/metrics/api/v1/labels', `${PREFIX}/api/v1/labels`],
      ['GET', '/v2/metrics/api/v1/label/__name__/values', `${PREFIX}/api/v1/label/__name__/values`],
      ['GET', '/V2/Metrics/API/v1/LABEL/JOB/VALUES/', `${PREFIX}/api/v1/label/JOB/values`],
      ['GET', '/v2/metrics/api/v1/label/%6Aob/values', `${PREFIX}/api/v1/label/job/values`],
      ['GET', '/v2/metrics/api/v1/series?match%5B%5D=up', `${PREFIX}/api/v1/series?match%5B%5D=up`],
      ['POST', '/v2/metrics/api/v1/series', `${PREFIX}/api/v1/series`],
      ['GET', '/v2/metrics/api/v1/query_exemplars?query=up', `${PREFIX}/api/v1/query_exemplars?query=up`],
      ['GET', '/v2/metrics/api/v1/metadata', `${PREFIX}/api/v1/metadata`],
      // Answered by the gateway alone.
      ['GET', '/v2/metrics/api/v1/status/buildinfo', undefined],
      ['GET', '/v2/metrics/api/v1/metadata?metric=layer_backend_up', undefined],
    ];
    for (const [method, target, want] of cases) {
      const before = backend.received.length;
      assert.equal(await send(method, target, '', 'match[]=up'), 200, `${method} ${target}`);
      const seen = backend.received.slice(before).map((r) => r.url);
      assert.deepEqual(seen, want === undefined ? [] : [want], `${method} ${target}: the backend saw ${JSON.stringify(seen)}`);
    }
    assertOnlyPassthroughPaths();
  });

  it('serves the gateway\'s own /metrics, never the backend\'s', async () => {
    const ex = await rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n');
    assert.equal(ex.status, 200);
    assert.match(ex.body, /layer_catalog_info/);
    assert.doesNotMatch(ex.body, /^vm_/m);
    assertOnlyPassthroughPaths();
  });

  it('keeps traversal, doubled and encoded slashes, and odd spellings on the passthrough\'s paths or refuses them', async () => {
    for (const target of TRICKS) for (const method of ['GET', 'POST']) await send(method, target, '', 'query=up');
    assertOnlyPassthroughPaths();
  });

  it('never follows an absolute-form request target to its host', async () => {
    for (const target of [
      `http://${decoyHost}/api/v1/admin/tsdb/delete_series?match[]=up`,
      `http://${decoyHost}/v2/metrics/api/v1/query?query=up`,
      `http://${decoyHost}${PREFIX}/api/v1/query?query=up`,
      'http://127.0.0.2:9/',
      'http://127.0.0.2:9/v2/metrics/api/v1/query?query=up',
      `https://${decoyHost}/api/v1/import`,
    ]) {
      await send('GET', target);
      await send('POST', target, '', 'query=up');
    }
    assertOnlyPassthroughPaths();
  });

  it('never lets Host or X-Forwarded-Host choose the backend', async () => {
    for (const header of [`X-Forwarded-Host: ${decoyHost}\r\n`, `X-Forwarded-For: 127.0.0.1\r\nForwarded: host=${decoyHost}\r\n`, `X-Original-URL: /api/v1/admin/tsdb/delete_series\r\nX-Rewrite-URL: /api/v1/import\r\n`]) {
      assert.equal(await send('GET', '/v2/metrics/api/v1/query?query=up', header), 200);
    }
    const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=up HTTP/1.1\r\nHost: ${decoyHost}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nConnection: close\r\n\r\n`);
    assert.equal(ex.status, 200);
    assertOnlyPassthroughPaths();
  });

  it('refuses CONNECT with 405 in JSON and tunnels nothing', async () => {
    for (const target of [decoyHost, '127.0.0.2:9', `${new URL(backend.url).host}`]) {
      const ex = await rawExchange(port, `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\nGET /api/v1/admin/tsdb/delete_series HTTP/1.1\r\n\r\n`);
      assert.equal(ex.status, 405, ex.raw.slice(0, 200));
      assert.ok(ex.closedByServer);
      const body = JSON.parse(ex.body);
      assert.equal(body.code, 'ERR_METHOD_NOT_ALLOWED');
    }
    assertOnlyPassthroughPaths();
  });

  it('refuses other methods on the passthrough paths with 405 and never forwards them', async () => {
    for (const path of ['query?query=up', 'labels', 'label/job/values', 'series?match[]=up', 'query_exemplars?query=up', 'metadata', 'status/buildinfo']) {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND']) {
        assert.equal(await send(method, `/v2/metrics/api/v1/${path}`), 405, `${method} ${path}`);
      }
    }
    assertOnlyPassthroughPaths();
  });
});
