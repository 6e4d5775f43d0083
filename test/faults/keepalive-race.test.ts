/**
 * The keep-alive race: the backend closes an idle connection just as the gateway reuses it for
 * the next request. Nothing of that request was processed, so the gateway can send it again on a
 * fresh connection; the client must never see the backend's housekeeping as a 502.
 *
 * Kept in its own file on purpose: a failure here is a defect of src/proxy/upstream.ts.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import type { FakeUpstream } from '../helpers/fake-upstream.ts';
import { startGatewayOnFake, type GatewayOnFake, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';

const OK = '{"status":"success","data":{"resultType":"vector","result":[]}}';

describe('faults: the backend closes a kept-alive connection as it is reused', function () {
  this.timeout(60_000);
  let fake: FakeUpstream;
  let gw: TestGateway;
  let stand: GatewayOnFake | undefined;

  beforeEach(async () => {
    stand = await startGatewayOnFake();
    ({ fake, gw } = stand);
  });
  afterEach(() => stand?.close());

  /** Sends `count` queries one after another; returns the statuses that were not 200, with their bodies. */
  async function sequential(count: number): Promise<string[]> {
    const failures: string[] = [];
    const deadline = Date.now() + 20_000;
    for (let i = 0; i < count && Date.now() < deadline; i++) {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=vector(${i})`, { headers: bearer(gw.token) });
      if (res.status !== 200) failures.push(`#${i}: ${res.status} ${res.text.slice(0, 160)}`);
    }
    return failures;
  }

  it('succeeds when the backend drops each idle connection the moment the next request arrives on it', async () => {
    const served = new WeakMap<Socket, number>();
    let dropped = 0;
    fake.handle = (req, res) => {
      const socket = req.socket;
      const n = served.get(socket) ?? 0;
      served.set(socket, n + 1);
      if (n > 0) {
        // Keep-alive was offered and taken; now the server "times it out" as the request lands.
        dropped++;
        socket.destroy();
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(OK);
    };
    const failures = await sequential(50);
    console.log(`      50 sequential queries: ${dropped} reused connections dropped by the backend, ${failures.length} failed at the client`);
    assert.ok(dropped > 0, 'the gateway never reused a connection, so the race was not exercised');
    assert.deepEqual(failures, [], `${failures.length} of 50 failed:\n${failures.slice(0, 5).join('\n')}`);
    assert.ok(fake.received.every((r) => /^\/api\/v1\/query\?query=vector\(\d+\)$/.test(r.url)));
  });

  it('succeeds when the backend closes every connection shortly after its response, without Connection: close', async () => {
    let delay = 0;
    fake.handle = (req, res) => {
      res.setHeader('Content-Type', 'application/json');
      // 0 to 2 ms after the response: sometimes before the gateway's next request, sometimes as it lands.
      const wait = delay++ % 3;
      res.end(OK, () => setTimeout(() => req.socket.destroy(), wait));
    };
    const failures = await sequential(200);
    console.log(`      200 sequential queries against a backend closing after each response: ${failures.length} failed`);
    assert.deepEqual(failures, [], `${failures.length} of 200 failed:\n${failures.slice(0, 5).join('\n')}`);
  });

  it('succeeds when every pooled connection went stale at once (a backend restart behind a NAT or load balancer)', async () => {
    // A burst leaves several idle connections in the gateway's pool; then every one of them is
    // dead (the backend forgot them), so any reuse is reset on arrival. A retry that takes the
    // next pooled connection meets another dead one: only a fresh connection gets through.
    const burstSockets = new Set<Socket>();
    const held: (() => void)[] = [];
    let stale = false;
    let dropped = 0;
    fake.handle = (req, res) => {
      const answer = () => {
        res.setHeader('Content-Type', 'application/json');
        res.end(OK);
      };
      if (!stale) {
        // Hold the burst until all five arrived, so that it really takes five connections.
        burstSockets.add(req.socket);
        held.push(answer);
        if (held.length === 5) for (const release of held) release();
        return;
      }
      if (burstSockets.has(req.socket)) {
        dropped++;
        req.socket.destroy();
        return;
      }
      answer();
    };
    const burst = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => request(`${gw.url}/v2/metrics/api/v1/query?query=vector(${i})`, { headers: bearer(gw.token) })),
    );
    assert.deepEqual(burst.map((r) => r.status), [200, 200, 200, 200, 200]);
    assert.equal(burstSockets.size, 5);
    stale = true;
    const failures = await sequential(5);
    console.log(`      after a burst of 5, all pooled connections dead: ${dropped} reuses reset, ${failures.length} of 5 queries failed`);
    assert.deepEqual(failures, [], `${failures.length} of 5 failed:\n${failures.join('\n')}`);
  });
});
