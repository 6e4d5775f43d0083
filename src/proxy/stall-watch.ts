/**
 * The stall watch of an answer being sent: a client that stops reading would otherwise hold its
 * answer (and, for a streaming answer, the backend request and its concurrency slot) for as long as
 * it likes. The watch reports a stall once no write has been accepted by the socket (handed to the
 * kernel, not merely queued) for that long while bytes were waiting to go out. Bytes held back on
 * purpose (corked while pieces arrive) and a backend that is slow to send are not the client's
 * stall, and do not count.
 */
import type { ServerResponse } from 'node:http';

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
