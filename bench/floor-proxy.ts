/**
 * Reference proxies for the passthrough workloads: the least a Node proxy can do per request,
 * with nothing the gateway adds (no auth, validation, metrics, request ids or error handling).
 * `FLOOR_KIND=node` is plain node:http on both sides; `FLOOR_KIND=koa` puts the same forwarding in
 * one Koa middleware. They show how far from vmauth Node itself is on the machine, so the gateway's
 * own cost can be read off as the distance from them. Run as child processes by bench/run.ts;
 * prints its URL on stdout once it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';

const upstream = new URL(process.env.FLOOR_UPSTREAM ?? 'http://127.0.0.1:8428');
const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 64 });

/** Forwards the request's path and query to vmsingle and streams the answer back. */
function forward(req: http.IncomingMessage, res: http.ServerResponse, done: () => void): void {
  const proxied = http.request(
    { hostname: upstream.hostname, port: upstream.port, path: req.url, method: 'GET', agent, headers: { 'accept-encoding': req.headers['accept-encoding'] ?? 'identity' } },
    (answer) => {
      const headers: http.OutgoingHttpHeaders = { 'content-type': answer.headers['content-type'] };
      if (answer.headers['content-length']) headers['content-length'] = answer.headers['content-length'];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      done();
    },
  );
  proxied.on('error', () => {
    res.destroy();
    done();
  });
  proxied.end();
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
