import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { COALESCE_BYTES, createBufferBudget, SharedAnswer, TEXT_BODY_BYTES, type AnswerLimits } from '../../src/proxy/shared-answer.ts';
import { pollUntil } from '../helpers/poll-until.ts';

/** How a test serves its body: the answer's bounds, and the stall watch. */
interface ServeOptions {
  limits?: AnswerLimits;
  stallTimeoutMs?: number;
  onStall?: () => void;
  /** Called with the answer and the release count once the body is being read. */
  onAnswer?: (answer: SharedAnswer, released: () => number) => void;
}

/** A streaming answer (nothing buffered) unless `options.limits` says otherwise. */
const STREAMING: AnswerLimits = { answerBytes: 0, budget: createBufferBudget(0) };

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
async function serve(make: () => Readable, options: ServeOptions = {}): Promise<{ url: string; writes: () => number; close: () => Promise<void>; lastBody: () => Readable | undefined }> {
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
    const body = lastBody;
    const answer = new SharedAnswer(options.limits ?? STREAMING, { abort: () => body.destroy() });
    let released = 0;
    const reader = answer.join(() => released++);
    res.on('close', () => reader.leave());
    answer.setHead({ status: 200, headers: {} });
    answer.readFrom(body);
    reader.deliver(res, options.stallTimeoutMs ?? 60_000, options.onStall ?? (() => {}));
    options.onAnswer?.(answer, () => released);
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

describe('SharedAnswer', () => {
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

  it('sends a small whole body byte for byte with its head in one plain write, and a larger one unchanged', async () => {
    for (const size of [TEXT_BODY_BYTES, TEXT_BODY_BYTES + 1]) {
      // Every byte value, UTF-8 sequences and bytes that are not valid UTF-8 among them.
      const sent = Buffer.alloc(size);
      for (let i = 0; i < size; i++) sent[i] = (i * 131) % 256;
      const calls = { write: 0, writev: 0 };
      const server = http.createServer((_req, res) => {
        const socket = res.socket!;
        const writev = socket._writev!.bind(socket);
        const write = socket._write.bind(socket);
        socket._writev = (chunks, cb) => { calls.writev++; writev(chunks, cb); };
        socket._write = (chunk, encoding, cb) => { calls.write++; write(chunk, encoding, cb); };
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(size) });
        const answer = new SharedAnswer({ answerBytes: size, budget: createBufferBudget(size) }, { abort() {} });
        const reader = answer.join(() => {});
        answer.setHead({ status: 200, headers: {} });
        answer.endWith(sent);
        reader.deliver(res, 60_000, () => {});
      });
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        const got = Buffer.from(await res.arrayBuffer());
        assert.ok(got.equals(sent), `${size} bytes arrive byte for byte`);
        assert.equal(res.headers.get('content-length'), String(size));
        if (size <= TEXT_BODY_BYTES) assert.deepEqual(calls, { write: 1, writev: 0 }, 'head and body leave in one plain write');
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
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

  it('reads a body within its bound whole while the client does not read, and frees the slot', async () => {
    // 64 MB offered, a bound of 128 MB, a client that reads the headers and then nothing: more
    // than the loopback socket's buffers (up to net.ipv4.tcp_rmem's 32 MB) can take in its stead.
    const offered = pieces(1024, 64 * 1024);
    const budget = createBufferBudget(256 * 1024 * 1024);
    let releases = () => 0;
    const server = await serve(() => offered.body, { limits: { answerBytes: 128 * 1024 * 1024, budget }, onAnswer: (_a, released) => (releases = released) });
    const request = http.get(server.url);
    try {
      const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
      response.pause();
      await pollUntil('the slot freed once the body was read whole', () => releases() > 0, 5000, 10);
      assert.equal(offered.produced(), 1024, 'the whole body was read from the backend');
      assert.equal(releases(), 1, 'the slot was freed once the body was complete');
      assert.ok(budget.used > 0 && budget.used <= 64 * 1024 * 1024, `${budget.used} bytes reserved`);
      // Once the client has read everything, the budget is whole again.
      response.resume();
      await new Promise((resolve) => response.once('end', resolve));
      assert.equal(budget.used, 0);
    } finally {
      request.destroy();
      await server.close();
    }
  });

  it('releases a slot once: when the backend is done, not again when its reader leaves', () => {
    const answer = new SharedAnswer({ answerBytes: 1024, budget: createBufferBudget(1024) }, { abort() {} });
    let released = 0;
    const reader = answer.join(() => released++);
    answer.setHead({ status: 200, headers: {} });
    answer.endWith(Buffer.from('{"status":"success"}'));
    assert.equal(released, 1);
    reader.leave();
    assert.equal(released, 1);
  });

  it('sends one answer to several readers, each from its first byte, and aborts only when the last leaves', async () => {
    const all = Buffer.alloc(300_000, 'x');
    const body = new Readable({ read() {} });
    let aborted = 0;
    const answer = new SharedAnswer({ answerBytes: 1 << 20, budget: createBufferBudget(1 << 20), maxReaders: 3 }, { abort: () => aborted++ });
    const first = answer.join(() => {});
    answer.setHead({ status: 200, headers: {} });
    answer.readFrom(body);
    body.push(all.subarray(0, 100_000));
    await tick();
    const second = answer.join(() => {});
    const third = answer.join(() => {});
    assert.equal(answer.joinable, false, 'a fourth reader is over the bound of 3');
    third.leave();
    first.leave();
    assert.equal(aborted, 0, 'a reader remains');
    const server = http.createServer((_req, res) => {
      res.writeHead(200);
      second.deliver(res, 60_000, () => {});
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const got = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then(async (r) => Buffer.from(await r.arrayBuffer()));
      body.push(all.subarray(100_000));
      body.push(null);
      assert.ok((await got).equals(all), 'the remaining reader got every byte from the first');
      const lone = new SharedAnswer(STREAMING, { abort: () => aborted++ });
      lone.join(() => {}).leave();
      assert.equal(aborted, 1, 'the last reader leaving an unfinished answer aborts it');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('pauses the body of a streaming answer while the client does not read', async () => {
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
      // Paused, the body still reads ahead until its own buffer is full; then it asks for no more.
      const body = server.lastBody()!;
      await pollUntil('the paused body to fill its own buffer', () => body.readableLength >= body.readableHighWaterMark, 5000, 5);
      const produced = offered.produced();
      // A negative check needs a wait: a paused body must read nothing more for a while.
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
        await pollUntil('onStall', () => stalledAt > 0, 5000, 20);
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
