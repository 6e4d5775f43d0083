/**
 * Registers every operation of the generated table (openapi.yaml's operations) on a @koa/router
 * router, named by operationId, in document order.
 */
import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { operations, type Handlers, type Operation } from '../generated/routes.ts';

/** Turns an operation and its handler into the one middleware the router runs for it (auth, validation, handler). */
export type BindOperation = (op: Operation, handler: Middleware) => Middleware;

/** `/v2/metrics/catalog/{name}` (OpenAPI) -> `/v2/metrics/catalog/:name` (path-to-regexp, as @koa/router reads it). */
export function routerPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** Registers every operation on `router`, named by operationId, with the steps `bind` builds. */
export function registerOperations(router: Router, handlers: Handlers, bind: BindOperation): void {
  for (const op of Object.values(operations)) {
    const middleware = bind(op, handlers[op.operationId]);
    if (op.method === 'GET') router.get(op.operationId, routerPath(op.path), middleware);
    else router.post(op.operationId, routerPath(op.path), middleware);
  }
}
