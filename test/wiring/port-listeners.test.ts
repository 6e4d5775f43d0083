import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { trackConnections } from '../../src/lifecycle/connections.ts';
import { supportsReusePort } from '../../src/node-support.ts';
import { listenOnPort } from '../../src/wiring/port-listeners.ts';
import { request } from '../helpers/http.ts';
import { captureLogger } from '../helpers/log-recorder.ts';
import { pollUntil } from '../helpers/poll-until.ts';

const HOST = '127.0.0.1';
const { logger } = captureLogger('silent');

/** Listening IPv4 sockets on `port`, from /proc/net/tcp (state 0A is LISTEN). */
async function listeningSockets(port: number): Promise<number> {
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const text = await readFile('/proc/net/tcp', 'utf8');
  return text.split('\n').filter((line) => {
    const [, address, , state] = line.trim().split(/\s+/);
    return state === '0A' && address?.endsWith(local);
  }).length;
}

/** Opens `count` connections at once, one GET / on each (no keep-alive pooling), resolving with their answers. */
function requestsAtOnce(port: number, count: number): Promise<{ status: number; text: string }[]> {
  return Promise.all(Array.from({ length: count }, () => request(`http://${HOST}:${port}/`)));
}

/** The connections the extra listeners accept (and hand to the server), as they come. */
function acceptedBy(extras: net.Server[]): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  for (const extra of extras) extra.on('connection', (socket: net.Socket) => sockets.add(socket));
  return sockets;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('listenOnPort(server, { port, host, listeners })', function () {
  this.timeout(20_000);
  const servers: net.Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });
  const want = supportsReusePort() ? 8 : 1;

  it(`listens on ${want} socket(s) sharing the port on Node ${process.versions.node}, all answered by the one server`, async () => {
    const server = http.createServer((_req, res) => res.end('one server'));
    servers.push(server);
    const extras = await listenOnPort(server, { port: 0, host: HOST, listeners: 8 }, logger);
    servers.push(...extras);
    const byExtras = acceptedBy(extras);
    const { port } = server.address() as net.AddressInfo;
    assert.equal(extras.length, want - 1, `got ${extras.length} extra listeners; want ${want - 1}`);
    assert.equal(await listeningSockets(port), want, `got another count of listening sockets on ${port}; want ${want}`);
    const answers = await requestsAtOnce(port, 64);
    assert.deepEqual(new Set(answers.map((a) => `${a.status} ${a.text}`)), new Set(['200 one server']));
    if (want > 1) assert.ok(byExtras.size > 0 && byExtras.size < answers.length, `got ${byExtras.size} of ${answers.length} connections accepted by the extra sockets; want the kernel to spread them over all ${want}`);
  });

  it('refuses a port another process already listens on, even one sharing it with SO_REUSEPORT', async () => {
    const holder = net.createServer();
    servers.push(holder);
    await new Promise<void>((resolve) => holder.listen({ port: 0, host: HOST, reusePort: true } as net.ListenOptions, resolve));
    const { port } = holder.address() as net.AddressInfo;
    const server = http.createServer();
    servers.push(server);
    await assert.rejects(listenOnPort(server, { port, host: HOST, listeners: 8 }, logger), { code: 'EADDRINUSE' });
  });

  it("closes every listener on stop, and waits for the responses of every listener's connections", async () => {
    const pending: { res: http.ServerResponse; byPrimary: boolean }[] = [];
    let byExtras = new Set<net.Socket>();
    const server = http.createServer((req, res) => pending.push({ res, byPrimary: !byExtras.has(req.socket) }));
    servers.push(server);
    const tracker = trackConnections(server);
    const extras = await listenOnPort(server, { port: 0, host: HOST, listeners: 8 }, logger);
    byExtras = acceptedBy(extras);
    servers.push(...extras);
    const { port } = server.address() as net.AddressInfo;
    const answers = requestsAtOnce(port, 48);
    try {
      await pollUntil('every request in flight', async () => (pending.length === 48 ? true : undefined), 10_000);
      let closed = false;
      const closing = tracker.close(10_000, extras).then(() => (closed = true));
      assert.ok(await connectionRefused(port), 'got a new connection accepted while stopping; want every listener closed');
      // The primary socket's connections first: the stop must still wait for the others'.
      for (const { res } of pending.filter((p) => p.byPrimary)) res.end('done');
      const onExtras = pending.filter((p) => !p.byPrimary);
      if (onExtras.length > 0) {
        // A negative check needs a wait: given time, the stop must still not finish while these are open.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(closed, false, `got the stop finished with ${onExtras.length} responses in flight; want it to wait for them`);
      }
      for (const { res } of onExtras) res.end('done');
      await closing;
      assert.deepEqual(new Set((await answers).map((a) => `${a.status} ${a.text}`)), new Set(['200 done']), 'got a response cut; want every one finished');
    } finally {
      for (const { res } of pending) if (!res.writableEnded) res.end('done');
      await answers.catch(() => undefined);
    }
  });
});
