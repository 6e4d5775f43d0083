/**
 * The gateway's own metrics registry and health snapshot, which every later step reports into.
 */
import { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { catalogVersion } from '../generated/catalog.ts';
import type { MetricHandles } from '../generated/metrics.ts';
import { createReadiness, type Readiness } from '../health/readiness.ts';
import { createHealthSnapshot, type BackendMode, type BackendState, type HealthSnapshot } from '../health/snapshot.ts';
import { createMetricBatch, type MetricBatch } from '../metrics/batch.ts';
import { registerMetrics } from '../metrics/register.ts';
import { runtimeCollectors } from '../metrics/runtime.ts';
import { collectUpstreamInFlight, type UpstreamInFlight } from '../passthrough/upstream-metrics.ts';

/** The registry, its typed handles, the batch of per-request updates, the backend requests in flight, and the health snapshot. */
export interface Observability {
  readonly registry: Registry;
  readonly metrics: MetricHandles;
  readonly batch: MetricBatch;
  /** Backend requests in flight, written to layer_upstream_in_flight_requests at scrape time. */
  readonly upstreamInFlight: UpstreamInFlight;
  readonly health: HealthSnapshot;
  /** GET /readyz's state: the backend's from `health`, and whether the gateway is draining. */
  readonly readiness: Readiness;
  readonly mode: BackendMode;
  /** Sets the backend's state in both /health and `layer_backend_up`, which must never disagree. */
  setBackend(state: BackendState, reason?: string): void;
}

/** A fresh registry (never prom-client's global one) and health snapshot; the backend starts as `starting`. */
export function createObservability(config: Pick<Config, 'vmUrl'>): Observability {
  const registry = new Registry();
  // Per-request updates of these families queue in `batch`; each flushes it before it is read.
  const batch = createMetricBatch();
  const flush = () => batch.flush();
  const upstreamInFlight: UpstreamInFlight = { count: 0 };
  const metrics = registerMetrics(registry, {
    collect: {
      ...runtimeCollectors(),
      layer_http_requests_total: flush,
      layer_http_request_duration_seconds: flush,
      layer_upstream_requests_total: flush,
      layer_upstream_request_duration_seconds: flush,
      layer_upstream_in_flight_requests: collectUpstreamInFlight(upstreamInFlight),
    },
  });
  metrics.layer_catalog_info.set({ version: catalogVersion }, 1);
  const mode: BackendMode = config.vmUrl ? 'external' : 'bundled';
  const health = createHealthSnapshot(mode);
  const setBackend = (state: BackendState, reason?: string) => {
    health.setBackend(state, reason);
    metrics.layer_backend_up.set({ mode }, state === 'up' ? 1 : 0);
  };
  setBackend('starting');
  const readiness = createReadiness(() => health.readBackend());
  return { registry, metrics, batch, upstreamInFlight, health, readiness, mode, setBackend };
}
