/**
 * The Prometheus API passthrough (handwritten): the query routes, the label and series lookups
 * and the exemplar query, GET and POST forms. The client's raw query string and body go untouched
 * to the backend's route of the same name (a fixed path per endpoint, see src/proxy/endpoints.ts),
 * and the backend's status, body and Content-Type come back as a stream. The gateway answers by
 * itself only when it refuses a request, in the Prometheus envelope. Each step lives in
 * src/passthrough/, in the order the handler below calls them.
 */
import type { Context, Middleware } from 'koa';
import type { GatewayState } from '../edge/request-state.ts';
import type { OperationId } from '../generated/routes.ts';
import { operations } from '../generated/routes.ts';
import { answerClient } from '../passthrough/answer.ts';
import { checkRequest, type CheckedRequest } from '../passthrough/check-request.ts';
import { watchClient, type Client } from '../passthrough/client.ts';
import type { Passthrough, PassthroughRoute, QueryHandlerDeps } from '../passthrough/deps.ts';
import { guard } from '../passthrough/guard.ts';
import { passthroughOf } from '../passthrough/passthrough.ts';
import { checkRawQuery, labelNameOf, readFormBody, rejectionOf, takeBodyReader } from '../passthrough/read-request.ts';
import { joinOrStart } from '../passthrough/share.ts';
import { takeSlot } from '../passthrough/take-slot.ts';
import { CoalesceKey } from '../proxy/coalesce.ts';
import type { Endpoint } from '../proxy/endpoints.ts';
import { forwardRequestHeaders } from '../proxy/headers.ts';
import type { Release } from '../proxy/limiter.ts';

export type { QueryHandlerDeps } from '../passthrough/deps.ts';

/** The operations whose route is a passthrough route. */
type PassthroughOperationId = { [K in OperationId]: (typeof operations)[K]['path'] extends PassthroughRoute ? K : never }[OperationId];

/** Creates the handler of one passthrough operation (`endpoint` is fixed per operation, never read from the path). */
export function createQueryHandler(operationId: PassthroughOperationId, endpoint: Endpoint, deps: QueryHandlerDeps): Middleware {
  const p = passthroughOf(operationId, operations[operationId].path, endpoint, deps);
  // Not async: a GET that finds a free slot runs synchronously up to the backend call, and its
  // promise is the answer's own, with no async frame of the handler around it.
  return (ctx) => {
    const labelName = labelNameOf(ctx, p);
    const client = watchClient(ctx);
    const tokenId = (ctx.state as GatewayState).tokenId;
    // The request is read whole before a slot is taken: a slow or stalled upload holds no slot.
    const reading = takeBodyReader(ctx, p, tokenId);
    if (reading) return readThenAnswer(ctx, p, client, tokenId, labelName, reading);
    let request: CheckedRequest;
    try {
      checkRawQuery(ctx.querystring, p);
      request = checkRequest(p, labelName, ctx.querystring, undefined);
    } catch (error) {
      p.reject(rejectionOf(error));
      throw error;
    }
    return answer(ctx, p, client, tokenId, request);
  };
}

/** A POST: its form body read whole while it holds a body-reader slot (`reading`), then answered. */
async function readThenAnswer(ctx: Context, p: Passthrough, client: Client, tokenId: string | undefined, labelName: string | undefined, reading: Release): Promise<void> {
  let request: CheckedRequest;
  try {
    checkRawQuery(ctx.querystring, p);
    const body = await readFormBody(ctx, p);
    request = checkRequest(p, labelName, ctx.querystring, body);
  } catch (error) {
    p.reject(rejectionOf(error));
    throw error;
  } finally {
    reading();
  }
  if (client.closed) return; // the client left while its body was read
  return answer(ctx, p, client, tokenId, request);
}

/** Guards a checked request, takes its slot, joins an identical answer or forwards it, and answers. */
function answer(ctx: Context, p: Passthrough, client: Client, tokenId: string | undefined, request: CheckedRequest): Promise<void> {
  guard(request, p);
  // Identical requests in flight share one backend answer; every check above applies to each.
  const forwarded = forwardRequestHeaders(ctx.req.headers);
  const key = new CoalesceKey(p.endpoint, request.labelName, ctx.method, request.params, forwarded);
  const taken = takeSlot(p, client, tokenId, key);
  if (taken !== true) return answerAfterWait(ctx, p, client, request, key, forwarded, taken);
  joinOrStart(p, client, request, key, forwarded);
  return answerClient(ctx, p, client.reader!, request);
}

/** Answers once a slot is granted; nothing when the client left while it waited. */
async function answerAfterWait(ctx: Context, p: Passthrough, client: Client, request: CheckedRequest, key: CoalesceKey, forwarded: Record<string, string>, taken: Promise<boolean>): Promise<void> {
  if (!(await taken)) return;
  joinOrStart(p, client, request, key, forwarded);
  await answerClient(ctx, p, client.reader!, request);
}
