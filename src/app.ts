/**
 * createApp builds the gateway's Koa application from its dependencies and never listens
 * (main.ts does), so tests can mount it on any server. Routes come from the generated operation
 * table; handlers are the generated ones (catalog, /metrics) and the handwritten ones (health,
 * passthrough).
 *
 * The app is one Koa middleware: track the request, find its operation, run the operation's steps
 * (auth, validation, handler) inline, and render any error. Each middleware layer, router layer
 * and async step costs promises and closures per request, which on the small routes was a
 * measurable share of the gateway's CPU (issue 6).
 */
import Koa, { type Context, type Middleware } from 'koa';
import type { Registry } from 'prom-client';
import { MethodNotAllowedError, NotFoundError, BadRequestError } from './errors.ts';
import type { MetricHandles } from './generated/metrics.ts';
import type { MetricBatch } from './metrics/batch.ts';
import { createGeneratedHandlers, operations, type Handlers, type OperationId, type OperationSpec, type RoutedContext } from './generated/routes.ts';
import { answerError, type ErrorLogger, type GatewayState } from './middleware/errors.ts';
import { requestContext, type AccessLogger } from './middleware/request-context.ts';
import { createRouteTable, type RouteDef } from './routing/route-table.ts';
import type { RequestValidator } from './validation.ts';

/** Everything the app needs, built by main.ts (or a test). */
export interface AppDeps {
  logger: ErrorLogger & AccessLogger;
  registry: Registry;
  metrics: MetricHandles;
  /** Where per-request metric updates queue (see src/metrics/batch.ts). */
  batch: MetricBatch;
  handlers: Handlers;
  /** Edge auth for operations that require a token: throws the 401 to answer. */
  authenticate: (ctx: Context) => void;
  /** LAYER_METRICS_AUTH: whether /metrics requires the token too. */
  metricsAuth: 'none' | 'token';
  validate: RequestValidator;
}

/** An operation bound to its steps. */
interface BoundOperation {
  readonly op: OperationSpec;
  readonly auth: boolean;
  /** Generated handlers do not validate their own input, so the app validates path, query and headers first. */
  readonly validate: boolean;
  readonly handler: Middleware;
}

const done = () => Promise.resolve();

function validateRequest(ctx: RoutedContext, op: OperationSpec, validate: RequestValidator): void {
  const problem = validate(op.operationId as OperationId, {
    params: ctx.params,
    // Koa parses the query string anew for every request that reads ctx.query; most catalog and
    // /metrics requests have none. (A new object each time: ajv may fill in defaults.)
    query: ctx.querystring === '' ? {} : (ctx.query as Record<string, string | string[]>),
    headers: ctx.headers,
  });
  if (problem) throw new BadRequestError(`invalid request: ${problem}`);
}

/** Answers a known path with the wrong method: 204 with Allow for OPTIONS, else 405. */
function answerOtherMethod(ctx: Context, ops: readonly OperationSpec[]): void {
  const allowed = [...new Set(ops.flatMap((op) => (op.method === 'GET' ? ['GET', 'HEAD'] : [op.method])))];
  (ctx.state as GatewayState).errors = ops.some((op) => op.errors === 'prometheus') ? 'prometheus' : 'json';
  if (ctx.method === 'OPTIONS') {
    ctx.set('Allow', [...allowed, 'OPTIONS'].join(', '));
    ctx.status = 204;
    return;
  }
  throw new MethodNotAllowedError(ctx.method, allowed);
}

/** Builds the Koa application. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = false; // X-Forwarded-* from clients are not trusted
  app.silent = true; // errors are logged by answerError's renderError, once, as JSON

  const generated = createGeneratedHandlers({ registry: deps.registry });
  const defs: RouteDef<BoundOperation>[] = (Object.values(operations) as OperationSpec[]).map((op) => ({
    method: op.method,
    path: op.path,
    route: {
      op,
      auth: op.auth === 'bearer' || (op.auth === 'configurable' && deps.metricsAuth === 'token'),
      validate: op.handler === 'generated',
      handler: op.handler === 'generated' ? generated[op.operationId as keyof typeof generated] : deps.handlers[op.operationId as keyof Handlers],
    },
  }));
  const routes = createRouteTable(defs);
  const track = requestContext(deps.metrics, deps.batch, deps.logger);

  // Not an async function: most handlers finish synchronously (catalog, health, errors), and an
  // async wrapper would cost them a promise and a microtask each.
  app.use((ctx) => {
    track(ctx);
    try {
      const found = routes.find(ctx.method, ctx.path);
      if (found.kind === 'none') {
        throw new NotFoundError(`no route ${ctx.method} ${ctx.path.slice(0, 200)}; openapi.yaml lists the routes`);
      }
      if (found.kind === 'method') return answerOtherMethod(ctx, found.routes.map((def) => def.route.op));
      const { op, auth, validate, handler } = found.route;
      (ctx.state as GatewayState).operation = op;
      (ctx as RoutedContext).params = found.params;
      if (auth) deps.authenticate(ctx);
      if (validate) validateRequest(ctx as RoutedContext, op, deps.validate);
      const pending: unknown = handler(ctx, done);
      if (pending instanceof Promise) return pending.catch((error: unknown) => answerError(ctx, error, deps.logger));
    } catch (error) {
      answerError(ctx, error, deps.logger);
    }
  });
  return app;
}
