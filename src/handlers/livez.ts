/** GET /livez (handwritten): liveness. Answers whenever the process serves requests; it checks no dependency. */
import type { Middleware } from 'koa';

const BODY = JSON.stringify({ status: 'ok' });

/** Creates the liveness handler. */
export function createLivezHandler(): Middleware {
  return (ctx) => {
    ctx.status = 200;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = BODY;
  };
}
