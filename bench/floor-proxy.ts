/**
 * Reference proxies for the passthrough workloads: the least a Node proxy can do per request,
 * with nothing the gateway adds (no auth, validation, metrics, request ids or error handling).
 * `FLOOR_KIND=node` is a plain node:http server; `FLOOR_KIND=koa` puts the same forwarding in one
 * Koa middleware. Bodies are buffered whole (the workloads' answers are small). They show how far from vmauth Node itself is on the machine, so the gateway's
 * own cost can be read off as the distance from them. Run as child processes by bench/run.ts;
 * prints its URL on stdout once it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { Pool } from 'undici';

// The same backend client as the gateway (undici's dispatch), so the distance between a reference
// proxy and the gateway is the gateway's own work.
const pool = new Pool(new URL(process.env.FLOOR_UPSTREAM ?? 'http://127.0.0.1:8428').origin, { keepAliveTimeout: 4000 });

/** Forwards the request's path and query to vmsingle and sends the answer back. */
function forward(req: http.IncomingMessage, res: http.ServerResponse, done: () => void): void {
  const chunks: Buffer[] = [];
  pool.dispatch(
    { path: req.url ?? '/', method: 'GET', headers: { 'accept-encoding': String(req.headers['accept-encoding'] ?? 'identity') } },
    {
      // undici treats a handler as one of its current API only when onRequestStart is present.
      onRequestStart() {},
      onResponseStart(_controller, status, headers) {
        const out: http.OutgoingHttpHeaders = { 'content-type': headers['content-type'] };
        if (headers['content-length']) out['content-length'] = String(headers['content-length']);
        // The client's Accept-Encoding went to vmsingle, so its Content-Encoding comes back.
        if (headers['content-encoding']) out['content-encoding'] = String(headers['content-encoding']);
        res.writeHead(status, out);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        res.end(Buffer.concat(chunks));
        done();
      },
      onResponseError() {
        res.destroy();
        done();
      },
    },
  );
}

let listener: http.RequestListener;
if (process.env.FLOOR_KIND === 'koa') {
  const app = new Koa();
  app.use((ctx) => {
    ctx.respond = false;
    return new Promise<void>((resolve) => forward(ctx.req, ctx.res, resolve));
  });
  listener = app.callback();
} else {
  listener = (req, res) => forward(req, res, () => {});
}

const server = http.createServer(listener);
server.listen(Number(process.env.FLOOR_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
