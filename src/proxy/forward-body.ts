/**
 * Sends a streamed backend body to the client in writes of about COALESCE_BYTES. undici hands the
 * body over as the backend socket is read (vmsingle's 64 KB HTTP chunks arrive as several smaller
 * pieces), and piping each piece to the response would make each one a write system call with its
 * own chunked-encoding frame. Here the response is corked while pieces arrive and uncorked once
 * that much is queued or the body ends, so a body goes out in a few large writes (the first piece,
 * with the headers, at once). Fewer writes cost less CPU per range response (figures in
 * docs/decisions.md).
 *
 * Nothing waits for more data than has arrived: the last bytes go out when the body ends. A query
 * answer is of no use to a client before its last byte (it is one JSON document), so holding up
 * to COALESCE_BYTES in between delays nothing the client can act on. Backpressure stays: when the
 * client's socket is over its high-water mark after an uncork, the body (and so the backend) is
 * paused until 'drain'. What a body's 'error' does to the response is the caller's.
 *
 * A client that stops reading would otherwise hold the response, its backend request and its
 * concurrency slot for as long as it likes: paused, the backend's body timeout never fires. With
 * `stallTimeoutMs`, `onStall` is called once no write has been accepted by the socket (handed to
 * the kernel, not merely queued) for that long while bytes were waiting to go out. Bytes held back
 * on purpose (corked while pieces arrive) and a backend that is slow to send are not the client's
 * stall, and do not count.
 */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/** How much of a body is queued before it is written out. */
export const COALESCE_BYTES = 128 * 1024;

/** Options of forwardBody. */
export interface ForwardOptions {
  /** How much to queue before writing. (default: COALESCE_BYTES) */
  coalesceBytes?: number;
  /** How long the socket may accept nothing of what waits for it before onStall. (default: no limit) */
  stallTimeoutMs?: number;
  /** Called once when the client stalled; the caller cuts the response. */
  onStall?: () => void;
}

/** Writes `body` to `res` and ends it when the body ends. */
export function forwardBody(body: Readable, res: ServerResponse, options: ForwardOptions = {}): void {
  const coalesceBytes = options.coalesceBytes ?? COALESCE_BYTES;
  if (options.stallTimeoutMs !== undefined && options.onStall) watchStall(res, options.stallTimeoutMs, options.onStall);
  let queued = 0;
  // The socket is corked rather than the response: from Node 22 on, a corked response keeps a
  // buffer of its own, and Node 22 writes it out piece by piece after uncorking the socket and can
  // leave the response waiting for a 'drain' that never comes. A corked socket sends the queued
  // pieces in one write on every Node line, and its 'drain' reaches the response.
  const socket = res.socket;
  // The headers and the first piece go out at once: the client learns the status without waiting,
  // and a body that fails later still reaches it as a cut transfer (curl 18), not as no answer.
  let first = true;
  body.on('data', (chunk: Buffer) => {
    if (first) {
      first = false;
      if (!res.write(chunk)) pauseUntilDrain();
      return;
    }
    if (queued === 0) socket?.cork();
    queued += chunk.length;
    const roomLeft = res.write(chunk);
    if (queued < coalesceBytes) return;
    queued = 0;
    socket?.uncork();
    if (!roomLeft && res.writableNeedDrain) pauseUntilDrain();
  });
  function pauseUntilDrain(): void {
    body.pause();
    res.once('drain', () => body.resume());
  }
  body.once('end', () => {
    if (queued > 0) socket?.uncork();
    res.end();
  });
}

/**
 * Calls `onStall` when the socket has accepted no byte for `timeoutMs` while bytes waited for it.
 * Checked four times per period, so a stall is reported between 1 and 1.25 periods after the last
 * progress; a timer per streamed response, not a callback per write.
 */
export function watchStall(res: ServerResponse, timeoutMs: number, onStall: () => void): void {
  const socket = res.socket;
  if (!socket) return; // a pipelined response not yet attached: the one before it is watched
  // Bytes whose write has completed: bytesWritten counts what is queued too, writableLength what
  // is still queued or being written.
  const accepted = () => socket.bytesWritten - socket.writableLength;
  let last = accepted();
  let lastProgress = performance.now();
  const timer = setInterval(
    () => {
      const now = accepted();
      // Nothing waiting, or held back by cork while the backend sends more: not the client's doing.
      if (now !== last || socket.writableLength === 0 || socket.writableCorked > 0) {
        last = now;
        lastProgress = performance.now();
        return;
      }
      if (performance.now() - lastProgress < timeoutMs) return;
      clearInterval(timer);
      onStall();
    },
    Math.max(1, Math.floor(timeoutMs / 4)),
  );
  timer.unref();
  res.once('close', () => clearInterval(timer));
}
