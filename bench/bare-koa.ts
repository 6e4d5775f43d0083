/**
 * The baseline of the catalog workload: a bare Koa app answering every request with the catalog
 * bytes the gateway serves, with no routing, auth or validation. Run as a child process by
 * bench/run.ts, so it has its own event loop; prints its URL on stdout once it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { catalogDocument } from '../src/generated/catalog.ts';

const bytes = Buffer.from(catalogDocument.body);
const app = new Koa();
app.use((ctx) => {
  ctx.type = 'application/json';
  ctx.set('ETag', catalogDocument.etag);
  ctx.body = bytes;
});

const server = http.createServer(app.callback());
server.listen(Number(process.env.BARE_KOA_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
