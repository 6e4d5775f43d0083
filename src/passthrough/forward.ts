/**
 * Forwarding to the backend with a promise of its response, counted in flight: the metadata route's
 * backend call. A passthrough's shared answer sends through Upstream.sendTo instead (share.ts).
 */
import type { Upstream, UpstreamCall, UpstreamRequest } from '../proxy/upstream.ts';
import type { UpstreamMetrics } from './upstream-metrics.ts';

/** A backend request under way, counted in flight until `settled` is called with `started`. */
export interface Forwarded {
  call: UpstreamCall;
  started: number;
}

/** Sends one request to the backend, counted in layer_upstream_in_flight_requests from now. */
export function forward(upstream: Upstream, upstreamMetrics: UpstreamMetrics, request: UpstreamRequest): Forwarded {
  const started = upstreamMetrics.started();
  return { call: upstream.send(request), started };
}

