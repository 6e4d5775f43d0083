import { generatedHeader, literal } from './header.ts';

/** The subset of an OpenAPI document the route table is built from. */
export interface OpenApiLike {
  security?: unknown[];
  paths: Record<string, Record<string, OpenApiOperationLike | unknown>>;
}

interface OpenApiOperationLike {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  'x-layer-handler'?: 'generated' | 'handwritten';
  'x-layer-auth'?: 'configurable';
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One row of the generated operation table. */
export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  auth: 'none' | 'bearer' | 'configurable';
  errors: 'prometheus' | 'json';
  handler: 'generated' | 'handwritten';
}

/** Reads the operation table out of openapi.yaml, in document order; throws on a contract the server cannot bind. */
export function operationRows(doc: OpenApiLike, source = 'openapi.yaml'): OperationRow[] {
  const rows: OperationRow[] = [];
  const globalAuth = (doc.security ?? []).length > 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperationLike | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${source}: ${method.toUpperCase()} ${path} has no operationId; add one (it keys the Handlers type)`);
      const secured = op.security ? op.security.length > 0 : globalAuth;
      rows.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        auth: op['x-layer-auth'] === 'configurable' ? 'configurable' : secured ? 'bearer' : 'none',
        errors: op.tags?.includes('query') ? 'prometheus' : 'json',
        handler: op['x-layer-handler'] ?? 'handwritten',
      });
    }
  }
  return rows;
}

const GENERATED_HANDLERS: Record<string, string> = {
  getCatalog: `(ctx) => sendDocument(ctx, catalogBody)`,
  getCatalogEntry: `(ctx) => {
      const name = String((ctx as RoutedContext).params.name);
      const entry = catalogEntryBodies.get(name);
      if (!entry) throw new NotFoundError(\`no metric named "\${name}" in the catalog; GET /v2/metrics/catalog lists every name\`);
      sendDocument(ctx, entry);
    }`,
  getMetrics: `async (ctx) => {
      const target = /application\\/openmetrics-text/i.test(ctx.get('Accept')) ? openMetrics : deps.registry;
      ctx.body = await target.metrics();
      ctx.type = target.contentType;
    }`,
};

/**
 * Renders src/generated/routes.ts: the operation table (operationId -> method, path, auth), the
 * `Handlers` type the handwritten handlers must satisfy, and the handlers served from generated code.
 */
export function renderRoutes(doc: OpenApiLike, source = 'openapi.yaml'): string {
  const rows = operationRows(doc, source);
  const generated = rows.filter((r) => r.handler === 'generated');
  const handwritten = rows.filter((r) => r.handler === 'handwritten');
  for (const row of generated) {
    if (!GENERATED_HANDLERS[row.operationId]) {
      throw new Error(`${source}: ${row.operationId} is marked x-layer-handler: generated, but the generator has no handler for it; remove the mark to write it by hand`);
    }
  }
  const union = (list: OperationRow[]) => list.map((r) => literal(r.operationId)).join(' | ') || 'never';
  return [
    generatedHeader(source),
    `import type { Context, Middleware } from 'koa';`,
    `import { Registry, type OpenMetricsContentType } from 'prom-client';`,
    `import { NotFoundError } from '../errors.ts';`,
    `import { catalogDocument, catalogEntryDocuments, type ServedDocument } from './catalog.ts';`,
    '',
    `/** How an operation authenticates: not at all, by bearer token, or as LAYER_METRICS_AUTH says. */`,
    `export type AuthRequirement = 'none' | 'bearer' | 'configurable';`,
    '',
    `/** One operation of openapi.yaml. */`,
    `export interface OperationSpec {`,
    `  readonly operationId: string;`,
    `  readonly method: 'GET' | 'POST';`,
    `  /** The OpenAPI path template. */`,
    `  readonly path: string;`,
    `  readonly auth: AuthRequirement;`,
    `  /** Error body format: the Prometheus envelope, or the gateway's JSON error. */`,
    `  readonly errors: 'prometheus' | 'json';`,
    `  readonly handler: 'generated' | 'handwritten';`,
    `}`,
    '',
    `/** Every operation of openapi.yaml, keyed by operationId, in document order. */`,
    `export const operations = {`,
    ...rows.map(
      (r) =>
        `  ${r.operationId}: { operationId: ${literal(r.operationId)}, method: ${literal(r.method)}, path: ${literal(r.path)}, auth: ${literal(r.auth)}, errors: ${literal(r.errors)}, handler: ${literal(r.handler)} },`,
    ),
    `} as const satisfies Record<string, OperationSpec>;`,
    '',
    `/** Any operationId of openapi.yaml. */`,
    `export type OperationId = keyof typeof operations;`,
    '',
    `/** Operations whose handlers are written by hand (src/handlers/). */`,
    `export type HandwrittenOperationId = ${union(handwritten)};`,
    '',
    `/** Operations served from generated code. */`,
    `export type GeneratedOperationId = ${union(generated)};`,
    '',
    `/** The handwritten handlers the app must supply: a missing or misnamed one fails type-checking. */`,
    `export type Handlers = { readonly [K in HandwrittenOperationId]: Middleware };`,
    '',
    `/** A request's context once the route table matched it: path parameters by name, percent-decoded. */`,
    `export type RoutedContext = Context & { params: Record<string, string> };`,
    '',
    `interface EncodedDocument {`,
    `  readonly bytes: Buffer;`,
    `  readonly etag: string;`,
    `}`,
    '',
    `const encode = (doc: ServedDocument): EncodedDocument => ({ bytes: Buffer.from(doc.body), etag: doc.etag });`,
    `const catalogBody = encode(catalogDocument);`,
    `const catalogEntryBodies = new Map([...catalogEntryDocuments].map(([name, doc]) => [name, encode(doc)]));`,
    '',
    `/** If-None-Match uses the weak comparison (RFC 9110 section 13.1.2): W/ prefixes are ignored. */`,
    `function matchesEtag(header: string, etag: string): boolean {`,
    `  if (header.trim() === '*') return true;`,
    `  return header.split(',').some((tag) => tag.trim().replace(/^W\\//, '') === etag);`,
    `}`,
    '',
    `// Headers go to Node's response directly: Koa's ctx.set and ctx.type add a lookup and a MIME`,
    `// table search per call, on the cheapest route the gateway serves (issue 6).`,
    `function sendDocument(ctx: Context, doc: EncodedDocument): void {`,
    `  const { req, res } = ctx;`,
    `  res.setHeader('ETag', doc.etag);`,
    `  res.setHeader('Cache-Control', 'no-cache');`,
    `  const header = req.headers['if-none-match'];`,
    `  if (header && matchesEtag(header, doc.etag)) {`,
    `    ctx.status = 304;`,
    `    return;`,
    `  }`,
    `  res.setHeader('Content-Type', 'application/json; charset=utf-8');`,
    `  ctx.body = doc.bytes;`,
    `}`,
    '',
    `/** What the generated handlers need. */`,
    `export interface GeneratedHandlerDeps {`,
    `  /** The registry registerMetrics filled; /metrics serves it. */`,
    `  readonly registry: Registry;`,
    `}`,
    '',
    `/** The handlers of the operations served from generated code (catalog and /metrics). */`,
    `export function createGeneratedHandlers(deps: GeneratedHandlerDeps): { readonly [K in GeneratedOperationId]: Middleware } {`,
    `  // The same metrics, rendered as OpenMetrics for scrapers that ask for it in Accept.`,
    `  const openMetrics = new Registry<OpenMetricsContentType>();`,
    `  openMetrics.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);`,
    `  for (const { name } of deps.registry.getMetricsAsArray()) {`,
    `    const metric = deps.registry.getSingleMetric(name);`,
    `    if (metric) openMetrics.registerMetric(metric);`,
    `  }`,
    `  return {`,
    ...generated.map((r) => `    ${r.operationId}: ${GENERATED_HANDLERS[r.operationId]},`),
    `  };`,
    `}`,
    '',
  ].join('\n');
}
