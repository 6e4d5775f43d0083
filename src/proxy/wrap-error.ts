/**
 * Backend errors on their way to the client. They are small, so they are read whole: a JSON error
 * passes through byte for byte unless it names the backend (a vmselect names the vmstorage nodes it
 * failed to reach), and a plain-text one (vmsingle's concurrency limit) is wrapped in the
 * Prometheus envelope with its status kept. Either way the backend's address, host name and path
 * prefix are replaced by `[backend]`.
 */
import type { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { readStream } from './read-stream.ts';

/** At most this much of an error body is kept; the rest is drained. */
const MAX_ERROR_BYTES = 1024 * 1024;

const DECODERS: Record<string, (data: Buffer) => Buffer> = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

/** Reads an error body (bounded), decoding Content-Encoding so the text can be checked. */
export async function readErrorBody(response: { bytes?: Buffer; body?: Readable }, contentEncoding: string | undefined): Promise<string> {
  let data = response.bytes ? response.bytes.subarray(0, MAX_ERROR_BYTES) : response.body ? await readStream(response.body, MAX_ERROR_BYTES) : Buffer.alloc(0);
  const decode = contentEncoding ? DECODERS[contentEncoding.trim().toLowerCase()] : undefined;
  if (decode) {
    try {
      data = decode(data);
    } catch {
      return `the metrics backend sent an error body that could not be decoded (${contentEncoding})`;
    }
  }
  return data.toString('utf8');
}

/** Replaces every secret (longest first, so an origin goes before its host) with `[backend]`. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  const ordered = secrets.filter((s): s is string => typeof s === 'string' && s.length > 1).sort((a, b) => b.length - a.length);
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join('[backend]');
  return out;
}

/** The envelope for a plain-text backend error, its text redacted. */
export function wrapErrorText(status: number, text: string, secrets: readonly (string | undefined)[]): string {
  const error = redactText(text.trim(), secrets) || `the metrics backend answered ${status}`;
  return JSON.stringify({ status: 'error', errorType: String(status), error });
}

/** Whether a Content-Type is JSON. */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(.+\+)?json\b/i.test(contentType);
}
