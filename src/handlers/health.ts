/** GET /health (handwritten): the background snapshot, 200 when ok and 503 when degraded. */
import type { Middleware } from 'koa';
import type { HealthSnapshot } from '../health/snapshot.ts';

/** A handler answering a state kept in the background: its status and body as `read` gives them, never cached. */
export function createStateHandler(read: () => { status: number; body: object }): Middleware {
  return (ctx) => {
    const { status, body } = read();
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };
}

/** Creates the health handler over a snapshot. */
export function createHealthHandler(snapshot: HealthSnapshot): Middleware {
  return createStateHandler(() => snapshot.read());
}
