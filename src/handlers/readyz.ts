/** GET /readyz (handwritten): readiness for load balancers and orchestrators, 200 when ready and 503 otherwise. */
import type { Middleware } from 'koa';
import type { Readiness } from '../health/readiness.ts';

/** Creates the readiness handler over the readiness state. */
export function createReadyzHandler(readiness: Readiness): Middleware {
  return (ctx) => {
    const { status, body } = readiness.read();
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };
}
