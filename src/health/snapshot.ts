/**
 * The health snapshot: kept up to date in the background by the backend supervisor, the cache
 * monitor and the namespace registry, read synchronously by GET /health. The handler never waits
 * on a dependency, so it answers in milliseconds while the cache or the backend hangs.
 */

import type { components } from '../generated/api-types.ts';
import { createPartialResponses, type PartialResponsesView } from './partial-responses.ts';

/**
 * The Health body of openapi.yaml. The contract marks the additive fields optional for clients;
 * the gateway always sends every one of them.
 */
export type HealthBody = Required<components['schemas']['Health']>;

/** State of the metrics backend. */
export type BackendState = HealthBody['backend']['state'];

/** How the backend is run. */
export type BackendMode = HealthBody['backend']['mode'];

/** The mutable inputs and the read side of the snapshot. */
export interface HealthSnapshot {
  /** Sets the backend's state; `reason` replaces the generic "metrics backend <state>" among the reasons. (default: none) */
  setBackend(state: BackendState, reason?: string): void;
  setCache(cache: HealthBody['cache']): void;
  setNamespaces(namespaces: HealthBody['namespaces']): void;
  /** The rule engine's firing and pending alert counts; they never make the status degraded on their own. */
  setAlerts(alerts: HealthBody['alerts']): void;
  /** Counts one backend answer marked `"isPartial":true`. */
  recordPartial(): void;
  /** The backend's state and mode, without building the whole body. */
  readBackend(): HealthBody['backend'];
  /** The current body and its status: 200 when ok, 503 when degraded. */
  read(): { status: 200 | 503; body: HealthBody };
}

/** Why the gateway is degraded, from its inputs; empty when it is healthy. */
export function degradedReasons(
  backend: BackendState,
  cache: HealthBody['cache'],
  namespaces: HealthBody['namespaces'],
  partial: PartialResponsesView = { last_minute: 0 },
  backendReason?: string,
): string[] {
  const reasons: string[] = [];
  if (backend !== 'up') reasons.push(backendReason ?? `metrics backend ${backend}`);
  // Answers without some of the backend's storage: queries succeed, but their data is incomplete.
  if (partial.last_minute > 0) reasons.push(`metrics backend answered ${partial.last_minute} queries with partial data in the last minute`);
  // A cache that is not configured is not a fault; one that is configured must be connected and warm.
  if (cache.state !== 'disabled' && cache.state !== 'warm') reasons.push(`cache ${cache.state}`);
  for (const ns of namespaces) if (ns.state !== 'warm') reasons.push(`namespace ${ns.namespace} ${ns.state}`);
  return reasons;
}

/** Creates the snapshot; the backend starts as `starting` and the cache as `disabled`. */
export function createHealthSnapshot(mode: BackendMode, now: () => number = Date.now): HealthSnapshot {
  const startedAt = now();
  let backend: BackendState = 'starting';
  let backendReason: string | undefined;
  let cache: HealthBody['cache'] = { state: 'disabled', reconnect_generation: 0, connection: 'disabled' };
  let namespaces: HealthBody['namespaces'] = [];
  let alerts: HealthBody['alerts'] = { firing: 0, pending: 0, source: 'none' };
  let checkedAt = startedAt;
  const partial = createPartialResponses(now);
  const touch = () => {
    checkedAt = now();
  };
  return {
    setBackend(state, reason) {
      backend = state;
      backendReason = reason;
      touch();
    },
    setCache(next) {
      cache = { ...next };
      touch();
    },
    setNamespaces(next) {
      namespaces = next.map((ns) => ({ ...ns }));
      touch();
    },
    setAlerts(next) {
      alerts = { ...next };
      touch();
    },
    readBackend() {
      return { state: backend, mode };
    },
    recordPartial() {
      partial.record();
    },
    read() {
      const partialResponses = partial.read();
      const reasons = degradedReasons(backend, cache, namespaces, partialResponses, backendReason);
      return {
        status: reasons.length === 0 ? 200 : 503,
        body: {
          status: reasons.length === 0 ? 'ok' : 'degraded',
          reasons,
          backend: { state: backend, mode },
          cache: { ...cache },
          namespaces: namespaces.map((ns) => ({ ...ns })),
          alerts: { ...alerts },
          uptime_seconds: Math.round((now() - startedAt) / 100) / 10,
          checked_at: new Date(checkedAt).toISOString(),
          partial_responses: partialResponses,
        },
      };
    },
  };
}
