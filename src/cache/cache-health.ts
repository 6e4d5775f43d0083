/**
 * The NVMe cache as /health reports it: by warmth while connected (warm, warming, cold),
 * `disconnected` while configured but not connected, `disabled` when there is no cache; the
 * connection state behind it rides along. Two sources feed it: the built-in connection monitor
 * (LAYER_CACHE_ADDR set), which has no warmth signal, and an embedding host's reports.
 */
import type { HealthBody } from '../health/snapshot.ts';
import { InvalidArgumentError } from '../invalid-argument-error.ts';
import type { CacheSnapshot } from './monitor.ts';

/** The cache object of the Health body, every field present. */
export type CacheHealth = Required<HealthBody['cache']>;

/** `warm`, `warming`, `cold`, `disconnected` or `disabled`. */
export type CacheHealthState = CacheHealth['state'];

/** What an embedding host may report: every health state but `disabled`, which means "no cache". */
export type ReportedCacheState = Exclude<CacheHealthState, 'disabled'>;

/** The states a host may report, for checking values that arrive untyped. */
export const REPORTED_CACHE_STATES: readonly ReportedCacheState[] = ['warm', 'warming', 'cold', 'disconnected'];

/** Thrown by a host's cache report while LAYER_CACHE_ADDR makes the built-in monitor the owner. */
export class CacheOwnedByMonitorError extends Error {
  override name = 'CacheOwnedByMonitorError';
  readonly code = 'ERR_CACHE_OWNED_BY_MONITOR';
  constructor() {
    super(
      'cache.report(): LAYER_CACHE_ADDR is set, so the gateway\'s own connection monitor owns the cache state; ' +
        'unset LAYER_CACHE_ADDR to report the cache state from the embedding process',
    );
  }
}

/**
 * The health view of the built-in monitor's connection: connected is `warm` (the monitor cannot
 * see warmth, and the standalone namespace policy makes the same assumption), connecting and
 * lost are `disconnected`.
 */
export function cacheHealthOfConnection(snapshot: CacheSnapshot): CacheHealth {
  const state = snapshot.state === 'connected' ? 'warm' : snapshot.state === 'disabled' ? 'disabled' : 'disconnected';
  return { state, reconnect_generation: snapshot.reconnect_generation, connection: snapshot.state };
}

/** The cache state an embedding host reports; `disabled` until its first report. */
export interface HostCacheState {
  /** Records a report; listeners hear of it only if the state changed. Throws InvalidArgumentError (code ERR_INVALID_CACHE_STATE) for a value outside the set. */
  report(state: ReportedCacheState): void;
  /** The current health view. */
  snapshot(): CacheHealth;
}

/**
 * Builds the host-reported cache state. Any state but `disconnected` means connected, so
 * `reconnect_generation` counts each move from `disconnected` back to connected after the first
 * connection, as the monitor counts re-established connections.
 */
export function createHostCacheState(onChange: (cache: CacheHealth) => void): HostCacheState {
  let current: CacheHealth = { state: 'disabled', reconnect_generation: 0, connection: 'disabled' };
  let everConnected = false;
  return {
    report(state) {
      if (!REPORTED_CACHE_STATES.includes(state)) {
        throw new InvalidArgumentError('ERR_INVALID_CACHE_STATE', `cache.report(${JSON.stringify(state)}): the state must be one of ${REPORTED_CACHE_STATES.join(', ')}`);
      }
      if (state === current.state) return;
      const connected = state !== 'disconnected';
      let generation = current.reconnect_generation;
      if (connected && current.connection !== 'connected') {
        if (everConnected) generation += 1;
        everConnected = true;
      }
      current = { state, reconnect_generation: generation, connection: connected ? 'connected' : 'disconnected' };
      onChange({ ...current });
    },
    snapshot: () => ({ ...current }),
  };
}
