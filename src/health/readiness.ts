/**
 * Readiness: whether this gateway can serve the metrics API now. It listens (or nothing would
 * answer), it is not draining, and its backend answered the last probe, which touches storage.
 * What only degrades the service (a cold cache, partial answers) is /health's, not readiness's:
 * a shared cache blip must not take every gateway out of a load balancer at once.
 */
import type { components } from '../generated/api-types.ts';
import type { BackendMode, BackendState } from './snapshot.ts';

/** The Readyz body of openapi.yaml, every field sent. */
export type ReadyzBody = Required<components['schemas']['Readyz']>;

/** The readiness state and its read side. */
export interface Readiness {
  /** Marks the gateway as stopping: from now on it is not ready. Idempotent. */
  drain(): void;
  /** Whether drain() was called. */
  readonly draining: boolean;
  /** The current body and its status: 200 when ready, 503 otherwise. */
  read(): { status: 200 | 503; body: ReadyzBody };
}

/** Creates the readiness state over the backend's state as the probes report it. */
export function createReadiness(backend: () => { state: BackendState; mode: BackendMode }): Readiness {
  let draining = false;
  return {
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    read() {
      const { state, mode } = backend();
      const reasons: string[] = [];
      if (draining) reasons.push('draining: the gateway is stopping and takes no new requests');
      if (state !== 'up') reasons.push(`metrics backend ${state}`);
      return {
        status: reasons.length === 0 ? 200 : 503,
        body: { status: reasons.length === 0 ? 'ready' : 'not_ready', reasons, draining, backend: { state, mode } },
      };
    },
  };
}
