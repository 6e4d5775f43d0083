/**
 * Spots backend answers marked `"isPartial":true` as they pass, without changing a byte of them.
 * A VictoriaMetrics cluster sets it when some storage nodes did not answer: the query succeeds,
 * with incomplete data. VictoriaMetrics writes the field right after `"status"`, at the start of
 * the JSON, so only the first bytes are looked at (decompressed when the backend compressed them).
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { UpstreamResponse } from './upstream.ts';

/** How much of a body's start is looked at, compressed or not. */
export const HEAD_BYTES = 1024;

// Enough for the envelope's first fields; more output from HEAD_BYTES of input is not a query answer.
const MAX_DECODED = 64 * 1024;
const PARTIAL = /"isPartial"\s*:\s*true/;

/** Whether the start of an uncompressed answer marks it partial. */
export function isPartialAnswer(head: Buffer): boolean {
  return PARTIAL.test(head.toString('latin1', 0, Math.min(head.length, HEAD_BYTES)));
}

/** The decoded start of a possibly compressed body start, or undefined for an encoding it cannot read. */
function decodeHead(head: Buffer, contentEncoding: string | undefined): Buffer | undefined {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  // A truncated stream is expected here: flush what decodes instead of failing at its end.
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECODED };
  try {
    if (encoding === 'identity' || encoding === '') return head;
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(head, options);
    if (encoding === 'deflate') return zlib.inflateSync(head, options);
    if (encoding === 'br') return zlib.brotliDecompressSync(head, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: MAX_DECODED });
  } catch {
    return undefined;
  }
  return undefined;
}

/** Calls `onPartial` once the first HEAD_BYTES of `body` (or all of it, if shorter) are seen and mark it partial. */
function watchStream(body: Readable, contentEncoding: string | undefined, onPartial: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const decide = () => {
    body.off('data', take);
    body.off('end', decide);
    const decoded = decodeHead(Buffer.concat(chunks, size), contentEncoding);
    if (decoded !== undefined && isPartialAnswer(decoded)) onPartial();
  };
  // A second 'data' listener sees the same chunks as the one forwarding them; it only keeps references.
  const take = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= HEAD_BYTES) decide();
  };
  body.on('data', take);
  body.once('end', decide);
}

/** Watches successful passthrough answers for the partial mark. */
export interface PartialAnswers<Route extends string> {
  /** Looks at the answer's start as it passes; calls back with `route` when it is marked partial. */
  watch(route: Route, response: UpstreamResponse, contentEncoding: string | undefined): void;
}

/** Creates the watcher; `onPartial` is called once per partial answer. */
export function createPartialAnswers<Route extends string>(onPartial: (route: Route) => void): PartialAnswers<Route> {
  return {
    watch(route, response, contentEncoding) {
      if (response.bytes) {
        const decoded = decodeHead(response.bytes.subarray(0, HEAD_BYTES), contentEncoding);
        if (decoded !== undefined && isPartialAnswer(decoded)) onPartial(route);
        return;
      }
      watchStream(response.body, contentEncoding, () => onPartial(route));
    },
  };
}
