/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */

import type { Context, Middleware } from 'koa';
import { Registry, type OpenMetricsContentType } from 'prom-client';
import { NotFoundError } from '../errors.ts';
import { catalogDocument, catalogEntryDocuments, type ServedDocument } from './catalog.ts';

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
  readonly handler: 'generated' | 'handwritten';
}

/** Every operation of openapi.yaml, keyed by operationId, in document order. */
export const operations = {
  getMetrics: { operationId: "getMetrics", method: "GET", path: "/metrics", auth: "configurable", errors: "json", handler: "generated" },
  getHealth: { operationId: "getHealth", method: "GET", path: "/health", auth: "none", errors: "json", handler: "handwritten" },
  getObservePage: { operationId: "getObservePage", method: "GET", path: "/observe", auth: "none", errors: "json", handler: "handwritten" },
  getObserveAsset: { operationId: "getObserveAsset", method: "GET", path: "/observe/assets/{file}", auth: "none", errors: "json", handler: "handwritten" },
  queryInstant: { operationId: "queryInstant", method: "GET", path: "/v2/metrics/api/v1/query", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryInstantPost: { operationId: "queryInstantPost", method: "POST", path: "/v2/metrics/api/v1/query", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryInstantAlias: { operationId: "queryInstantAlias", method: "GET", path: "/v2/metrics/query", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryInstantAliasPost: { operationId: "queryInstantAliasPost", method: "POST", path: "/v2/metrics/query", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryRange: { operationId: "queryRange", method: "GET", path: "/v2/metrics/api/v1/query_range", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryRangePost: { operationId: "queryRangePost", method: "POST", path: "/v2/metrics/api/v1/query_range", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryRangeAlias: { operationId: "queryRangeAlias", method: "GET", path: "/v2/metrics/query_range", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  queryRangeAliasPost: { operationId: "queryRangeAliasPost", method: "POST", path: "/v2/metrics/query_range", auth: "bearer", errors: "prometheus", handler: "handwritten" },
  getCatalog: { operationId: "getCatalog", method: "GET", path: "/v2/metrics/catalog", auth: "bearer", errors: "json", handler: "generated" },
  getCatalogEntry: { operationId: "getCatalogEntry", method: "GET", path: "/v2/metrics/catalog/{name}", auth: "bearer", errors: "json", handler: "generated" },
} as const satisfies Record<string, OperationSpec>;

/** Any operationId of openapi.yaml. */
export type OperationId = keyof typeof operations;

/** Operations whose handlers are written by hand (src/handlers/). */
export type HandwrittenOperationId = "getHealth" | "getObservePage" | "getObserveAsset" | "queryInstant" | "queryInstantPost" | "queryInstantAlias" | "queryInstantAliasPost" | "queryRange" | "queryRangePost" | "queryRangeAlias" | "queryRangeAliasPost";

/** Operations served from generated code. */
export type GeneratedOperationId = "getMetrics" | "getCatalog" | "getCatalogEntry";

/** The handwritten handlers the app must supply: a missing or misnamed one fails type-checking. */
export type Handlers = { readonly [K in HandwrittenOperationId]: Middleware };

/** A request's context once the route table matched it: path parameters by name, percent-decoded. */
export type RoutedContext = Context & { params: Record<string, string> };

interface EncodedDocument {
  readonly bytes: Buffer;
  readonly etag: string;
}

const encode = (doc: ServedDocument): EncodedDocument => ({ bytes: Buffer.from(doc.body), etag: doc.etag });
const catalogBody = encode(catalogDocument);
const catalogEntryBodies = new Map([...catalogEntryDocuments].map(([name, doc]) => [name, encode(doc)]));

/** If-None-Match uses the weak comparison (RFC 9110 section 13.1.2): W/ prefixes are ignored. */
function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

// Headers go to Node's response directly: Koa's ctx.set and ctx.type add a lookup and a MIME
// table search per call, on the cheapest route the gateway serves (issue 6).
function sendDocument(ctx: Context, doc: EncodedDocument): void {
  const { req, res } = ctx;
  res.setHeader('ETag', doc.etag);
  res.setHeader('Cache-Control', 'no-cache');
  const header = req.headers['if-none-match'];
  if (header && matchesEtag(header, doc.etag)) {
    ctx.status = 304;
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  ctx.body = doc.bytes;
}

/** What the generated handlers need. */
export interface GeneratedHandlerDeps {
  /** The registry registerMetrics filled; /metrics serves it. */
  readonly registry: Registry;
}

/** The handlers of the operations served from generated code (catalog and /metrics). */
export function createGeneratedHandlers(deps: GeneratedHandlerDeps): { readonly [K in GeneratedOperationId]: Middleware } {
  // The same metrics, rendered as OpenMetrics for scrapers that ask for it in Accept.
  const openMetrics = new Registry<OpenMetricsContentType>();
  openMetrics.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  for (const { name } of deps.registry.getMetricsAsArray()) {
    const metric = deps.registry.getSingleMetric(name);
    if (metric) openMetrics.registerMetric(metric);
  }
  return {
    getMetrics: async (ctx) => {
      const target = /application\/openmetrics-text/i.test(ctx.get('Accept')) ? openMetrics : deps.registry;
      ctx.body = await target.metrics();
      ctx.type = target.contentType;
    },
    getCatalog: (ctx) => sendDocument(ctx, catalogBody),
    getCatalogEntry: (ctx) => {
      const name = String((ctx as RoutedContext).params.name);
      const entry = catalogEntryBodies.get(name);
      if (!entry) throw new NotFoundError(`no metric named "${name}" in the catalog; GET /v2/metrics/catalog lists every name`);
      sendDocument(ctx, entry);
    },
  };
}
