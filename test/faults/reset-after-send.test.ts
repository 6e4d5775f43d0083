/**
 * A backend that reads a whole query and then resets the connection (a query that kills it, as one
 * crashed vmsingle 1.79.5) must see that query once: the gateway answers 502 and does not send it
 * again. Only a reused kept-alive connection is retried, where a reset as the request lands is the
 * backend's idle close (test/faults/keepalive-race.test.ts); on the wire that cannot be told from
 * a crash, which is why the bundled vmsingle gets no retry at all.
 *
 * The backend is a raw net server: it counts complete requests as they arrive on the wire.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { createUpstream, UpstreamError } from '../../src/proxy/upstream.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';

const OK = '{"status":"success","data":{"resultType":"vector","result":[]}}';

interface RawBackend {
  url: string;
  /** Request lines of every complete query request received, in order. */
  queries: string[];
  /** Decides, per complete query request (0-based on its connection), to answer or to reset. */
  onQuery: (indexOnConnection: number) => 'answer' | 'reset';
  /** For each entry of `queries`, the number of the connection it came on. */
  connectionOf: number[];
  close(): Promise<void>;
}

async function startRawBackend(): Promise<RawBackend> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const backend: RawBackend = { url: '', queries: [], onQuery: () => 'answer', connectionOf: [], close: async () => {} };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const connection = ++connections;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = '';
    let served = 0;
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end !== -1; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4); // GET requests only: no body
        const line = head.split('\r\n')[0]!;
        const answer = (body: string) => socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nKeep-Alive: timeout=60\r\n\r\n${body}`);
        // The gateway's health probe (its own User-Agent) is answered and not counted as a query.
        if (/^user-agent: layer-metrics-gateway health probe$/im.test(head)) {
          answer(OK);
          continue;
        }
        backend.queries.push(line);
        backend.connectionOf.push(connection);
        if (backend.onQuery(served++) === 'reset') {
          socket.resetAndDestroy();
          return;
        }
        answer(OK);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  backend.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  backend.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return backend;
}

describe('faults: the backend resets the connection after reading a whole query', function () {
  this.timeout(60_000);
  let backend: RawBackend;
  let gw: TestGateway;

  beforeEach(async () => {
    backend = await startRawBackend();
    gw = await startTestGateway({ env: { LAYER_VM_URL: backend.url } });
  });
  afterEach(async () => {
    await gw?.close();
    await backend?.close();
  });

  const query = (q: string) => request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent(q)}`, { headers: bearer(gw.token) });

  it('answers 502 and sends the query once, on a fresh connection', async () => {
    backend.onQuery = () => 'reset';
    const res = await query('deadly()');
    assert.equal(res.status, 502, res.text);
    assert.equal(JSON.parse(res.text).errorType, 'unavailable');
    assert.deepEqual(backend.queries, ['GET /api/v1/query?query=deadly() HTTP/1.1']);
  });

  it('sends it once on a kept-alive connection too when retries are off, as for the bundled vmsingle', async () => {
    backend.onQuery = (n) => (n === 0 ? 'answer' : 'reset');
    const send = (upstream: ReturnType<typeof createUpstream>, q: string) =>
      upstream.send({ endpoint: 'query', method: 'GET', rawQuery: `query=${q}`, headers: {} }).response;
    const bundled = createUpstream({ baseUrl: backend.url, timeoutMs: 5000, retryStale: false });
    try {
      await send(bundled, 'vector(1)');
      // Let the pool take the connection back, so that the next request reuses it.
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      await assert.rejects(send(bundled, 'deadly()'), (error) => error instanceof UpstreamError && error.response?.status === 502);
    } finally {
      bundled.close();
    }
    assert.equal(backend.connectionOf[1], backend.connectionOf[0], 'the second query went out on the kept-alive connection');
    assert.deepEqual(backend.queries, ['GET /api/v1/query?query=vector(1) HTTP/1.1', 'GET /api/v1/query?query=deadly() HTTP/1.1']);
  });
});
