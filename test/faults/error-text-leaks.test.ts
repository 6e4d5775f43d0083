/**
 * Error texts the backend writes itself must not name it either: not its address, not its host
 * name (which it announces in X-Server-Hostname), not the configured path prefix (a vmselect
 * tenant). VictoriaMetrics' plain-text errors carry `requestURI: <prefix>/api/v1/...`, and a
 * vmselect's JSON errors name the vmstorage nodes it failed to reach.
 *
 * And the other way round: what the client itself sent, which the backend echoes in its errors,
 * comes back as sent, so that no query can find out by trial which port or host name the backend has.
 */
import assert from 'node:assert/strict';
import { assertAnonymous, BACKEND_HEADERS, BACKEND_HOSTNAME } from '../helpers/backend-identity.ts';
import type { FakeUpstream } from '../helpers/fake-upstream.ts';
import { startGatewayOnFake, startTestGateway, TEST_TOKEN, type GatewayOnFake, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { startVmsingleProcess, type VmsingleProcess } from '../helpers/vmsingle-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

describe('faults: backend error texts do not name the backend', function () {
  this.timeout(30_000);
  let fake: FakeUpstream;
  let gw: TestGateway;
  let stand: GatewayOnFake | undefined;
  let backendUrl: string;

  before(async () => {
    stand = await startGatewayOnFake({ path: '/select/0/prometheus' });
    ({ fake, gw } = stand);
    backendUrl = `${fake.url}/select/0/prometheus`;
  });
  after(() => stand?.close());

  it('names neither the backend\'s address nor its host name in a plain-text error', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(503, { ...BACKEND_HEADERS, 'Content-Type': 'text/plain' });
      res.end(`error at ${backendUrl}/api/v1/query on ${BACKEND_HOSTNAME}: cannot handle more than 1 concurrent search requests`);
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(res.status, 503);
    assertAnonymous(res, backendUrl, 'plain-text error');
  });

  it('reduces vmsingle\'s plain-text 503 at its concurrency limit to what the caller can do, keeping the status', async () => {
    // The text victoria-metrics 1.79.5 answers, byte for byte (with -search.maxConcurrentRequests=1
    // and -search.maxQueueDuration=1s), behind this fake's path prefix.
    const text =
      `remoteAddr: "127.0.0.1:52744"; requestURI: ${new URL(backendUrl).pathname}/api/v1/query?query=up; cannot handle more than 1 concurrent search requests during 1s; ` +
      'possible solutions: increase `-search.maxQueueDuration`; increase `-search.maxQueryDuration`; increase `-search.maxConcurrentRequests`; increase server capacity\n';
    fake.handle = (_req, res) => {
      res.writeHead(503, { ...BACKEND_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(text);
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(res.status, 503);
    assert.match(res.headers['content-type'] ?? '', /^application\/json/);
    const body = JSON.parse(res.text) as { status: string; errorType: string; error: string };
    assert.deepEqual(body, { status: 'error', errorType: '503', error: 'the metrics backend is at its limit of concurrent queries; retry shortly' });
    for (const leak of ['remoteAddr', 'requestURI', '127.0.0.1', '/api/v1/query', '-search.', 'maxConcurrentRequests']) {
      assert.ok(!res.text.includes(leak), `"${leak}" reached the client: ${res.text}`);
    }
    assertAnonymous(res, backendUrl, 'concurrency-limit error');
  });

  it('names neither the backend\'s address nor its host name in a JSON error', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(422, { ...BACKEND_HEADERS, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'error', errorType: '422', error: `error when executing query at ${new URL(backendUrl).host} (${BACKEND_HOSTNAME}): cannot parse "up(" at /select/0/prometheus` }));
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(res.status, 422);
    assert.equal(JSON.parse(res.text).status, 'error');
    assertAnonymous(res, backendUrl, 'JSON error');
  });
});

describe('faults: a vmselect\'s errors name no storage node, no IP and no host:port', function () {
  this.timeout(30_000);
  let stand: GatewayOnFake | undefined;
  before(async () => {
    stand = await startGatewayOnFake({ path: '/select/0/prometheus' });
  });
  after(() => stand?.close());

  /** The gateway's answer to `query` when the backend answers 422 with `error`. */
  async function answerTo(query: string, error: string) {
    const body = JSON.stringify({ status: 'error', errorType: '422', error });
    stand!.fake.handle = (_req, res) => {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    const res = await request(`${stand!.gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent(query)}&time=1700000000`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    return { res, sent: body, error: (JSON.parse(res.text) as { error: string }).error };
  }

  // The shapes vmselect (v1.93, with vmstorage nodes down or unknown) and Go's net package write.
  const cases: [string, { query: string; error: string; want: string }][] = [
    [
      'a storage node by name and by IPv4',
      {
        query: 'up',
        error: 'error when executing query="up" on the time range (start=1700000000000, end=1700000000000, step=300000): cannot fetch query results from vmstorage nodes: cannot perform search on vmstorage localhost:18411: cannot obtain connection from a pool: cannot dial localhost:18411: dial tcp4 127.0.0.1:18411: connect: connection refused',
        want: 'error when executing query="up" on the time range (start=1700000000000, end=1700000000000, step=300000): cannot fetch query results from vmstorage nodes: cannot perform search on vmstorage [backend]: cannot obtain connection from a pool: cannot dial [backend]: dial tcp4 [backend]: connect: connection refused',
      },
    ],
    [
      'IPv6 nodes and both ends of a reset connection',
      {
        query: 'sum(up)',
        error: 'error when executing query="sum(up)": cannot perform search on vmstorage [fd00::7]:8401: read tcp [fd00::2]:51234->[fd00::7]:8401: read: connection reset by peer; also fd00::8 and 10.0.0.9',
        want: 'error when executing query="sum(up)": cannot perform search on vmstorage [backend]: read tcp [backend]->[backend]: read: connection reset by peer; also [backend] and [backend]',
      },
    ],
    [
      'a DNS name that did not resolve, and the resolver',
      {
        query: 'up',
        error: 'cannot perform search on vmstorage vmstorage-1.vmstorage.monitoring.svc:8401: dial tcp: lookup vmstorage-1.vmstorage.monitoring.svc on 10.96.0.10:53: no such host',
        want: 'cannot perform search on vmstorage [backend]: dial tcp: lookup [backend] on [backend]: no such host',
      },
    ],
    [
      'the client\'s own host:port and IP, kept as typed, beside a node',
      {
        query: 'up{instance="10.1.2.3:9100",job="node-1.example.com:9100"} +',
        error: 'error when executing query="up{instance=\\"10.1.2.3:9100\\",job=\\"node-1.example.com:9100\\"} +" on vmstorage 10.0.0.7:8401: unparsed data: ""',
        want: 'error when executing query="up{instance=\\"10.1.2.3:9100\\",job=\\"node-1.example.com:9100\\"} +" on vmstorage [backend]: unparsed data: ""',
      },
    ],
  ];
  for (const [name, { query, error, want }] of cases) {
    it(`redacts ${name}`, async () => {
      const got = await answerTo(query, error);
      assert.equal(got.res.status, 422);
      assert.equal(got.error, want);
    });
  }

  it('passes an error naming no machine byte for byte, times and subquery steps included', async () => {
    const error = 'cannot parse "rate(x[5m:1m])" at 2024-01-01T00:00:00Z, line 1:5 (12:30:45) as "2006-01-02T15:04:05Z07:00"';
    const got = await answerTo('up', error);
    assert.equal(got.res.text, got.sent);
  });
});

describe('faults: the client\'s own text in a backend error comes back verbatim (a real vmsingle)', function () {
  this.timeout(60_000);
  let vm: VmsingleProcess;
  let gw: TestGateway;
  let dataDir: string;
  let hostname: string;

  before(async () => {
    dataDir = await makeTempDir('layer-faults-echo');
    vm = await startVmsingleProcess({ dataDir });
    gw = await startTestGateway({ env: { LAYER_VM_URL: vm.url } });
    hostname = (await fetch(`${vm.url}/api/v1/query?query=1`)).headers.get('x-server-hostname') ?? '';
  });
  after(async () => {
    await gw?.close();
    await vm?.stop();
    if (dataDir) await removeTempDir(dataDir);
  });

  /** The same query, with a fixed time so that both answers are comparable, straight and through the gateway. */
  async function both(query: string) {
    const qs = `query=${encodeURIComponent(query)}&time=1700000000`;
    const direct = await fetch(`${vm.url}/api/v1/query?${qs}`);
    const directText = await direct.text();
    const via = await request(`${gw.url}/v2/metrics/api/v1/query?${qs}`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    return { direct: { status: direct.status, text: directText }, via };
  }

  it('answers a query naming the backend\'s port, address or host name exactly as vmsingle does: guessing tells nothing', async () => {
    const port = new URL(vm.url).port;
    const wrongPort = String(Number(port) + 1);
    const guesses = [
      // The whole query echoed in query="...", the tail again in `unparsed data: "..."`.
      `foo{a=":${port} 127.0.0.1:${port} ${hostname}"} +`,
      `foo{a=":${wrongPort} 127.0.0.1:${wrongPort}"} +`,
      `up :${port}`,
      `up :${wrongPort}`,
      // A regular expression comes back wrapped in anchors, which no longer matches the query as sent.
      `{a=~"(x:${port}"}`,
      `{a=~"(x:${wrongPort}"}`,
      `{a=~"(${hostname}"}`,
      // A line break inside a label value comes back Go-quoted as \n.
      `foo{a="\n${hostname}:${port}"} +`,
    ];
    for (const query of guesses) {
      const { direct, via } = await both(query);
      assert.equal(direct.status, 422, `vmsingle answered ${direct.status} to ${query}: ${direct.text}`);
      assert.ok(direct.text.includes(`:${port}`) || direct.text.includes(`:${wrongPort}`) || direct.text.includes(hostname), `vmsingle did not echo ${query}: ${direct.text}`);
      assert.equal(via.status, direct.status, query);
      assert.equal(via.text, direct.text, `${query}: got ${via.text}; want ${direct.text}`);
    }
  });

  it('answers a query about vm_requests_total verbatim, although the backend\'s host name may be "vm"', async () => {
    for (const query of ['vm_requests_total{job="vm"} +', `sum(rate(vm_requests_total[5m])) by (${hostname || 'vm'}) +`]) {
      const { direct, via } = await both(query);
      assert.equal(direct.status, 422, direct.text);
      assert.equal(via.text, direct.text, `got ${via.text}; want ${direct.text}`);
    }
  });
});
