/**
 * The shutdown order. Every step that takes something registers how to give it back; those run in
 * reverse order of start. The HTTP server is the exception: it closes first (see stopInOrder).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { Readiness } from '../health/readiness.ts';
import type { Logger } from '../logger.ts';

/** A way to give back what a start-up step took. */
export type Cleanup = () => Promise<void> | void;

/** The cleanups of a starting or running gateway, run once in reverse order of registration. */
export interface Cleanups {
  push(cleanup: Cleanup): void;
  /** Runs every registered cleanup, last first; a failing one stops the run and rejects. */
  run(): Promise<void>;
}

/** An empty list of cleanups. */
export function createCleanups(): Cleanups {
  const steps: Cleanup[] = [];
  return {
    push: (cleanup) => void steps.push(cleanup),
    async run() {
      for (const step of steps.reverse()) await step();
      steps.length = 0;
    },
  };
}

/**
 * The gateway's stop(): closes the server, then runs the cleanups; once, however often called.
 * The server goes first although it started after the cache and the upstream: in plain reverse
 * order vmsingle (started after the server listens) would stop while in-flight queries still
 * stream from it and while new connections are still accepted, only for them to fail with 502.
 */
export function stopInOrder(closeServer: Cleanup, cleanups: Cleanups): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      try {
        await closeServer();
      } finally {
        await cleanups.run();
      }
    })();
    return stopping;
  };
}

/**
 * The server's close preceded by the drain: /readyz answers 503 at once, and the server keeps
 * serving for `delayMs` (LAYER_SHUTDOWN_DELAY_MS) so that load balancers, which see readiness only
 * at their next check, take the gateway out of rotation before it stops accepting connections.
 */
export function drainThenClose(readiness: Readiness, delayMs: number, closeServer: Cleanup, logger: Pick<Logger, 'info'>): Cleanup {
  return async () => {
    readiness.drain();
    if (delayMs > 0) {
      logger.info({ delayMs }, 'draining: /readyz answers 503; still serving until LAYER_SHUTDOWN_DELAY_MS has passed');
      await sleep(delayMs);
    }
    await closeServer();
  };
}
