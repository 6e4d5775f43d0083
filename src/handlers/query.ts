/**
 * The Prometheus API passthrough (handwritten): the query routes, the label and series lookups
 * and the exemplar query, GET and POST forms. The client's raw query string and body go untouched
 * to the backend's route of the same name (a fixed path per endpoint, see src/proxy/endpoints.ts),
 * and the backend's status, body and Content-Type come back as a stream. The gateway answers by
 * itself only when it refuses a request, in the Prometheus envelope. Each step lives in
 * src/passthrough/, in the order the handler below calls them.
 */
import type { Middleware } from 'koa';
import type { GatewayState } from '../edge/request-state.ts';
import type { OperationId } from '../generated/routes.ts';
import { operations } from '../generated/routes.ts';
import { answerClient } from '../passthrough/answer.ts';
import { checkRequest, type CheckedRequest } from '../passthrough/check-request.ts';
import { watchClient } from '../passthrough/client.ts';
import type { PassthroughRoute, QueryHandlerDeps } from '../passthrough/deps.ts';
import { guard } from '../passthrough/guard.ts';
import { passthroughOf } from '../passthrough/passthrough.ts';
import { checkRawQuery, labelNameOf, readFormBody, rejectionOf, takeBodyReader } from '../passthrough/read-request.ts';
import { joinOrStart } from '../passthrough/share.ts';
import { takeSlot } from '../passthrough/take-slot.ts';
import { coalesceKey } from '../proxy/coalesce.ts';
import type { Endpoint } from '../proxy/endpoints.ts';
import { forwardRequestHeaders } from '../proxy/headers.ts';

export type { QueryHandlerDeps } from '../passthrough/deps.ts';

/** The operations whose route is a passthrough route. */
type PassthroughOperationId = { [K in OperationId]: (typeof operations)[K]['path'] extends PassthroughRoute ? K : never }[OperationId];

/** Creates the handler of one passthrough operation (`endpoint` is fixed per operation, never read from the path). */
export function createQueryHandler(operationId: PassthroughOperationId, endpoint: Endpoint, deps: QueryHandlerDeps): Middleware {
  const p = passthroughOf(operationId, operations[operationId].path, endpoint, deps);
  return async (ctx) => {
    const labelName = labelNameOf(ctx, p);
    const client = watchClient(ctx);
    // The request is read whole before a slot is taken: a slow or stalled upload holds no slot.
    const tokenId = (ctx.state as GatewayState).tokenId;
    const reading = takeBodyReader(ctx, p, tokenId);
    let request: CheckedRequest;
    try {
      checkRawQuery(ctx.querystring, p);
      const body = reading ? await readFormBody(ctx, p) : undefined;
      request = checkRequest(p, labelName, ctx.querystring, body);
    } catch (error) {
      p.reject(rejectionOf(error));
      throw error;
    } finally {
      reading?.();
    }
    if (client.closed) return; // the client left while its body was read
    guard(request, p);
    // Identical requests in flight share one backend answer; every check above applies to each.
    const forwarded = forwardRequestHeaders(ctx.req.headers);
    const key = coalesceKey(endpoint, labelName, ctx.method, request.params, forwarded);
    const taken = takeSlot(p, client, tokenId, key);
    if (taken !== true && !(await taken)) return; // the client left while it waited
    joinOrStart(p, client, request, key, forwarded);
    await answerClient(ctx, p, client.reader!, request);
  };
}
