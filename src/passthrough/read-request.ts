/** Reading a passthrough request: the label name, a body-reader slot, the raw bytes, each refused with its 4xx. */
import type { Context } from 'koa';
import { BadRequestError, GatewayError, RequestTimeoutError, TooManyRequestsError } from '../errors.ts';
import type { RoutedContext } from '../generated/routes.ts';
import { isLabelName, routeOf } from '../proxy/endpoints.ts';
import type { LimitRefusal, Release } from '../proxy/limiter.ts';
import { checkRawParamsSize, SelectorLimitError } from '../proxy/query-length.ts';
import { readBody } from '../proxy/read-body.ts';
import type { Passthrough, Rejection } from './deps.ts';

// A form body is ASCII; raw bytes outside it would be re-encoded (or refused) by Node on the way out.
const NON_ASCII_QUERY = /[^\x21-\x7e]/;
const NON_ASCII_BODY = /[^\t\r\n\x20-\x7e]/;

const TOO_MANY_BODIES: Record<LimitRefusal, string> = {
  concurrency: 'the gateway is receiving as many request bodies as it takes at once (LAYER_PROXY_MAX_CONCURRENT); retry after the given seconds',
  concurrency_per_token:
    'this API token is sending as many request bodies as it may at once (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN); retry after the given seconds',
};

/** The rejections reason of a request refused while it was read. */
export function rejectionOf(error: unknown): Rejection {
  if (error instanceof RequestTimeoutError) return 'body_timeout';
  if (error instanceof SelectorLimitError) return error.reason;
  return error instanceof GatewayError && error.status === 413 ? 'body_too_large' : 'bad_request';
}

/**
 * The label name of a label-values request, checked before anything else is read or sent: it
 * becomes a segment of the upstream path. Undefined for other endpoints.
 */
export function labelNameOf(ctx: Context, { endpoint, reject }: Passthrough): string | undefined {
  if (endpoint !== 'label_values') return undefined;
  const name = (ctx as RoutedContext).params.name ?? '';
  if (isLabelName(name)) return name;
  reject('bad_request');
  throw new BadRequestError(
    `"${name.slice(0, 64)}" is not a label name: ${routeOf(endpoint)} takes a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, such as __name__ or job)`,
  );
}

/**
 * Takes a slot for receiving a POST's body (per token too), so slow uploads cannot pile up in
 * memory; undefined for a GET. Over the cap, the 429 closes the connection: the unread body is
 * not worth receiving.
 */
export function takeBodyReader(ctx: Context, { deps, reject }: Passthrough, tokenId: string | undefined): Release | undefined {
  if (ctx.method !== 'POST') return undefined;
  const reading = deps.bodyReaders.tryAcquire(tokenId);
  if (typeof reading === 'function') return reading;
  reject(reading);
  throw new TooManyRequestsError(TOO_MANY_BODIES[reading], 1, { headers: { Connection: 'close' } });
}

/** Refuses a query string too long for any valid request, or not plain ASCII, before any body is read. */
export function checkRawQuery(rawQuery: string, { rawBound }: Passthrough): void {
  checkRawParamsSize(rawQuery.length, rawBound);
  if (NON_ASCII_QUERY.test(rawQuery)) {
    throw new BadRequestError('the query string contains raw bytes outside printable ASCII; percent-encode parameters (curl --data-urlencode)');
  }
}

/** Reads a POST's form body whole, or throws the 400/408/413 to answer; a body too large for any valid request is not read. */
export async function readFormBody(ctx: Context, { deps, rawBound }: Passthrough): Promise<Buffer> {
  // A body over LAYER_PROXY_MAX_BODY_BYTES is readBody's 413, whatever it holds. One too large for
  // any valid request is refused before it is read, and drained so the client reads the answer.
  const declared = Number(ctx.get('Content-Length') || 0);
  try {
    if (declared <= deps.maxBodyBytes) checkRawParamsSize(ctx.querystring.length + declared, rawBound);
  } catch (error) {
    ctx.req.resume();
    throw error;
  }
  const read = await readBody(ctx.req, deps.maxBodyBytes, deps.bodyTimeoutMs);
  checkRawParamsSize(ctx.querystring.length + read.length, rawBound);
  if (read.length > 0 && !ctx.is('application/x-www-form-urlencoded')) {
    throw new BadRequestError('POST bodies must be application/x-www-form-urlencoded (Content-Type header); send the parameters url-encoded');
  }
  if (NON_ASCII_BODY.test(read.toString('latin1'))) {
    throw new BadRequestError('the request body contains raw bytes outside printable ASCII; percent-encode parameters');
  }
  return read;
}
