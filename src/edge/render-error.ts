/**
 * The one place a thrown error becomes a response (Koa's `ctx.onerror` does the same for its own errors):
 * query routes answer in the Prometheus envelope, every other route with the gateway's JSON error.
 * A message reaches the client only when the error is exposable; anything else is logged and
 * answered with a generic 500 carrying the request id.
 */
import type { Context } from 'koa';
import { GatewayError, errorTypeOf } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { gatewayErrorBody, promErrorBody } from './error-body.ts';
import type { GatewayState } from './request-state.ts';

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Renders a thrown error as the route's error body. */
export function renderError(ctx: Context, error: unknown, logger: Pick<Logger, 'error'>): void {
  const state = ctx.state as GatewayState;
  const known = error instanceof GatewayError;
  const status = known ? error.status : statusOf(error);
  // Koa and the HTTP parser mark their own client errors as exposable (status < 500).
  const expose = known ? error.expose : status < 500 && (error as { expose?: boolean }).expose === true;
  if (!known || status >= 500) logger.error({ err: error, requestId: state.requestId }, 'request failed');
  const message = expose && error instanceof Error ? error.message : `internal error; quote request id ${state.requestId} when reporting it`;
  const format = state.operation?.errors ?? state.errors ?? 'json';

  ctx.status = status;
  if (known) for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
  ctx.type = 'application/json';
  ctx.body =
    format === 'prometheus'
      ? JSON.stringify(promErrorBody(known ? error.errorType : errorTypeOf(status), message))
      : JSON.stringify(gatewayErrorBody(known ? error.code : status >= 500 ? 'ERR_INTERNAL' : 'ERR_BAD_REQUEST', message, state.requestId));
}

/**
 * Answers an error thrown while serving a request. When the response has started it is too late
 * for an error body: the connection is cut so the client cannot take a truncated response for a
 * complete one.
 */
export function answerError(ctx: Context, error: unknown, logger: Pick<Logger, 'error'>): void {
  if (ctx.headerSent || !ctx.writable) {
    ctx.req.socket.destroy();
    return;
  }
  renderError(ctx, error, logger);
}
