/**
 * Wraps a backend error that is not JSON (vmsingle answers its concurrency limit with plain text)
 * in the Prometheus envelope, keeping its status, so every client parses every error alike.
 */
import type { Readable } from 'node:stream';

/** At most this much of a non-JSON error body is kept; the rest is drained. */
const MAX_ERROR_TEXT = 16 * 1024;

/** Reads a bounded error text from the backend's body. */
export async function readErrorText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < MAX_ERROR_TEXT) chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_TEXT).toString('utf8').trim();
}

/** The envelope for a backend error text; `redact` lists strings (addresses, host names) to hide. */
export function wrapErrorText(status: number, text: string, redact: readonly string[]): string {
  let error = text || `the metrics backend answered ${status}`;
  for (const secret of redact) if (secret) error = error.split(secret).join('[backend]');
  return JSON.stringify({ status: 'error', errorType: String(status), error });
}

/** Whether a Content-Type is JSON. */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(.+\+)?json\b/i.test(contentType);
}
