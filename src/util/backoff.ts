/**
 * Capped exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015): the n-th wait is uniform in [0, min(maxMs, initialMs * factor^n)). Full jitter
 * spreads reconnecting clients apart instead of letting them retry in lockstep.
 */

/** Options of createBackoff. */
export interface BackoffOptions {
  /** Upper bound of the first wait, in milliseconds; must be > 0. */
  initialMs: number;
  /** Upper bound of every wait, in milliseconds; must be >= initialMs. */
  maxMs: number;
  /** Growth of the bound per attempt. (default: 2) */
  factor?: number;
  /** Source of uniform numbers in [0, 1); injected by tests. (default: Math.random) */
  random?: () => number;
}

/** A backoff sequence: each next() is the next wait; reset() starts over after a success. */
export interface Backoff {
  /** The next wait in whole milliseconds, and counts one attempt. */
  next(): number;
  /** Starts the sequence over at initialMs. */
  reset(): void;
  /** How many waits next() has handed out since creation or the last reset(). */
  readonly attempt: number;
}

/** Builds a capped exponential backoff with full jitter; throws RangeError on nonsense bounds. */
export function createBackoff(options: BackoffOptions): Backoff {
  const { initialMs, maxMs, factor = 2, random = Math.random } = options;
  if (!(initialMs > 0) || !Number.isFinite(initialMs)) {
    throw new RangeError(`backoff initialMs must be a finite number > 0; got ${initialMs}`);
  }
  if (!(maxMs >= initialMs) || !Number.isFinite(maxMs)) {
    throw new RangeError(`backoff maxMs must be a finite number >= initialMs (${initialMs}); got ${maxMs}`);
  }
  if (!(factor >= 1) || !Number.isFinite(factor)) {
    throw new RangeError(`backoff factor must be a finite number >= 1; got ${factor}`);
  }
  let attempt = 0;
  return {
    next() {
      // factor ** attempt overflows to Infinity after enough attempts; Math.min keeps it capped.
      const cap = Math.min(maxMs, initialMs * factor ** attempt);
      attempt += 1;
      return Math.floor(random() * cap);
    },
    reset() {
      attempt = 0;
    },
    get attempt() {
      return attempt;
    },
  };
}
