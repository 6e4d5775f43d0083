/**
 * createApp builds the gateway's Koa application from its dependencies and never listens
 * (main.ts does), so tests can mount it on any server. Routes come from the generated operation
 * table; handlers are the generated ones (catalog, /metrics) and the handwritten ones (health,
 * passthrough).
 */
import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { Registry } from 'prom-client';
import { MethodNotAllowedError, NotFoundError, BadRequestError } from './errors.ts';
import type { MetricHandles } from './generated/metrics.ts';
import { createGeneratedHandlers, operations, type Handlers, type OperationId, type OperationSpec } from './generated/routes.ts';
import { handleErrors, type ErrorLogger, type GatewayState } from './middleware/errors.ts';
import { requestContext, type AccessLogger } from './middleware/request-context.ts';
import type { RequestValidator } from './validation.ts';

/** Everything the app needs, built by main.ts (or a test). */
export interface AppDeps {
  logger: ErrorLogger & AccessLogger;
  registry: Registry;
  metrics: MetricHandles;
  handlers: Handlers;
  /** Edge auth for operations that require a token. */
  authenticate: Middleware;
  /** LAYER_METRICS_AUTH: whether /metrics requires the token too. */
  metricsAuth: 'none' | 'token';
  validate: RequestValidator;
}

/** Marks the request with its operation, for error formatting and metric labels. */
function markOperation(op: OperationSpec): Middleware {
  return (ctx, next) => {
    (ctx.state as GatewayState).operation = op;
    return next();
  };
}

/** Validates path, query and headers of operations whose handlers do not validate themselves. */
function validateRequest(op: OperationSpec, validate: RequestValidator): Middleware {
  return (ctx, next) => {
    const problem = validate(op.operationId as OperationId, {
      params: (ctx as unknown as { params?: Record<string, string> }).params ?? {},
      query: ctx.query as Record<string, string | string[]>,
      headers: ctx.headers,
    });
    if (problem) throw new BadRequestError(`invalid request: ${problem}`);
    return next();
  };
}

/** Answers what the router did not: 405 with Allow for a known path, 204 for OPTIONS, else 404. */
function fallback(router: Router): Middleware {
  return (ctx) => {
    const matched = router.match(ctx.path, ctx.method);
    if (matched.path.length === 0) {
      throw new NotFoundError(`no route ${ctx.method} ${ctx.path.slice(0, 200)}; openapi.yaml lists the routes`);
    }
    const layerPaths = new Set(matched.path.map((layer) => layer.path));
    const ops = Object.values(operations).filter((op) => layerPaths.has(op.koaPath));
    const allowed = [...new Set(ops.flatMap((op) => (op.method === 'GET' ? ['GET', 'HEAD'] : [op.method])))];
    (ctx.state as GatewayState).errors = ops.some((op) => op.errors === 'prometheus') ? 'prometheus' : 'json';
    if (ctx.method === 'OPTIONS') {
      ctx.set('Allow', [...allowed, 'OPTIONS'].join(', '));
      ctx.status = 204;
      return;
    }
    throw new MethodNotAllowedError(ctx.method, allowed);
  };
}

/** Builds the Koa application. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = false; // X-Forwarded-* from clients are not trusted
  app.silent = true; // errors are logged by handleErrors, once, as JSON

  const generated = createGeneratedHandlers({ registry: deps.registry });
  const router = new Router();
  for (const op of Object.values(operations) as OperationSpec[]) {
    const chain: Middleware[] = [markOperation(op)];
    if (op.auth === 'bearer' || (op.auth === 'configurable' && deps.metricsAuth === 'token')) chain.push(deps.authenticate);
    let handler: Middleware;
    if (op.handler === 'generated') {
      chain.push(validateRequest(op, deps.validate));
      handler = generated[op.operationId as keyof typeof generated];
    } else {
      handler = deps.handlers[op.operationId as keyof Handlers];
    }
    router.register(op.koaPath, [op.method], [...chain, handler]);
  }

  app.use(requestContext(deps.metrics, deps.logger));
  app.use(handleErrors(deps.logger));
  app.use(router.routes());
  app.use(fallback(router));
  return app;
}
