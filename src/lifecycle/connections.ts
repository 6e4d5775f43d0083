/**
 * Graceful close of an HTTP server: stop accepting, end idle keep-alive connections, let responses
 * in flight finish (to the last byte the client reads) until a deadline, then cut what is left.
 *
 * Node's own closeIdleConnections (which server.close() also calls) treats a connection as idle
 * once its response is `finished`, that is once res.end() was called, even while the end of the
 * body still sits in the socket's buffer for a slow reader: destroying it then truncates the
 * response. Here a connection counts as busy until its response's 'close', which comes after the
 * last byte has been handed to the kernel.
 *
 * A connection whose request has not been received whole (a body still awaited from a client
 * that stalled or left) is cut at once on close: there is no response of it to finish, and
 * waiting would only hold the stop up to the deadline.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';
import tls from 'node:tls';

/** Closes the server within deadlineMs. */
export interface ConnectionTracker {
  /**
   * Stops the server and `listeners` (other listening sockets that hand their connections to it)
   * accepting, and resolves once every connection is closed, cutting what is left at the deadline.
   */
  close(deadlineMs: number, listeners?: readonly NetServer[]): Promise<void>;
}

// Per-connection count of responses not yet closed, kept on the socket itself: a Map keyed by
// socket would be updated twice per request, and its rehashing is measurable on the small routes.
const BUSY = Symbol('layer.busyResponses');
// The connection's latest request, to tell whether it was received whole.
const LATEST = Symbol('layer.latestRequest');
type TrackedSocket = Socket & { [BUSY]?: number; [LATEST]?: IncomingMessage };

/**
 * Ends a connection with no response in flight: the FIN goes out after anything still buffered,
 * then the socket is released. Waiting for the peer's own FIN would hold the stop until the
 * deadline, as keep-alive clients (vmsingle's scraper is one) answer it only at their next use.
 */
function hangUp(socket: Socket): void {
  socket.end(() => socket.destroy());
}

/** Tracks a server's connections so that close() can finish or cut them. */
export function trackConnections(server: Server): ConnectionTracker {
  const sockets = new Set<TrackedSocket>();
  let closing = false;

  // Over TLS, requests run on the TLS socket of 'secureConnection', not on the TCP socket of
  // 'connection'. The TCP sockets under them are kept too: one still in its handshake has no TLS
  // socket yet, and is cut at the deadline with the rest.
  const secure = server instanceof tls.Server;
  const tcpSockets = new Set<Socket>();
  server.on(secure ? 'secureConnection' : 'connection', (socket: TrackedSocket) => {
    socket[BUSY] = 0;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  if (secure) {
    server.on('connection', (socket: Socket) => {
      tcpSockets.add(socket);
      socket.once('close', () => tcpSockets.delete(socket));
    });
  }
  server.on('request', (req, res) => {
    const socket = req.socket as TrackedSocket;
    socket[BUSY] = (socket[BUSY] ?? 0) + 1;
    socket[LATEST] = req;
    // 'close' comes once per response, so `on` does what `once` would without its wrapper.
    res.on('close', () => {
      const left = (socket[BUSY] ?? 1) - 1;
      socket[BUSY] = left;
      if (closing && left <= 0) hangUp(socket);
    });
  });

  const endIdle = () => {
    for (const socket of sockets) {
      if (!socket[BUSY]) hangUp(socket);
      else if (closing && socket[LATEST]?.complete === false) socket.destroy();
    }
  };
  // server.close() calls this; the replacement spares responses still being written.
  server.closeIdleConnections = endIdle;

  return {
    async close(deadlineMs, listeners = []) {
      closing = true;
      // Each listener's close callback waits for the connections it accepted: together they cover all.
      const closed = Promise.all([server, ...listeners].map((listener) => new Promise<void>((resolve) => listener.close(() => resolve()))));
      endIdle();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), deadlineMs);
        timer.unref();
      });
      const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        for (const socket of sockets) socket.destroy();
        for (const socket of tcpSockets) socket.destroy();
        await closed;
      }
    },
  };
}
