/**
 * Quarantine of the queries that were in flight when the bundled vmsingle crashed: any of them may
 * be what crashed it, and sending it again would crash it again. Each is refused for a while,
 * keyed by its decoded `query` text alone (not `time`, `step` or the method), so an innocent query
 * caught in the same crash is refused too, for the same time.
 *
 * Queries are held as SHA-256 digests, never as text: memory per entry is fixed, and the log and
 * the refusal name a short fingerprint only.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { Dictionary, textKeys } from '../util/dictionary.ts';

/** Options of createQuarantine; every default is written out. */
export interface QuarantineOptions {
  /** How long a query stays refused. (default: 600000, ten minutes) */
  durationMs?: number;
  /** Most queries held at once; the oldest is dropped first. (default: 1000) */
  maxEntries?: number;
  /**
   * A query whose backend request failed this recently, before the crash was noticed, counts as in
   * flight: the request fails on the closed connection before the supervisor sees the exit. (default: 5000)
   */
  graceMs?: number;
  logger: Logger;
  /** The clock, injected by tests. (default: Date.now) */
  now?: () => number;
}

/** One query on its way to the backend. */
export interface TrackedQuery {
  /** The backend answered, or the request timed out or was aborted: no longer a suspect. */
  done(): void;
  /** The backend request failed without an answer: a suspect for a short while longer. */
  failed(): void;
}

/** Queries in flight to the bundled backend, and those refused since it crashed. */
export interface Quarantine {
  /** The time until which `query` is refused, or undefined when it is not. */
  refusedUntil(query: string): Date | undefined;
  /** Notes that `query` is being sent to the backend. */
  track(query: string): TrackedQuery;
  /** The backend exited unexpectedly: quarantines every query in flight (or just failed); returns how many. */
  backendCrashed(): number;
}

/** A short, non-reversible name of a query for logs and messages. */
export function fingerprintOf(query: string): string {
  return digest(query).slice(0, FINGERPRINT_LENGTH);
}

const FINGERPRINT_LENGTH = 12;

function digest(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** Creates an empty quarantine. */
export function createQuarantine(options: QuarantineOptions): Quarantine {
  const { logger, durationMs = 600_000, maxEntries = 1000, graceMs = 5000, now = Date.now } = options;
  /** Digest -> refused until (ms); insertion order is age order. */
  const refused = new Map<string, number>();
  /** Digest -> requests in flight with that query: keys come and go with every request, hence no Map (see dictionary.ts). */
  const inFlight = new Dictionary<string, number>(textKeys());
  /** Requests that failed without an answer, newest last; pruned by age and count. */
  let failures: { key: string; at: number }[] = [];

  const release = (key: string) => {
    const count = (inFlight.get(key) ?? 1) - 1;
    if (count > 0) inFlight.set(key, count);
    else inFlight.delete(key);
  };

  return {
    refusedUntil(query) {
      if (refused.size === 0) return undefined;
      const key = digest(query);
      const until = refused.get(key);
      if (until === undefined) return undefined;
      if (until > now()) return new Date(until);
      refused.delete(key);
      return undefined;
    },
    track(query) {
      const key = digest(query);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      let settled = false;
      const settle = () => {
        if (settled) return false;
        settled = true;
        release(key);
        return true;
      };
      return {
        done: settle,
        failed() {
          if (!settle()) return;
          const at = now();
          failures = failures.filter((failure) => at - failure.at <= graceMs).slice(-maxEntries + 1);
          failures.push({ key, at });
        },
      };
    },
    backendCrashed() {
      const at = now();
      const suspects = new Set([...inFlight.keys(), ...failures.filter((failure) => at - failure.at <= graceMs).map((failure) => failure.key)]);
      failures = [];
      const until = at + durationMs;
      for (const key of suspects) {
        refused.delete(key); // re-inserted as the newest
        refused.set(key, until);
        logger.warn({ fingerprint: key.slice(0, FINGERPRINT_LENGTH), until: new Date(until).toISOString() }, 'query quarantined: it was in flight when the metrics backend crashed');
      }
      for (const key of refused.keys()) {
        if (refused.size <= maxEntries) break;
        refused.delete(key);
      }
      return suspects.size;
    },
  };
}
