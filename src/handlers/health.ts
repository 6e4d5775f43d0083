/** GET /health (handwritten): the background snapshot, 200 when ok and 503 when degraded. */
import type { Middleware } from 'koa';
import type { HealthSnapshot } from '../health/snapshot.ts';

/** Creates the health handler over a snapshot. */
export function createHealthHandler(snapshot: HealthSnapshot): Middleware {
  return (ctx) => {
    const { status, body } = snapshot.read();
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };
}
