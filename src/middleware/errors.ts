/**
 * The one place errors become responses (Koa's `ctx.onerror` does the same for its own errors):
 * query routes answer in the Prometheus envelope, every other route with the gateway's JSON error.
 * A message reaches the client only when the error is exposable; anything else is logged and
 * answered with a generic 500 carrying the request id.
 */
import type { Context } from 'koa';
import { GatewayError, errorTypeOf } from '../errors.ts';
import type { components } from '../generated/api-types.ts';
import type { OperationSpec } from '../generated/routes.ts';

/** Per-request state the gateway's middleware share through `ctx.state`. */
export interface GatewayState {
  requestId: string;
  /** The operation the router matched; unset for unknown routes. */
  operation?: OperationSpec;
  /** Error format when no operation matched (a 405 on a query path still answers Prometheus-style). */
  errors?: 'prometheus' | 'json';
  /** Short non-secret id of the API token the request carried (set by edge auth). */
  tokenId?: string;
}

/** Something that can log an unexpected error. */
export interface ErrorLogger {
  error(obj: object, msg?: string): void;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Renders a thrown error as the route's error body. */
export function renderError(ctx: Context, error: unknown, logger: ErrorLogger): void {
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
      ? JSON.stringify({ status: 'error', errorType: known ? error.errorType : errorTypeOf(status), error: message } satisfies components['schemas']['PromError'])
      : JSON.stringify({ code: known ? error.code : status >= 500 ? 'ERR_INTERNAL' : 'ERR_BAD_REQUEST', message, request_id: state.requestId } satisfies components['schemas']['Error']);
}

/**
 * Answers an error thrown while serving a request. When the response has started it is too late
 * for an error body: the connection is cut so the client cannot take a truncated response for a
 * complete one.
 */
export function answerError(ctx: Context, error: unknown, logger: ErrorLogger): void {
  if (ctx.headerSent || !ctx.writable) {
    ctx.req.socket.destroy();
    return;
  }
  renderError(ctx, error, logger);
}
