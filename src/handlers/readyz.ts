/** GET /readyz (handwritten): readiness for load balancers and orchestrators, 200 when ready and 503 otherwise. */
import type { Middleware } from 'koa';
import type { Readiness } from '../health/readiness.ts';
import { createStateHandler } from './health.ts';

/** Creates the readiness handler over the readiness state. */
export function createReadyzHandler(readiness: Readiness): Middleware {
  return createStateHandler(() => readiness.read());
}
