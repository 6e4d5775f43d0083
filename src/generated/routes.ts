/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */

import type Router from '@koa/router';
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
  readonly validation: 'router' | 'handler';
}

/** Every operation of openapi.yaml, keyed by operationId, in document order. */
export const operations = {
  getMetrics: { operationId: "getMetrics", method: "GET", path: "/metrics", auth: "configurable", errors: "json", validation: "router" },
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
  buildInfo: { operationId: "buildInfo", method: "GET", path: "/v2/metrics/api/v1/status/buildinfo", auth: "bearer", errors: "prometheus", validation: "router" },
  buildInfoPost: { operationId: "buildInfoPost", method: "POST", path: "/v2/metrics/api/v1/status/buildinfo", auth: "bearer", errors: "prometheus", validation: "router" },
  getRules: { operationId: "getRules", method: "GET", path: "/v2/metrics/api/v1/rules", auth: "bearer", errors: "prometheus", validation: "router" },
  getAlerts: { operationId: "getAlerts", method: "GET", path: "/v2/metrics/api/v1/alerts", auth: "bearer", errors: "prometheus", validation: "router" },
  getCatalog: { operationId: "getCatalog", method: "GET", path: "/v2/metrics/catalog", auth: "bearer", errors: "json", validation: "router" },
  getCatalogEntry: { operationId: "getCatalogEntry", method: "GET", path: "/v2/metrics/catalog/{name}", auth: "bearer", errors: "json", validation: "router" },
} as const satisfies Record<string, OperationSpec>;

/** Any operationId of openapi.yaml. */
export type OperationId = keyof typeof operations;

/** One handler per operation of openapi.yaml: a missing or misnamed one fails type-checking. */
export type Handlers = { readonly [K in OperationId]: Middleware };

/** A request's context once the router matched it: path parameters by name, percent-decoded. */
export type RoutedContext = Context & { params: Record<string, string> };

/** Turns an operation and its handler into the one middleware the router runs for it (auth, validation, handler). */
export type BindOperation = (op: OperationSpec, handler: Middleware) => Middleware;

/** Registers every operation of openapi.yaml on `router`, named by operationId, with the steps `bind` builds. */
export function registerOperations(router: Router, handlers: Handlers, bind: BindOperation): void {
  router.get("getMetrics", "/metrics", bind(operations.getMetrics, handlers.getMetrics));
  router.get("getHealth", "/health", bind(operations.getHealth, handlers.getHealth));
  router.get("getObservePage", "/observe", bind(operations.getObservePage, handlers.getObservePage));
  router.get("getObserveAsset", "/observe/assets/:file", bind(operations.getObserveAsset, handlers.getObserveAsset));
  router.get("getLivez", "/livez", bind(operations.getLivez, handlers.getLivez));
  router.get("getReadyz", "/readyz", bind(operations.getReadyz, handlers.getReadyz));
  router.get("queryInstant", "/v2/metrics/api/v1/query", bind(operations.queryInstant, handlers.queryInstant));
  router.post("queryInstantPost", "/v2/metrics/api/v1/query", bind(operations.queryInstantPost, handlers.queryInstantPost));
  router.get("queryInstantAlias", "/v2/metrics/query", bind(operations.queryInstantAlias, handlers.queryInstantAlias));
  router.post("queryInstantAliasPost", "/v2/metrics/query", bind(operations.queryInstantAliasPost, handlers.queryInstantAliasPost));
  router.get("queryRange", "/v2/metrics/api/v1/query_range", bind(operations.queryRange, handlers.queryRange));
  router.post("queryRangePost", "/v2/metrics/api/v1/query_range", bind(operations.queryRangePost, handlers.queryRangePost));
  router.get("queryRangeAlias", "/v2/metrics/query_range", bind(operations.queryRangeAlias, handlers.queryRangeAlias));
  router.post("queryRangeAliasPost", "/v2/metrics/query_range", bind(operations.queryRangeAliasPost, handlers.queryRangeAliasPost));
  router.get("labelNames", "/v2/metrics/api/v1/labels", bind(operations.labelNames, handlers.labelNames));
  router.post("labelNamesPost", "/v2/metrics/api/v1/labels", bind(operations.labelNamesPost, handlers.labelNamesPost));
  router.get("labelValues", "/v2/metrics/api/v1/label/:name/values", bind(operations.labelValues, handlers.labelValues));
  router.get("series", "/v2/metrics/api/v1/series", bind(operations.series, handlers.series));
  router.post("seriesPost", "/v2/metrics/api/v1/series", bind(operations.seriesPost, handlers.seriesPost));
  router.get("queryExemplars", "/v2/metrics/api/v1/query_exemplars", bind(operations.queryExemplars, handlers.queryExemplars));
  router.post("queryExemplarsPost", "/v2/metrics/api/v1/query_exemplars", bind(operations.queryExemplarsPost, handlers.queryExemplarsPost));
  router.get("metadata", "/v2/metrics/api/v1/metadata", bind(operations.metadata, handlers.metadata));
  router.get("buildInfo", "/v2/metrics/api/v1/status/buildinfo", bind(operations.buildInfo, handlers.buildInfo));
  router.post("buildInfoPost", "/v2/metrics/api/v1/status/buildinfo", bind(operations.buildInfoPost, handlers.buildInfoPost));
  router.get("getRules", "/v2/metrics/api/v1/rules", bind(operations.getRules, handlers.getRules));
  router.get("getAlerts", "/v2/metrics/api/v1/alerts", bind(operations.getAlerts, handlers.getAlerts));
  router.get("getCatalog", "/v2/metrics/catalog", bind(operations.getCatalog, handlers.getCatalog));
  router.get("getCatalogEntry", "/v2/metrics/catalog/:name", bind(operations.getCatalogEntry, handlers.getCatalogEntry));
}
