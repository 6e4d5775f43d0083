/**
 * The app's request listener for the gateway's own server. Koa's (`app.callback()`) wraps every
 * request in a middleware composition, a promise chain, a watcher of the response's end and its
 * respond step. A passthrough answer writes its response itself (`ctx.respond = false`) and needs
 * none of them. So the app's one middleware runs first, on a context Koa made, and only a request
 * whose answer is still Koa's to write goes through Koa's request handling, as it would have.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Koa from 'koa';
import type { Context, Middleware } from 'koa';

/** What the listener uses of Koa beyond its typed API (test/edge/request-listener.test.ts checks it against Koa's own listener). */
interface KoaInternals {
  /** Starts the response at 404, runs `middleware`, then writes the response from the context (or its error). */
  handleRequest(ctx: Context, middleware: (ctx: Context) => Promise<void>): Promise<void>;
}

// The status the middleware left, put back after Koa's handleRequest reset it to 404. handleRequest
// calls its middleware synchronously, so one variable carries it there without a field on the
// context (which would give Koa's contexts a second shape).
let statusSet = 404;
const keepStatus = (ctx: Context): Promise<void> => {
  ctx.res.statusCode = statusSet;
  return Promise.resolve();
};

const noNext = () => Promise.resolve();

/** The request listener of `app`: Koa's own when the app has other than one middleware. */
export function requestListener(app: Koa): (req: IncomingMessage, res: ServerResponse) => void {
  const koaListener = app.callback(); // also gives the app Koa's default error listener
  if (app.middleware.length !== 1) return koaListener;
  const middleware = app.middleware[0] as Middleware;
  const koa = app as unknown as KoaInternals;

  const respond = (ctx: Context): void => {
    if (ctx.respond === false) return;
    statusSet = ctx.res.statusCode;
    void koa.handleRequest(ctx, keepStatus);
  };
  // The app's middleware answers its own errors; this is Koa's last resort, as in its own listener.
  const fail = (ctx: Context, error: unknown): void => ctx.onerror(error as Error);

  return (req, res) => {
    const ctx = app.createContext(req, res) as Context;
    res.statusCode = 404; // where Koa starts every response
    let pending: unknown;
    try {
      pending = middleware(ctx, noNext);
    } catch (error) {
      return fail(ctx, error);
    }
    if (pending instanceof Promise) {
      pending.then(
        () => respond(ctx),
        (error: unknown) => fail(ctx, error),
      );
    } else respond(ctx);
  };
}
