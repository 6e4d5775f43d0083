/**
 * A real TCP (or unix socket) server standing in for the NVMe cache: it accepts connections, keeps
 * them so a test can drop them, and never answers, as a hanging cache does.
 */
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

/** A running stand-in. */
export interface HangingCache {
  /** `127.0.0.1:PORT`, or the socket path it listens on. */
  addr: string;
  /** Every connection accepted, in order (closed ones stay listed). */
  sockets: Socket[];
  /** Destroys the connections and closes the server. */
  close(): Promise<void>;
}

/** Starts a stand-in on `listen`: a port on 127.0.0.1 (default: a free one) or a unix socket path. */
export async function startHangingCache(listen: number | string = 0): Promise<HangingCache> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  if (typeof listen === 'number') server.listen(listen, '127.0.0.1');
  else server.listen(listen);
  await once(server, 'listening');
  const address = server.address();
  const addr = typeof address === 'string' ? address : `127.0.0.1:${address?.port}`;
  return {
    addr,
    sockets,
    async close() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}
