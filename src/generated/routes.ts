/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */

import type { Context, Middleware } from 'koa';

/** How an operation authenticates: not at all, by bearer token, or as LAYER_METRICS_AUTH says. */
export type AuthRequirement = 'none' | 'bearer' | 'configurable';

/** One operation of openapi.yaml. */
export interface OperationSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** The OpenAPI path template. */
  readonly path: string;
  readonly auth: AuthRequirement;
  /** Error body format: the Prometheus envelope, or the gateway's JSON error. */
  readonly errors: 'prometheus' | 'json';
  /** Who validates the request against the contract: the app before the handler, or the handler itself. */
  readonly validation: 'app' | 'handler';
}

/** Every operation of openapi.yaml, keyed by operationId, in document order. */
export const operations = {
  getMetrics: { operationId: "getMetrics", method: "GET", path: "/metrics", auth: "configurable", errors: "json", validation: "app" },
  getHealth: { operationId: "getHealth", method: "GET", path: "/health", auth: "none", errors: "json", validation: "handler" },
  getObservePage: { operationId: "getObservePage", method: "GET", path: "/observe", auth: "none", errors: "json", validation: "handler" },
  getObserveAsset: { operationId: "getObserveAsset", method: "GET", path: "/observe/assets/{file}", auth: "none", errors: "json", validation: "handler" },
  getLivez: { operationId: "getLivez", method: "GET", path: "/livez", auth: "none", errors: "json", validation: "handler" },
  getReadyz: { operationId: "getReadyz", method: "GET", path: "/readyz", auth: "none", errors: "json", validation: "handler" },
  queryInstant: { operationId: "queryInstant", method: "GET", path: "/v2/metrics/api/v1/query", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryInstantPost: { operationId: "queryInstantPost", method: "POST", path: "/v2/metrics/api/v1/query", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryInstantAlias: { operationId: "queryInstantAlias", method: "GET", path: "/v2/metrics/query", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryInstantAliasPost: { operationId: "queryInstantAliasPost", method: "POST", path: "/v2/metrics/query", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryRange: { operationId: "queryRange", method: "GET", path: "/v2/metrics/api/v1/query_range", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryRangePost: { operationId: "queryRangePost", method: "POST", path: "/v2/metrics/api/v1/query_range", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryRangeAlias: { operationId: "queryRangeAlias", method: "GET", path: "/v2/metrics/query_range", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryRangeAliasPost: { operationId: "queryRangeAliasPost", method: "POST", path: "/v2/metrics/query_range", auth: "bearer", errors: "prometheus", validation: "handler" },
  labelNames: { operationId: "labelNames", method: "GET", path: "/v2/metrics/api/v1/labels", auth: "bearer", errors: "prometheus", validation: "handler" },
  labelNamesPost: { operationId: "labelNamesPost", method: "POST", path: "/v2/metrics/api/v1/labels", auth: "bearer", errors: "prometheus", validation: "handler" },
  labelValues: { operationId: "labelValues", method: "GET", path: "/v2/metrics/api/v1/label/{name}/values", auth: "bearer", errors: "prometheus", validation: "handler" },
  series: { operationId: "series", method: "GET", path: "/v2/metrics/api/v1/series", auth: "bearer", errors: "prometheus", validation: "handler" },
  seriesPost: { operationId: "seriesPost", method: "POST", path: "/v2/metrics/api/v1/series", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryExemplars: { operationId: "queryExemplars", method: "GET", path: "/v2/metrics/api/v1/query_exemplars", auth: "bearer", errors: "prometheus", validation: "handler" },
  queryExemplarsPost: { operationId: "queryExemplarsPost", method: "POST", path: "/v2/metrics/api/v1/query_exemplars", auth: "bearer", errors: "prometheus", validation: "handler" },
  metadata: { operationId: "metadata", method: "GET", path: "/v2/metrics/api/v1/metadata", auth: "bearer", errors: "prometheus", validation: "handler" },
  buildInfo: { operationId: "buildInfo", method: "GET", path: "/v2/metrics/api/v1/status/buildinfo", auth: "bearer", errors: "prometheus", validation: "app" },
  buildInfoPost: { operationId: "buildInfoPost", method: "POST", path: "/v2/metrics/api/v1/status/buildinfo", auth: "bearer", errors: "prometheus", validation: "app" },
  getRules: { operationId: "getRules", method: "GET", path: "/v2/metrics/api/v1/rules", auth: "bearer", errors: "prometheus", validation: "app" },
  getAlerts: { operationId: "getAlerts", method: "GET", path: "/v2/metrics/api/v1/alerts", auth: "bearer", errors: "prometheus", validation: "app" },
  getCatalog: { operationId: "getCatalog", method: "GET", path: "/v2/metrics/catalog", auth: "bearer", errors: "json", validation: "app" },
  getCatalogEntry: { operationId: "getCatalogEntry", method: "GET", path: "/v2/metrics/catalog/{name}", auth: "bearer", errors: "json", validation: "app" },
} as const satisfies Record<string, OperationSpec>;

/** Any operationId of openapi.yaml. */
export type OperationId = keyof typeof operations;

/** One row of the table, its path one of openapi.yaml's path templates (a literal type). */
export type Operation = (typeof operations)[OperationId];

/** One handler per operation of openapi.yaml: a missing or misnamed one fails type-checking. */
export type Handlers = { readonly [K in OperationId]: Middleware };

/** A request's context once the router matched it: path parameters by name, percent-decoded. */
export type RoutedContext = Context & { params: Record<string, string> };
