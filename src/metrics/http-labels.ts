/** Label values of the HTTP metrics, from the closed sets catalog.yaml declares. */
import type { LayerHttpRequestsTotalLabels } from '../generated/metrics.ts';
import type { Operation } from '../generated/routes.ts';

/** The `route` label: a route template, or `unmatched`. */
export type HttpRoute = LayerHttpRequestsTotalLabels['route'];

/** The `method` label. */
export type HttpMethod = LayerHttpRequestsTotalLabels['method'];

const METHODS = new Set<string>(['GET', 'POST', 'HEAD', 'OPTIONS']);

/**
 * The route label of a matched operation's path template, or `unmatched`. It type-checks only
 * while every path of openapi.yaml is a `route` value in catalog.yaml; `npm run generate` checks
 * the other direction (no `route` value without its path).
 */
export function httpRouteLabel(path: Operation['path'] | undefined): HttpRoute {
  return path ?? 'unmatched';
}

/** The method label: methods outside the set count as `other`, so a scanner cannot grow the series. */
export function httpMethodLabel(method: string): HttpMethod {
  return (METHODS.has(method) ? method : 'other') as HttpMethod;
}
