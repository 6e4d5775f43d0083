/** A Koa app behind createTokenCheck, served on port 0 for the auth tests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { TokenStore } from '../../src/auth/token-store.ts';
import { GatewayError } from '../../src/errors.ts';
import { createTokenCheck, type AuthFailureReason } from '../../src/edge/token-check.ts';

/** A server whose every route sits behind the token check, and the reasons it reported. */
export interface AuthServer {
  url: string;
  failures: AuthFailureReason[];
}

/**
 * Serves createTokenCheck(store) on port 0 in front of a handler answering 200 `{ ok: true }`, with
 * a small error handler rendering GatewayError status, headers and message, and runs `fn`.
 */
export async function withAuthServer<T>(store: TokenStore, fn: (server: AuthServer) => Promise<T>): Promise<T> {
  const failures: AuthFailureReason[] = [];
  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      ctx.status = error.status;
      ctx.set(error.headers);
      ctx.body = { code: error.code, message: error.message };
    }
  });
  const check = createTokenCheck(store, (reason) => failures.push(reason));
  app.use((ctx, next) => {
    check(ctx);
    return next();
  });
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await fn({ url: `http://127.0.0.1:${port}`, failures });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
