import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { trackConnections } from '../../src/lifecycle/connections.ts';

/** A keep-alive client that reads one response and then neither sends nor closes: as vmsingle's scraper does between scrapes. */
async function idleKeepAliveClient(port: number): Promise<{ socket: net.Socket; ended: Promise<unknown> }> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  const answered = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('\r\n\r\nok')) resolve();
    });
  });
  socket.write('GET / HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n');
  await answered;
  return { socket, ended: once(socket, 'end') };
}

describe('trackConnections(server).close(deadlineMs)', () => {
  it('hangs up an idle keep-alive connection whose client never closes its side, without waiting for the deadline', async function () {
    this.timeout(10_000);
    // Node's own keep-alive timeout (5 s) would end the idle connection by itself; the deadline is the only other bound.
    const server = http.createServer({ keepAliveTimeout: 120_000 }, (_req, res) => res.end('ok'));
    const tracker = trackConnections(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = await idleKeepAliveClient((server.address() as AddressInfo).port);
    client.socket.allowHalfOpen = true;
    let deadlinePassed = false;
    const deadlineMs = 60_000;
    const watchdog = setTimeout(() => (deadlinePassed = true), deadlineMs);
    try {
      await tracker.close(deadlineMs);
      await client.ended;
      assert.equal(deadlinePassed, false);
    } finally {
      clearTimeout(watchdog);
      client.socket.destroy();
    }
  });

  it('lets a response in flight finish before hanging up its connection', async function () {
    this.timeout(10_000);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = http.createServer((_req, res) => {
      res.write('first ');
      void released.then(() => res.end('last'));
    });
    const tracker = trackConnections(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.allowHalfOpen = true;
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.write('GET / HTTP/1.1\r\nHost: test\r\n\r\n');
    await new Promise<void>((resolve) => socket.on('data', () => received.includes('first') && resolve()));
    const closing = tracker.close(60_000);
    release();
    await closing;
    await once(socket, 'end').catch(() => undefined);
    assert.match(received, /first .*last/s);
    socket.destroy();
  });
});
