/**
 * Reads a request body up to a byte limit. A Content-Length over the limit is refused before a
 * byte is read; a chunked body is refused as soon as it passes the limit. Either way nothing has
 * reached the backend yet.
 */
import type { IncomingMessage } from 'node:http';
import { BadRequestError, PayloadTooLargeError } from '../errors.ts';

/** The body as a Buffer, or the 413/400 to answer with. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | PayloadTooLargeError | BadRequestError> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume(); // drain so the connection can answer; nothing is kept
    return new PayloadTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        req.resume();
        return new PayloadTooLargeError(limit);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (cause) {
    return new BadRequestError('the request body could not be read to its end; send it again', { cause });
  }
  return Buffer.concat(chunks, size);
}
