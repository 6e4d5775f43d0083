/**
 * layer_upstream_in_flight_requests against a backend that holds its answers (a fault a real
 * vmsingle cannot produce on demand): the count is shared by every route that calls the backend and
 * is read at scrape time.
 */
import assert from 'node:assert/strict';
import type http from 'node:http';
import { startGatewayOnFake, type GatewayOnFake } from '../helpers/gateway.ts';
import { bearer, metricValue, request, type RawResponse } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';

const IN_FLIGHT = 'layer_upstream_in_flight_requests';

describe('layer_upstream_in_flight_requests', function () {
  this.timeout(30_000);
  let stand: GatewayOnFake | undefined;

  before(async () => {
    stand = await startGatewayOnFake();
  });
  after(() => stand?.close());

  it('shows the backend requests of every route while they are held, and 0 once they are answered', async () => {
    const { fake, gw } = stand!;
    const held: http.ServerResponse[] = [];
    fake.handle = (_req, res) => held.push(res);
    assert.equal(await metricValue(gw.url, IN_FLIGHT), 0);
    // Three routes with their own recorders: an instant query, a range query and the metadata lookup.
    const paths = ['/v2/metrics/api/v1/query?query=vector(1)', '/v2/metrics/api/v1/query_range?query=vector(2)&start=0&end=60&step=15', '/v2/metrics/api/v1/metadata'];
    const pending: Promise<RawResponse>[] = paths.map((path) => request(`${gw.url}${path}`, { headers: bearer(gw.token) }));
    await pollUntil('three requests held at the backend', async () => (held.length === 3 ? true : undefined), 10_000);
    assert.equal(await metricValue(gw.url, IN_FLIGHT), 3, 'a scrape while the three are held');
    held.shift()!.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    await pollUntil('one answered', async () => ((await metricValue(gw.url, IN_FLIGHT)) === 2 ? true : undefined), 10_000);
    for (const res of held) res.end('{"status":"success","data":[]}');
    await Promise.all(pending);
    await pollUntil('in-flight back to 0', async () => ((await metricValue(gw.url, IN_FLIGHT)) === 0 ? true : undefined), 10_000);
  });
});
