import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Koa, { type Middleware } from 'koa';
import { requestListener } from '../../src/edge/request-listener.ts';
import { rawExchange } from '../helpers/raw-http.ts';

/** Serves `listener` on a free loopback port for the duration of `use`. */
async function withServer<T>(listener: http.RequestListener, use: (port: number) => Promise<T>): Promise<T> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The raw response to `method /`, with the Date header left out (it differs between two answers). */
async function exchange(listener: http.RequestListener, method = 'GET'): Promise<string> {
  return withServer(listener, async (port) => {
    const { raw } = await rawExchange(port, `${method} / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    return raw.replace(/\r\nDate: [^\r]*/, '');
  });
}

function appOf(...middleware: Middleware[]): Koa {
  const app = new Koa();
  app.silent = true;
  for (const one of middleware) app.use(one);
  return app;
}

describe('requestListener(app)', () => {
  // Each answer Koa writes from the context must come out byte for byte as Koa's own listener writes it.
  const koaAnswers: [string, Middleware, string?][] = [
    ['a JSON body with a status and a header', (ctx) => void ((ctx.status = 201), ctx.set('X-Kind', 'json'), (ctx.body = { a: 1 }))],
    ['a text body, its status implied', (ctx) => void (ctx.body = 'hello')],
    ['nothing set: 404', () => undefined],
    ['a status without a body: 204', (ctx) => void (ctx.status = 204)],
    ['an error status with a body', (ctx) => void ((ctx.status = 400), (ctx.body = { error: 'bad' }))],
    ['a stream body', (ctx) => void ((ctx.type = 'text/plain'), (ctx.body = Readable.from(['a', 'b'])))],
    ['a body set after a wait', (ctx) => new Promise<void>((resolve) => setTimeout(() => ((ctx.status = 202), (ctx.body = 'later'), resolve()), 5))],
    ['HEAD of a text body', (ctx) => void (ctx.body = 'hello'), 'HEAD'],
    ['a synchronous throw', () => {
      throw new Error('boom');
    }],
    ['a rejected promise', () => Promise.reject(new Error('boom'))],
  ];
  for (const [name, middleware, method] of koaAnswers) {
    it(`answers as Koa's own listener does: ${name}`, async () => {
      const koa = await exchange(appOf(middleware).callback(), method);
      const ours = await exchange(requestListener(appOf(middleware)), method);
      assert.match(koa, /^HTTP\/1\.1 \d{3} /);
      assert.equal(ours, koa);
    });
  }

  it('leaves alone a response the middleware wrote itself (ctx.respond = false), written after a wait', async () => {
    const app = appOf(async (ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      ctx.respond = false;
      ctx.res.writeHead(200, ['Content-Type', 'text/plain', 'Content-Length', '3', 'X-Raw', 'yes']);
      ctx.res.end('raw');
    });
    const raw = await exchange(requestListener(app));
    assert.match(raw, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(raw, /\r\nContent-Type: text\/plain\r\nContent-Length: 3\r\nX-Raw: yes\r\n/);
    assert.ok(raw.endsWith('\r\n\r\nraw'), raw);
  });

  it('starts every response at 404, as Koa does, for a middleware that reads the status', async () => {
    let seen = 0;
    await exchange(
      requestListener(
        appOf((ctx) => {
          seen = ctx.status;
          ctx.body = 'ok';
        }),
      ),
    );
    assert.equal(seen, 404);
  });

  it("is Koa's own listener for an app of several middleware", async () => {
    const app = appOf(
      async (ctx, next) => {
        await next();
        ctx.set('X-Outer', 'yes');
      },
      (ctx) => void (ctx.body = 'inner'),
    );
    const raw = await exchange(requestListener(app));
    assert.match(raw, /\r\nX-Outer: yes\r\n/);
    assert.ok(raw.endsWith('inner'), raw);
  });
});
