/**
 * createApp builds the gateway's Koa application from its dependencies and never listens
 * (src/wiring/http-server.ts does), so tests can mount it on any server. Every operation of openapi.yaml is
 * registered on a @koa/router router by registerOperations (src/routing/); the handlers are the
 * ordinary modules under src/handlers/.
 *
 * The app is one Koa middleware: track the request, dispatch it through the router, and render
 * any error. Each operation is one router middleware that runs its steps (auth, validation,
 * handler) inline and synchronously: every further middleware layer and async step costs
 * promises and closures per request on routes that otherwise finish synchronously.
 */
import Router from '@koa/router';
import Koa, { type Context, type Middleware } from 'koa';
import { MethodNotAllowedError, NotFoundError, BadRequestError } from './errors.ts';
import type { MetricHandles } from './generated/metrics.ts';
import type { MetricBatch } from './metrics/batch.ts';
import { operations, type Handlers, type Operation, type OperationId, type OperationSpec, type RoutedContext } from './generated/routes.ts';
import { answerError } from './edge/render-error.ts';
import type { GatewayState } from './edge/request-state.ts';
import { identify, trackRequests } from './edge/request-tracking.ts';
import type { Logger } from './logger.ts';
import { registerOperations } from './routing/register-operations.ts';
import { routerOptions } from './routing/router-options.ts';
import type { RequestValidator } from './validation.ts';

/** Everything the app needs, built by src/wiring/http-app.ts (or a test). */
export interface AppDeps {
  logger: Logger;
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

/** The router layer field the 405 answer reads: the operationId each layer was registered under. */
interface MatchedLayer {
  readonly name?: string | null;
}

const done = () => Promise.resolve();
// The Prometheus API's prefix, matched as the router matches literal segments: in any case.
const PROMETHEUS_API = /^\/v2\/metrics\/api\/v1(\/|$)/i;
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

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

/**
 * Answers a request the router found no operation for: `layers` are the router's layers whose path
 * matched, so a known path asked with another method gets its Allow list; anything else is a 404.
 */
function answerUnrouted(ctx: Context, layers: readonly MatchedLayer[], authenticate: (ctx: Context) => void): void {
  const matched = layers
    .map((layer) => (layer.name ? operations[layer.name as OperationId] : undefined))
    .filter((op): op is (typeof operations)[OperationId] => op !== undefined);
  if (matched.length > 0) return answerOtherMethod(ctx, matched);
  if (PROMETHEUS_API.test(ctx.path)) {
    // Prometheus clients read its envelope; and whether a path exists is told to token holders only.
    (ctx.state as GatewayState).errors = 'prometheus';
    authenticate(ctx);
    throw new NotFoundError(`no route ${ctx.method} ${ctx.path.slice(0, 200)}: the gateway serves query, query_range, labels, label/{name}/values, series, query_exemplars, metadata and status/buildinfo under /v2/metrics/api/v1/`);
  }
  throw new NotFoundError(`no route ${ctx.method} ${ctx.path.slice(0, 200)}; openapi.yaml lists the routes`);
}

/** Builds the Koa application. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = false; // X-Forwarded-* from clients are not trusted
  app.silent = true; // errors are logged by answerError's renderError, once, as JSON

  // One middleware per operation: the steps run inline, and an async handler's promise is the
  // only one the operation adds.
  const bind = (op: Operation, handler: Middleware): Middleware => {
    const auth = op.auth === 'bearer' || (op.auth === 'configurable' && deps.metricsAuth === 'token');
    const validate = op.validation === 'app';
    return (ctx) => {
      (ctx.state as GatewayState).operation = op;
      if (auth) deps.authenticate(ctx);
      if (validate) validateRequest(ctx as RoutedContext, op, deps.validate);
      return handler(ctx, done);
    };
  };
  const router = new Router(routerOptions);
  registerOperations(router, deps.handlers, bind);
  const track = trackRequests(deps.metrics, deps.batch, deps.logger);
  // The router's answer for a method and path never changes once the routes are registered, and
  // matching tries every route's pattern in turn. Answers for a path spelled exactly as a route
  // without parameters is registered are kept, by method and path: a bounded set of keys (the
  // HTTP parser admits a fixed list of methods), and the spelling nearly every request uses.
  const staticPaths = new Set(router.stack.filter((layer) => layer.paramNames.length === 0).map((layer) => layer.path));
  // By method, then path: no key string to build per request.
  const staticMatches = new Map<string, Map<string, ReturnType<Router['match']>>>();
  const match = (path: string, method: string): ReturnType<Router['match']> => {
    if (!staticPaths.has(path)) return router.match(path, method);
    let byPath = staticMatches.get(method);
    if (byPath === undefined) staticMatches.set(method, (byPath = new Map()));
    let found = byPath.get(path);
    if (found === undefined) {
      found = router.match(path, method);
      byPath.set(path, found);
    }
    return found;
  };

  // The router matches (its path-to-regexp layers, with the options above, and its percent-decoding
  // of parameters); the matched operation's middleware then runs here, synchronously. The router's
  // own dispatch would compose a middleware chain and a promise per request around a step that
  // mostly finishes synchronously (catalog, health, errors). router.match() and a layer's
  // captures(), params() and stack are marked private in @koa/router's types: the version is
  // pinned and test/library-internals.test.ts fails when they change (docs/decisions.md).
  //
  // Whatever answered, the request's id and the Server header are set last, just before Koa
  // writes the response; the passthrough, which writes its head itself, adds them to it.
  app.use((ctx) => {
    track(ctx);
    try {
      const path = ctx.path;
      const found = match(path, ctx.req.method!);
      if (!found.route) answerUnrouted(ctx, found.path, deps.authenticate);
      else {
        const layer = found.pathAndMethod[found.pathAndMethod.length - 1]!;
        (ctx as RoutedContext).params = layer.paramNames.length === 0 ? NO_PARAMS : layer.params(path, layer.captures(path));
        const pending: unknown = layer.stack[0]!(ctx as never, done);
        if (pending instanceof Promise) {
          return pending.then(
            () => identify(ctx),
            (error: unknown) => {
              answerError(ctx, error, deps.logger);
              identify(ctx);
            },
          );
        }
      }
    } catch (error) {
      answerError(ctx, error, deps.logger);
    }
    identify(ctx);
  });
  return app;
}
