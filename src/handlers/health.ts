/** GET /health (handwritten): the background snapshot, 200 when ok and 503 when degraded. */
import type { Middleware } from 'koa';
import { jsonFields, writeAnswer } from '../edge/write-answer.ts';
import type { HealthSnapshot } from '../health/snapshot.ts';

/** A handler answering a state kept in the background: its status and body as `read` gives them, never cached. */
export function createStateHandler(read: () => { status: number; body: object }): Middleware {
  return (ctx) => {
    const { status, body } = read();
    const text = JSON.stringify(body);
    writeAnswer(ctx, status, jsonFields(text, 'Cache-Control', 'no-store'), text);
  };
}

/** Creates the health handler over a snapshot. */
export function createHealthHandler(snapshot: HealthSnapshot): Middleware {
  return createStateHandler(() => snapshot.read());
}
