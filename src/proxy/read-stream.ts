/**
 * Reads a backend body to its end (the passthrough reads error bodies whole) with plain events,
 * and bounded: what is past the limit is drained, not kept.
 */
import type { Readable } from 'node:stream';

/** Why a body could not be read to its end. */
export class StreamReadError extends Error {
  override name = 'StreamReadError';
  readonly code = 'ERR_STREAM_READ';
}

/**
 * Reads `stream` to its end, keeping its first `keepBytes` bytes (the rest is drained). Rejects
 * when the stream fails or closes before its end.
 */
export function readStream(stream: Readable, keepBytes = Infinity): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      if (kept >= keepBytes) return;
      const part = kept + chunk.length > keepBytes ? chunk.subarray(0, keepBytes - kept) : chunk;
      chunks.push(part);
      kept += part.length;
    });
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, kept)));
    stream.once('error', (cause) => reject(new StreamReadError('the body failed before its end', { cause })));
    // After 'end' this is a no-op; without an 'end' first, the body was cut short.
    stream.once('close', () => reject(new StreamReadError('the body closed before its end')));
  });
}
