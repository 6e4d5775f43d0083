/**
 * Graceful close of an HTTP server: stop accepting, close idle keep-alive connections, let requests
 * in flight finish until a deadline, then cut whatever is left.
 */
import type { Server } from 'node:http';

/** Closes the server within deadlineMs. */
export interface ConnectionTracker {
  close(deadlineMs: number): Promise<void>;
}

/** Tracks a server's connections so that close() can finish or cut them. */
export function trackConnections(server: Server): ConnectionTracker {
  return {
    async close(deadlineMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Keep-alive connections that go idle after their last response must close too.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), deadlineMs).unref());
      const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
      clearInterval(sweep);
      if (outcome === 'timeout') {
        server.closeAllConnections();
        await closed;
      }
    },
  };
}
