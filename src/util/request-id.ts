/**
 * Request ids: a random prefix drawn once per process, then a counter. Unique within a process,
 * and across processes as far as 48 random bits go, which is what log correlation needs; they are
 * not secrets. A counter costs a fraction of drawing a random UUID per request, which would be a
 * visible share of a small request's CPU (figures in docs/decisions.md).
 */
import { randomBytes } from 'node:crypto';

const prefix = `${randomBytes(6).toString('hex')}-`;
let sequence = 0;

/** The next request id, e.g. `3f9a0c2d41be-1k7`. */
export function nextRequestId(): string {
  sequence += 1;
  return prefix + sequence.toString(36);
}
