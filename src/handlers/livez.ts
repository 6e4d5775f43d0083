/** GET /livez (handwritten): liveness. Answers whenever the process serves requests; it checks no dependency. */
import type { Middleware } from 'koa';
import { jsonFields, writeAnswer } from '../edge/write-answer.ts';

const BODY = JSON.stringify({ status: 'ok' });
const FIELDS = jsonFields(BODY, 'Cache-Control', 'no-store');

/** Creates the liveness handler. */
export function createLivezHandler(): Middleware {
  return (ctx) => writeAnswer(ctx, 200, FIELDS, BODY);
}
