import assert from 'node:assert/strict';
import http from 'node:http';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startGatewayOnFake, startTestGateway, type GatewayOnFake, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { pollUntil } from '../helpers/poll-until.ts';

describe('PromQL passthrough against a fault-injecting backend', function () {
  this.timeout(30_000);
  let fake: FakeUpstream;
  let gw: TestGateway;
  let stand: GatewayOnFake | undefined;
  const prefix = '/select/0/prometheus';

  before(async () => {
    stand = await startGatewayOnFake({ path: prefix, env: { LAYER_VM_TIMEOUT_MS: '500', LAYER_PROXY_MAX_CONCURRENT: '2', LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '2', LAYER_PROXY_QUEUE_TIMEOUT_MS: '0' } });
    ({ fake, gw } = stand);
  });
  after(() => stand?.close());
  beforeEach(() => {
    fake.received.length = 0;
    fake.handle = (_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    };
  });

  it('forwards the raw query string under the configured prefix, to the fixed path, without client credentials', async () => {
    const raw = 'query=sum%28up%7Bjob%3D%22a%22%7D%29+by+(job)&time=1700000000.5';
    const res = await request(`${gw.url}/v2/metrics/query?${raw}`, {
      headers: { ...bearer(gw.token), Cookie: 'session=secret', 'X-Forwarded-Host': 'evil.example', 'Accept-Encoding': 'gzip' },
    });
    assert.equal(res.status, 200);
    const seen = fake.received[0]!;
    assert.equal(seen.url, `${prefix}/api/v1/query?${raw}`);
    assert.equal(seen.headers.authorization, undefined);
    assert.equal(seen.headers.cookie, undefined);
    assert.equal(seen.headers['x-forwarded-host'], undefined);
    assert.equal(seen.headers.host, new URL(fake.url).host);
    assert.equal(seen.headers['accept-encoding'], 'gzip');
  });

  it('forwards a POST body byte for byte', async () => {
    const body = 'query=rate%28x%5B5m%5D%29&start=1&end=2&step=1';
    const res = await request(`${gw.url}/v2/metrics/api/v1/query_range`, {
      method: 'POST',
      headers: { ...bearer(gw.token), 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(res.status, 200);
    assert.equal(fake.received[0]!.url, `${prefix}/api/v1/query_range`);
    assert.equal(fake.received[0]!.body.toString('latin1'), body);
    assert.equal(fake.received[0]!.headers['content-type'], 'application/x-www-form-urlencoded');
  });

  it('passes only allowlisted response headers', async () => {
    fake.handle = (_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Server-Hostname', 'vm-node-7');
      res.setHeader('Set-Cookie', 'backend=1');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 200);
    for (const name of ['x-server-hostname', 'set-cookie', 'access-control-allow-origin']) assert.equal(res.headers[name], undefined, `${name} leaked`);
  });

  it('wraps a plain-text backend error in the envelope, keeping status and Retry-After, reduced to what the caller can do', async () => {
    const host = new URL(fake.url).host;
    fake.handle = (_req, res) => {
      res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': '3' });
      res.end(`cannot handle more than 1 concurrent search requests at ${host}`);
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '3');
    const body = JSON.parse(res.text);
    assert.equal(body.status, 'error');
    assert.equal(body.errorType, '429');
    assert.equal(body.error, 'the metrics backend is at its limit of concurrent queries; retry shortly');
    assert.ok(!res.text.includes(host), `the backend address leaked: ${res.text}`);
    assert.deepEqual(responseProblems('queryInstant', 429, res.headers['content-type'] ?? null, res.text), []);
  });

  it('answers 504 timeout past LAYER_VM_TIMEOUT_MS and aborts the backend request', async () => {
    fake.handle = () => {}; // never answers
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 504);
    const body = JSON.parse(res.text);
    assert.equal(body.errorType, 'timeout');
    assert.ok(!res.text.includes(new URL(fake.url).port));
    await fake.received[0]!.closed; // resolves only when the gateway let go of the request
    const metrics = await request(`${gw.url}/metrics`);
    assert.match(metrics.text, /layer_upstream_errors_total\{endpoint="query",reason="timeout"\} [1-9]/);
  });

  it('destroys the client connection when the backend fails mid-body: never a clean truncated 200', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      res.write('{"status":"success","data":{"resultType":"vector","result":[');
      setTimeout(() => res.socket?.destroy(), 50);
    };
    await assert.rejects(request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) }));
    await pollUntil('reset counted', async () => {
      const metrics = await request(`${gw.url}/metrics`);
      return /layer_upstream_errors_total\{endpoint="query",reason="reset"\} [1-9]/.test(metrics.text) ? true : undefined;
    }, 5000);
  });

  // Bodies up to SMALL_BODY_BYTES are read whole before anything is sent, so a failure there can
  // still be answered properly instead of cutting the connection.
  it('answers 502 when the backend fails within a small body, before any byte reached the client', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '2000' });
      res.write('{"status":"success","data":{"resultType":"vector","result":[');
      setTimeout(() => res.socket?.destroy(), 50);
    };
    const before = await request(`${gw.url}/metrics`);
    const count = (text: string) => Number(/layer_upstream_errors_total\{endpoint="query",reason="reset"\} (\d+)/.exec(text)?.[1] ?? 0);
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 502);
    const body = JSON.parse(res.text);
    assert.equal(body.status, 'error');
    assert.equal(body.errorType, 'unavailable');
    assert.match(body.error, /failed while sending its response/);
    assert.ok(!res.text.includes(new URL(fake.url).port), 'the backend is not named');
    assert.deepEqual(responseProblems('queryInstant', res.status, res.headers['content-type'] ?? null, res.text), []);
    const after = await request(`${gw.url}/metrics`);
    assert.equal(count(after.text) - count(before.text), 1, 'counted once as reason="reset"');
  });

  it('answers 504 when the backend goes quiet within a small body', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '2000' });
      res.write('{"status":"success","data":{"resultType":"vector","result":['); // then silence
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 504);
    assert.equal(JSON.parse(res.text).errorType, 'timeout');
    await fake.received[0]!.closed; // the gateway let go of the backend request
  });

  it('sends small and large bodies byte for byte, with the backend headers it forwards', async () => {
    for (const size of [0, 1, 32 * 1024, 32 * 1024 + 1, 300_000]) {
      const payload = Buffer.alloc(size, 'x');
      fake.handle = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(size) });
        // In pieces, so the small path has to join chunks.
        res.write(payload.subarray(0, size >> 1));
        setTimeout(() => res.end(payload.subarray(size >> 1)), 5);
      };
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-length'], String(size));
      assert.equal(res.text.length, size, `body of ${size} bytes`);
      assert.ok(res.text === payload.toString(), `body of ${size} bytes is byte-identical`);
    }
  });

  it('aborts the backend request when the client disconnects', async () => {
    fake.handle = () => {}; // hold
    const req = http.request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token), agent: false });
    req.on('error', () => {});
    req.end();
    await pollUntil('request at backend', async () => (fake.received.length > 0 ? true : undefined), 5000);
    req.destroy();
    await fake.received[0]!.closed;
    await pollUntil('in-flight back to 0', async () => {
      const metrics = await request(`${gw.url}/metrics`);
      return /layer_upstream_in_flight_requests 0\n/.test(metrics.text) ? true : undefined;
    }, 5000);
  });

  it('answers 429 with Retry-After over LAYER_PROXY_MAX_CONCURRENT', async () => {
    const held: http.ServerResponse[] = [];
    fake.handle = (_req, res) => held.push(res);
    // Distinct queries: identical ones in flight would share one backend request and one slot.
    const pending = [1, 2].map((i) => request(`${gw.url}/v2/metrics/api/v1/query?query=vector(${i})`, { headers: bearer(gw.token) }));
    await pollUntil('two held', async () => (held.length === 2 ? true : undefined), 5000);
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '1');
    assert.equal(JSON.parse(res.text).errorType, 'unavailable');
    for (const r of held) {
      r.setHeader('Content-Type', 'application/json');
      r.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    }
    await Promise.all(pending);
  });
});

describe('PromQL passthrough with the backend down', function () {
  this.timeout(30_000);
  it('answers 502 unavailable in the envelope, without naming the backend, and /health 503', async () => {
    const fake = await startFakeUpstream();
    const deadUrl = fake.url;
    await fake.close(); // nothing listens there now
    const gw = await startTestGateway({ env: { LAYER_VM_URL: deadUrl } });
    try {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: bearer(gw.token) });
      assert.equal(res.status, 502);
      const body = JSON.parse(res.text);
      assert.equal(body.errorType, 'unavailable');
      assert.ok(!res.text.includes(new URL(deadUrl).port), 'the backend port leaked');
      assert.deepEqual(responseProblems('queryInstant', 502, res.headers['content-type'] ?? null, res.text), []);
      const health = await pollUntil('health 503', async () => {
        const h = await request(`${gw.url}/health`);
        return h.status === 503 ? JSON.parse(h.text) : undefined;
      }, 5000);
      assert.equal(health.backend.state, 'down');
      assert.equal(health.status, 'degraded');
    } finally {
      await gw.close();
    }
  });
});
