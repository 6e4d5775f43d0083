/** Label values of the HTTP metrics, from the closed sets catalog.yaml declares. */
import type { LayerHttpRequestsTotalLabels } from '../generated/metrics.ts';

/** The `route` label: a route template, or `unmatched`. */
export type HttpRoute = LayerHttpRequestsTotalLabels['route'];

/** The `method` label. */
export type HttpMethod = LayerHttpRequestsTotalLabels['method'];

const METHODS = new Set<string>(['GET', 'POST', 'HEAD', 'OPTIONS']);

/** The route label of a matched OpenAPI path, or `unmatched`. */
export function httpRouteLabel(path: string | undefined): HttpRoute {
  return (path ?? 'unmatched') as HttpRoute;
}

/** The method label: methods outside the set count as `other`, so a scanner cannot grow the series. */
export function httpMethodLabel(method: string): HttpMethod {
  return (METHODS.has(method) ? method : 'other') as HttpMethod;
}
