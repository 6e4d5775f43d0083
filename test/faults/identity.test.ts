/**
 * Identity: nothing from the client that could identify or steer the backend is forwarded, and
 * no response header names the backend (its address, host name, software). Error texts that the
 * backend writes itself are checked in error-text-leaks.test.ts.
 */
import assert from 'node:assert/strict';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { assertAnonymous, BACKEND_HEADERS } from '../helpers/backend-identity.ts';

// Headers a client may send to identify itself to, or steer, whatever is behind the gateway.
const STEERING = {
  Authorization: `Bearer ${TEST_TOKEN}`,
  Cookie: 'session=client-secret',
  'Proxy-Authorization': 'Basic c2VjcmV0OnNlY3JldA==',
  'X-Forwarded-Host': 'evil.example',
  'X-Forwarded-For': '203.0.113.7',
  'X-Forwarded-Proto': 'https',
  'X-Forwarded-Port': '443',
  Forwarded: 'for=203.0.113.7;host=evil.example',
  'X-Real-IP': '203.0.113.7',
  'X-Original-URL': '/api/v1/admin/tsdb/delete_series',
  'X-Rewrite-URL': '/api/v1/import',
  'X-HTTP-Method-Override': 'DELETE',
  'X-Scope-OrgID': 'other-tenant',
  AccountID: '42',
  ProjectID: '7',
  'X-Request-Id': 'client-chosen-id',
  'User-Agent': 'client-agent/1.0',
  Referer: 'http://evil.example/',
  Origin: 'http://evil.example',
  Via: '1.1 evil',
  TE: 'trailers',
};

describe('faults: nothing identifies or steers the backend', function () {
  this.timeout(30_000);
  let fake: FakeUpstream;
  let gw: TestGateway;
  let backendHost: string;
  let backendUrl: string;

  before(async () => {
    fake = await startFakeUpstream();
    backendHost = new URL(fake.url).host;
    backendUrl = `${fake.url}/select/0/prometheus`;
    gw = await startTestGateway({ env: { LAYER_VM_URL: backendUrl } });
  });
  after(async () => {
    await gw?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.received.length = 0;
  });

  it('forwards only Accept, Accept-Encoding and Content-Type of the client\'s headers, with its own Host', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query${method === 'GET' ? '?query=up' : ''}`, {
        method,
        headers: { ...STEERING, Host: 'evil.example', Accept: 'application/json', 'Accept-Encoding': 'gzip', ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        ...(method === 'POST' ? { body: 'query=up' } : {}),
      });
      assert.equal(res.status, 200, res.text);
    }
    assert.equal(fake.received.length, 2);
    for (const seen of fake.received) {
      const names = Object.keys(seen.headers).sort();
      const allowed = ['accept', 'accept-encoding', 'connection', 'content-length', 'content-type', 'host', 'user-agent'];
      assert.deepEqual(names.filter((n) => !allowed.includes(n)), [], `${seen.method}: forwarded ${names.join(', ')}`);
      assert.equal(seen.headers.host, backendHost);
      assert.equal(seen.headers['user-agent'], 'layer-metrics-gateway');
      assert.equal(seen.url.startsWith('/select/0/prometheus/api/v1/query'), true);
      for (const value of Object.values(seen.headers)) {
        for (const secret of ['client-secret', 'evil.example', '203.0.113.7', TEST_TOKEN, 'other-tenant']) {
          assert.ok(!String(value).includes(secret), `${seen.method}: "${secret}" reached the backend`);
        }
      }
    }
  });

  it('passes none of the backend\'s identifying headers on a success', async () => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { ...BACKEND_HEADERS, 'Content-Type': 'application/json' });
      res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    };
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(res.status, 200);
    assertAnonymous(res, backendUrl, 'success');
  });

  it('names nothing of the backend when it resets before answering', async () => {
    fake.handle = (_req, res) => res.socket?.resetAndDestroy();
    const reset = await request(`${gw.url}/v2/metrics/api/v1/query?query=up`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(reset.status, 502);
    assertAnonymous(reset, backendUrl, 'reset before the response');
  });
});
