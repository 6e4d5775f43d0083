import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { COALESCE_BYTES, forwardBody, type ForwardOptions } from '../../src/proxy/forward-body.ts';

/** A body that yields `count` pieces of `size` bytes, one per event-loop turn, as a socket would. */
function pieces(count: number, size: number): { body: Readable; sent: Buffer; produced: () => number } {
  const all = Buffer.alloc(count * size);
  for (let i = 0; i < all.length; i++) all[i] = (i * 7) % 251;
  let next = 0;
  const body = new Readable({
    read() {
      if (next >= count) return void this.push(null);
      const piece = all.subarray(next * size, (next + 1) * size);
      next++;
      setImmediate(() => this.push(piece));
    },
  });
  return { body, sent: all, produced: () => next };
}

/** Serves one response through forwardBody; counts the writes that reached the socket. */
async function serve(make: () => Readable, options: ForwardOptions = {}): Promise<{ url: string; writes: () => number; close: () => Promise<void>; lastBody: () => Readable | undefined }> {
  let writes = 0;
  let lastBody: Readable | undefined;
  const server = http.createServer((_req, res) => {
    const socket = res.socket!;
    const writev = socket._writev!.bind(socket);
    const write = socket._write.bind(socket);
    socket._writev = (chunks, cb) => { writes++; writev(chunks, cb); };
    socket._write = (chunk, encoding, cb) => { writes++; write(chunk, encoding, cb); };
    res.writeHead(200, { 'content-type': 'application/json' });
    lastBody = make();
    forwardBody(lastBody, res, options);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    writes: () => writes,
    lastBody: () => lastBody,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('forwardBody(body, res)', () => {
  it('sends every byte, in writes of about COALESCE_BYTES rather than one per piece', async () => {
    const { body, sent } = pieces(11, 27_000);
    const server = await serve(() => body);
    try {
      const res = await fetch(server.url);
      const got = Buffer.from(await res.arrayBuffer());
      assert.ok(got.equals(sent), 'the body arrives byte for byte');
      const most = Math.ceil(sent.length / COALESCE_BYTES) + 2; // the coalesced writes, the headers, the end
      assert.ok(server.writes() <= most, `${server.writes()} socket writes for 11 pieces; want at most ${most}`);
    } finally {
      await server.close();
    }
  });

  it('ends an empty body', async () => {
    const server = await serve(() => Readable.from([]));
    try {
      const res = await fetch(server.url);
      assert.equal((await res.arrayBuffer()).byteLength, 0);
    } finally {
      await server.close();
    }
  });

  it('pauses the body while the client does not read', async () => {
    // 64 MB offered, a client that reads the headers and then nothing.
    const offered = pieces(1024, 64 * 1024);
    const server = await serve(() => offered.body);
    const request = http.get(server.url);
    try {
      const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
      response.pause();
      let paused = false;
      for (let i = 0; i < 500 && !paused; i++) {
        await tick();
        paused = server.lastBody()?.isPaused() ?? false;
      }
      assert.ok(paused, 'the body was paused');
      await new Promise((resolve) => setTimeout(resolve, 100)); // the body's own buffer fills
      const produced = offered.produced();
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(offered.produced(), produced, 'nothing more was read from the body while paused');
      // What went before the pause fills the kernel's socket buffers (a few MB on loopback).
      assert.ok(produced < 160, `${produced} of 1024 pieces read before the pause held`);
    } finally {
      request.destroy();
      await server.close();
    }
  });
  describe('with stallTimeoutMs', () => {
    it('calls onStall once a client that stopped reading has accepted nothing for that long', async () => {
      let stalledAt = 0;
      const started = performance.now();
      const offered = pieces(1024, 64 * 1024);
      const server = await serve(() => offered.body, { stallTimeoutMs: 400, onStall: () => (stalledAt = performance.now() - started) });
      const request = http.get(server.url);
      request.on('error', () => {});
      try {
        const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
        response.pause();
        for (let i = 0; i < 100 && stalledAt === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.ok(stalledAt > 400 && stalledAt < 3000, `onStall after ${stalledAt} ms; want after the 400 ms stall timeout`);
      } finally {
        request.destroy();
        await server.close();
      }
    });

    it('does not call onStall while the body is slow to send and the client reads everything', async () => {
      let stalled = false;
      // Two pieces 900 ms apart, with a stall timeout of 300 ms: the wait is the backend's, not the client's.
      const body = new Readable({ read() {} });
      body.push(Buffer.alloc(1000, 'a'));
      setTimeout(() => {
        body.push(Buffer.alloc(1000, 'b'));
        body.push(null);
      }, 900);
      const server = await serve(() => body, { stallTimeoutMs: 300, onStall: () => (stalled = true) });
      try {
        const res = await fetch(server.url);
        assert.equal((await res.arrayBuffer()).byteLength, 2000);
        assert.equal(stalled, false, 'onStall was called for a backend that was slow to send');
      } finally {
        await server.close();
      }
    });
  });
});
