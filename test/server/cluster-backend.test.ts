import assert from 'node:assert/strict';
import { behaveAsVmselect, type StorageState } from '../helpers/fake-vmselect.ts';
import { startGatewayOnFake, type GatewayOnFake } from '../helpers/gateway.ts';
import { bearer, metricValue, request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { pollUntil } from '../helpers/poll-until.ts';

/** GET path on the gateway, checked against the contract; status and parsed body. */
async function probeRoute(url: string, path: '/health' | '/readyz') {
  const res = await request(`${url}${path}`);
  assert.deepEqual(responseProblems(path === '/health' ? 'getHealth' : 'getReadyz', res.status, res.headers['content-type'] ?? null, res.text), []);
  return { status: res.status, body: JSON.parse(res.text) };
}

describe('health and readiness in front of a cluster whose storage fails (fake vmselect)', function () {
  this.timeout(60_000);
  let stand: GatewayOnFake | undefined;
  let storage: StorageState = 'ok';
  let sent: ReturnType<typeof behaveAsVmselect>;
  const url = () => stand!.gw.url;

  before(async () => {
    stand = await startGatewayOnFake({ path: '/select/0/prometheus' });
    sent = behaveAsVmselect(stand.fake, () => storage);
  });
  after(() => stand?.close());

  it('the probe alone reports partial answers to /health before any client queries', async () => {
    await pollUntil('ready with storage up', async () => (await probeRoute(url(), '/readyz')).status === 200, 8000);
    assert.equal((await probeRoute(url(), '/health')).body.partial_responses.last_minute, 0);
    storage = 'partial';
    try {
      const seen = await pollUntil('a partial probe answer in /health', async () => {
        const h = await probeRoute(url(), '/health');
        return h.body.partial_responses.last_minute > 0 && h.body.backend.state === 'up' ? h.body : undefined;
      }, 8000);
      assert.ok(seen.partial_responses.since);
      assert.equal(await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}'), 0, 'probes are not passthrough answers');
    } finally {
      storage = 'ok';
    }
  });

  it('every storage node down: query=1 still works, but the probe sees it: /health degraded and /readyz 503', async () => {
    storage = 'down';
    try {
      const constant = await request(`${url()}/v2/metrics/api/v1/query?query=1`, { headers: bearer(stand!.gw.token) });
      assert.equal(constant.status, 200, 'vmselect answers query=1 without storage');
      const real = await request(`${url()}/v2/metrics/api/v1/query?query=up`, { headers: bearer(stand!.gw.token) });
      assert.equal(real.status, 503, 'a query that reads series fails');
      // The external probe runs every 5 s.
      const ready = await pollUntil('/readyz 503', async () => {
        const r = await probeRoute(url(), '/readyz');
        return r.status === 503 ? r.body : undefined;
      }, 8000);
      assert.equal(ready.backend.state, 'down');
      const health = await probeRoute(url(), '/health');
      assert.equal(health.status, 503);
      assert.equal(health.body.backend.state, 'down');
      assert.equal(await metricValue(url(), 'layer_backend_up{mode="external"}'), 0);
    } finally {
      storage = 'ok';
    }
    await pollUntil('ready again once storage is back', async () => (await probeRoute(url(), '/readyz')).status === 200, 8000);
  });

  it('some storage nodes down: partial answers pass unchanged, are counted by route, and /health shows them while /readyz stays 200', async () => {
    storage = 'partial';
    try {
      const before = await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}');
      const plain = await request(`${url()}/v2/metrics/api/v1/query?query=up`, { headers: bearer(stand!.gw.token) });
      assert.equal(plain.status, 200);
      assert.ok(plain.body.equals(sent.lastSent()!), 'the client got other bytes than the backend sent');
      const gzipped = await request(`${url()}/v2/metrics/query?query=up`, { headers: { ...bearer(stand!.gw.token), 'Accept-Encoding': 'gzip' } });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.ok(gzipped.body.equals(sent.lastSent()!), 'the client got other gzip bytes than the backend sent');
      const series = await request(`${url()}/v2/metrics/api/v1/series?match[]=up`, { method: 'POST', headers: bearer(stand!.gw.token) });
      assert.equal(series.status, 200);

      assert.equal(await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}'), before + 1);
      assert.equal(await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/query"}'), 1);
      assert.equal(await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/series"}'), 1);

      const health = await probeRoute(url(), '/health');
      assert.equal(health.status, 503);
      assert.ok(health.body.partial_responses.last_minute >= 3, JSON.stringify(health.body.partial_responses));
      assert.ok(Date.parse(health.body.partial_responses.since) <= Date.now());
      assert.match(health.body.reasons.join('; '), /partial data/);
      assert.equal((await probeRoute(url(), '/readyz')).status, 200, 'partial answers do not take the gateway out of rotation');
    } finally {
      storage = 'ok';
    }
    const complete = await request(`${url()}/v2/metrics/api/v1/query?query=up`, { headers: bearer(stand!.gw.token) });
    assert.equal(complete.status, 200);
    assert.equal(await metricValue(url(), 'layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}'), 1, 'a complete answer is not counted');
  });

});
