/**
 * The one start or restart a supervisor has in progress, held so that its stop() can wait for it
 * to settle before stopping the process that work may have launched.
 */

/** The latest tracked work of a supervisor, until it settles. */
export interface Inflight {
  /** Holds work as the one in progress and returns it, settling as it does. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Whether tracked work has not settled yet. */
  readonly busy: boolean;
  /** Resolves once the work in progress, if any, has settled, whatever its outcome. */
  settled(): Promise<void>;
}

/** Creates an empty Inflight. */
export function createInflight(): Inflight {
  let inflight: Promise<unknown> | undefined;
  return {
    track(work) {
      inflight = work;
      return work.finally(() => {
        if (inflight === work) inflight = undefined;
      });
    },
    get busy() {
      return inflight !== undefined;
    },
    async settled() {
      await inflight?.catch(() => undefined);
    },
  };
}
