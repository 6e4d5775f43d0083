/**
 * Picks a free loopback TCP port by binding port 0 and closing again. Another process can take
 * the port before vmsingle binds it, so callers retry on ERR_VM_PORT_TAKEN.
 */
import { createServer } from 'node:net';

/** A port that was free on `host` a moment ago. (default host: 127.0.0.1) */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error(`no port bound on ${host}`)) : resolve(port)));
    });
  });
}
