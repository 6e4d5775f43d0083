/**
 * Reads a request body up to a byte limit and within a deadline. A Content-Length over the limit
 * is refused before a byte is read; a chunked body is refused as soon as it passes the limit; a
 * body that has not arrived whole by the deadline is refused with 408 (and its connection closed,
 * since the rest of it may still come). Either way nothing has reached the backend yet.
 */
import type { IncomingMessage } from 'node:http';
import { BadRequestError, PayloadTooLargeError, RequestTimeoutError } from '../errors.ts';

/** The body as a Buffer; rejects with the 413/408/400 to answer with. */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume(); // drain so the connection can answer; nothing is kept
    return Promise.reject(new PayloadTooLargeError(limit));
  }
  // A request without a body, which the server hands over already ended (src/wiring/http-server.ts):
  // its 'end' is not coming.
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('close', onFailure);
    };
    const fail = (error: PayloadTooLargeError | RequestTimeoutError | BadRequestError) => {
      stop();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(new PayloadTooLargeError(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    // 'close' without 'end': the client left, or the connection was cut, before the body's end.
    const onFailure = (cause?: unknown) => fail(new BadRequestError('the request body could not be read to its end; send it again', { cause }));
    const timer = setTimeout(() => {
      req.pause();
      fail(new RequestTimeoutError(`the request body did not arrive whole within ${timeoutMs} ms (LAYER_PROXY_BODY_TIMEOUT_MS); send it at once`));
    }, timeoutMs);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onFailure);
    req.once('close', onFailure);
  });
}
