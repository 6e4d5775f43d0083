/**
 * Spots backend answers marked `"isPartial":true` as they pass, without changing a byte of them.
 * A VictoriaMetrics cluster sets it when some storage nodes did not answer: the query succeeds,
 * with incomplete data. VictoriaMetrics writes the field right after `"status"`, at the start of
 * the JSON, so only the first bytes are looked at, decompressed when the backend compressed them.
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { UpstreamResponse } from './upstream.ts';

/** How much of the decoded start is searched for the field. */
export const HEAD_BYTES = 1024;

// Compressed input tried in turn until it decodes to ENOUGH bytes: a brotli or deflate stream can
// open with kilobytes of code tables before its first byte of output.
const INPUT_LIMITS = [HEAD_BYTES, 4 * HEAD_BYTES, 16 * HEAD_BYTES, 64 * HEAD_BYTES];
// The envelope's first fields, `{"status":"success","isPartial":true`, fit in this.
const ENOUGH = 64;
// A start that decodes to more than this is not a query answer.
const MAX_DECODED = 1024 * 1024;
const PARTIAL = /"isPartial"\s*:\s*true/;
const CAPITAL_P = 0x50;

/** Whether the first HEAD_BYTES of `start` hold a `P`. */
function hasCapitalP(start: Buffer): boolean {
  return (start.length > HEAD_BYTES ? start.subarray(0, HEAD_BYTES) : start).indexOf(CAPITAL_P) !== -1;
}

/** Whether the start of an uncompressed answer marks it partial. */
export function isPartialAnswer(head: Buffer): boolean {
  return PARTIAL.test(head.toString('latin1', 0, Math.min(head.length, HEAD_BYTES)));
}

/** `input` decoded as far as it goes, or undefined for an encoding it cannot read. */
function decode(input: Buffer, encoding: string): Buffer | undefined {
  // A truncated stream is expected here: flush what decodes instead of failing at its end.
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECODED };
  try {
    if (encoding === 'identity' || encoding === '') return input;
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(input, options);
    if (encoding === 'deflate') return zlib.inflateSync(input, options);
    if (encoding === 'br') return zlib.brotliDecompressSync(input, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: MAX_DECODED });
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Whether a body whose first bytes are `start` is marked partial; undefined while more bytes are
 * needed to tell (`complete`: `start` is the whole body).
 */
export function partialVerdict(start: Buffer, contentEncoding: string | undefined, complete: boolean): boolean | undefined {
  // The field's name holds a capital P: an uncompressed start without one cannot be marked, which
  // one byte search tells without decoding the start to text.
  if (contentEncoding === undefined && !hasCapitalP(start)) return start.length >= HEAD_BYTES || complete ? false : undefined;
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  for (const limit of INPUT_LIMITS) {
    if (start.length < limit && !complete) return undefined;
    const decoded = decode(start.subarray(0, limit), encoding);
    if (decoded === undefined) return false;
    if (decoded.length >= ENOUGH || start.length <= limit) return isPartialAnswer(decoded);
  }
  return false;
}

/** Calls `onPartial` once enough of `body` is seen to tell that it is marked partial. */
function watchStream(body: Readable, contentEncoding: string | undefined, onPartial: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let nextCheck = INPUT_LIMITS[0]!;
  const settle = (complete: boolean) => {
    const verdict = partialVerdict(Buffer.concat(chunks, size), contentEncoding, complete);
    if (verdict === undefined) {
      nextCheck = INPUT_LIMITS.find((limit) => limit > size) ?? Infinity;
      return;
    }
    body.off('data', take);
    body.off('end', end);
    chunks.length = 0;
    if (verdict) onPartial();
  };
  // A second 'data' listener sees the same chunks as the one forwarding them; it only keeps references.
  const take = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= nextCheck) settle(false);
  };
  const end = () => settle(true);
  body.on('data', take);
  body.once('end', end);
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
        if (partialVerdict(response.bytes, contentEncoding, true)) onPartial(route);
        return;
      }
      watchStream(response.body, contentEncoding, () => onPartial(route));
    },
  };
}
