import { ContractError } from './contract-error.ts';
import { generatedHeader, literal } from './header.ts';

/** The subset of an OpenAPI document the route binding is built from. */
export interface OpenApiLike {
  security?: unknown[];
  paths: Record<string, Record<string, OpenApiOperationLike | unknown>>;
}

interface OpenApiOperationLike {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  'x-layer-validation'?: unknown;
  'x-layer-auth'?: 'configurable';
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The methods the route binding registers; another method in openapi.yaml stops the generator. */
const BOUND_METHODS = new Set(['GET', 'POST']);

/** One row of the generated operation table. */
export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  auth: 'none' | 'bearer' | 'configurable';
  errors: 'prometheus' | 'json';
  validation: 'app' | 'handler';
}

/** Reads the operation table out of openapi.yaml, in document order; throws on a contract the server cannot bind. */
export function operationRows(doc: OpenApiLike, source = 'openapi.yaml'): OperationRow[] {
  const rows: OperationRow[] = [];
  const globalAuth = (doc.security ?? []).length > 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperationLike | undefined;
      if (!op) continue;
      if (!op.operationId) throw new ContractError(`${source}: ${method.toUpperCase()} ${path} has no operationId; add one (it keys the Handlers type)`);
      if (!BOUND_METHODS.has(method.toUpperCase())) {
        throw new ContractError(`${source}: ${op.operationId} uses ${method.toUpperCase()}; the route binding serves GET and POST only`);
      }
      const validation = op['x-layer-validation'];
      if (validation !== undefined && validation !== 'app') {
        throw new ContractError(`${source}: ${op.operationId} has x-layer-validation: ${String(validation)}; the only value is app (the app validates the request before the handler); leave it out for a handler that validates its own request`);
      }
      const secured = op.security ? op.security.length > 0 : globalAuth;
      rows.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        auth: op['x-layer-auth'] === 'configurable' ? 'configurable' : secured ? 'bearer' : 'none',
        errors: op.tags?.includes('query') ? 'prometheus' : 'json',
        validation: validation === 'app' ? 'app' : 'handler',
      });
    }
  }
  return rows;
}

/**
 * Renders src/generated/routes.ts: the operation table (operationId -> method, path, auth) and the
 * `Handlers` type every operation's handler must satisfy. Data and types only: the registration
 * (src/routing/register-operations.ts), the handlers and the steps before them are ordinary modules.
 */
export function renderRoutes(doc: OpenApiLike, source = 'openapi.yaml'): string {
  const rows = operationRows(doc, source);
  return [
    generatedHeader(source),
    `import type { Context, Middleware } from 'koa';`,
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
    `  /** Who validates the request against the contract: the app before the handler, or the handler itself. */`,
    `  readonly validation: 'app' | 'handler';`,
    `}`,
    '',
    `/** Every operation of openapi.yaml, keyed by operationId, in document order. */`,
    `export const operations = {`,
    ...rows.map(
      (r) =>
        `  ${r.operationId}: { operationId: ${literal(r.operationId)}, method: ${literal(r.method)}, path: ${literal(r.path)}, auth: ${literal(r.auth)}, errors: ${literal(r.errors)}, validation: ${literal(r.validation)} },`,
    ),
    `} as const satisfies Record<string, OperationSpec>;`,
    '',
    `/** Any operationId of openapi.yaml. */`,
    `export type OperationId = keyof typeof operations;`,
    '',
    `/** One row of the table, its path one of openapi.yaml's path templates (a literal type). */`,
    `export type Operation = (typeof operations)[OperationId];`,
    '',
    `/** One handler per operation of openapi.yaml: a missing or misnamed one fails type-checking. */`,
    `export type Handlers = { readonly [K in OperationId]: Middleware };`,
    '',
    `/** A request's context once the router matched it: path parameters by name, percent-decoded. */`,
    `export type RoutedContext = Context & { params: Record<string, string> };`,
    '',
  ].join('\n');
}
