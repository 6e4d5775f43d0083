/**
 * Several listening sockets on the gateway's one port. libuv accepts one connection per listening
 * socket per event-loop iteration, so when hundreds of clients connect at once while the accepted
 * ones keep every iteration busy, the rest wait in the kernel's accept queue for seconds. With
 * SO_REUSEPORT the kernel spreads new connections over several sockets and each iteration accepts
 * from every one of them. The extra sockets hand what they accept to the one HTTP(S) server, so
 * its TLS context, timeouts, error answers and connection tracking apply to every connection.
 */
import { once } from 'node:events';
import type http from 'node:http';
import net from 'node:net';
import type { Logger } from '../logger.ts';
import { supportsReusePort } from '../node-support.ts';

// @types/node 20 predates the option; Node 22.12+ reads it, and it is only passed there.
type ListenOptions = net.ListenOptions & { reusePort?: boolean };

/** Where to listen and on how many sockets. */
export interface PortListenOptions {
  port: number;
  host: string;
  /** Listening sockets wanted; one where Node or the platform cannot share a port. */
  listeners: number;
}

/**
 * Makes `server` listen on host:port and, where the port can be shared, `listeners - 1` more
 * sockets beside it that pass their connections to `server`. Resolves with those extra listeners
 * (to close with the server); rejects as `server.listen` would when the port is taken.
 */
export async function listenOnPort(server: http.Server, options: PortListenOptions, logger: Logger): Promise<net.Server[]> {
  const { port, host } = options;
  const wanted = supportsReusePort() ? Math.max(1, Math.floor(options.listeners)) : 1;
  if (wanted === 1) {
    await listen(server, { port, host });
    return [];
  }
  // A port another process holds with SO_REUSEPORT (a second gateway started by mistake) would
  // accept our binding and share the traffic silently: make sure nobody listens there first.
  if (port !== 0) await listen(net.createServer(), { port, host, exclusive: true }).then(close);
  await listen(server, { port, host, reusePort: true });
  const bound = (server.address() as net.AddressInfo).port;
  const extras: net.Server[] = [];
  for (let i = 1; i < wanted; i++) {
    // noDelay as http.Server sets it on the connections it accepts itself.
    const extra = net.createServer({ noDelay: true }, (socket) => server.emit('connection', socket));
    try {
      await listen(extra, { port: bound, host, reusePort: true });
    } catch (error) {
      logger.warn({ err: error, listeners: extras.length + 1 }, 'cannot open another listening socket on the gateway port; going on with those open');
      break;
    }
    // An accept error on one socket (the process out of file descriptors) must not end the process.
    extra.on('error', (error) => logger.warn({ err: error }, 'a listening socket of the gateway port failed to accept a connection'));
    extras.push(extra);
  }
  return extras;
}

async function listen<S extends net.Server>(server: S, options: ListenOptions): Promise<S> {
  server.listen(options);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  return server;
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
