/**
 * Error texts the backend writes itself must not name it either: not its address, not its host
 * name (which it announces in X-Server-Hostname), not the configured path prefix (a vmselect
 * tenant). VictoriaMetrics' plain-text errors carry `requestURI: <prefix>/api/v1/...`, and a
 * vmselect's JSON errors name the vmstorage nodes it failed to reach.
 *
 * Kept in its own file: a failure here is a defect of the passthrough's error handling
 * (src/handlers/query.ts, src/proxy/wrap-error.ts), which this suite does not edit.
 */
import assert from 'node:assert/strict';
import { assertAnonymous, BACKEND_HEADERS, BACKEND_HOSTNAME } from '../helpers/backend-identity.ts';
import type { FakeUpstream } from '../helpers/fake-upstream.ts';
import { startGatewayOnFake, TEST_TOKEN, type GatewayOnFake, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';

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
    assert.match(JSON.parse(res.text).error, /cannot handle more than 1 concurrent search requests/);
    assertAnonymous(res, backendUrl, 'plain-text error');
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
