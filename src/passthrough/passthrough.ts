/** What a passthrough operation derives from its dependencies once, when its handler is built. */
import type { OperationId } from '../generated/routes.ts';
import { LINGER_MS } from '../proxy/coalesce.ts';
import type { Endpoint } from '../proxy/endpoints.ts';
import { rawParamsBound } from '../proxy/query-length.ts';
import type { Passthrough, PassthroughRoute, QueryHandlerDeps, Rejection } from './deps.ts';
import { UpstreamMetrics } from './upstream-metrics.ts';

/** Counts refusals of `endpoint` in layer_proxy_rejections_total. */
export function rejecter({ metrics }: QueryHandlerDeps, endpoint: Endpoint): (reason: Rejection) => void {
  return (reason) => metrics.layer_proxy_rejections_total.inc({ endpoint, reason });
}

/** Builds the fixed part of one passthrough operation. */
export function passthroughOf(operationId: OperationId, route: PassthroughRoute, endpoint: Endpoint, deps: QueryHandlerDeps): Passthrough {
  return {
    deps,
    endpoint,
    operationId,
    route,
    rawBound: rawParamsBound(endpoint, deps.queryLength, deps.matchLimits),
    // A complete range answer may still be joined for LINGER_MS.
    answerLimits: endpoint === 'query_range' ? { ...deps.buffer, lingerMs: LINGER_MS } : deps.buffer,
    upstreamMetrics: new UpstreamMetrics(deps.metrics, deps.batch, deps.upstreamInFlight),
    reject: rejecter(deps, endpoint),
  };
}
