/** The one place the upstream metrics of a backend request are recorded, whichever route sent it. */
import type { MetricHandles } from '../generated/metrics.ts';
import type { BatchedUpdate, MetricBatch } from '../metrics/batch.ts';
import type { Endpoint } from '../proxy/endpoints.ts';
import { UpstreamError, type UpstreamFailure } from '../proxy/upstream.ts';

/**
 * The backend requests in flight, shared by every UpstreamMetrics of one gateway: a plain number per
 * request, which the collect hook of layer_upstream_in_flight_requests writes to the gauge at scrape
 * time (prom-client's Gauge builds a value object and hashes its labels on every change).
 */
export interface UpstreamInFlight {
  count: number;
}

/** The collect hook that shows `inFlight` in layer_upstream_in_flight_requests. */
export function collectUpstreamInFlight(inFlight: UpstreamInFlight): (gauge: MetricHandles['layer_upstream_in_flight_requests']) => void {
  return (gauge) => gauge.set(inFlight.count);
}

/** Records layer_upstream_requests_total, _request_duration_seconds, _in_flight_requests and _errors_total. */
export class UpstreamMetrics {
  private readonly recordDuration: BatchedUpdate<Endpoint, null, null>;
  private readonly recordStatus: BatchedUpdate<Endpoint, string, null>;

  constructor(
    private readonly metrics: MetricHandles,
    private readonly batch: MetricBatch,
    private readonly inFlight: UpstreamInFlight,
  ) {
    this.recordDuration = (endpoint, _b, _c, durations) => metrics.layer_upstream_request_duration_seconds.observeEach({ endpoint }, durations);
    this.recordStatus = (endpoint, code, _c, responses) => metrics.layer_upstream_requests_total.inc({ endpoint, code }, responses.length);
  }

  /** A backend request starts; returns its start time for `settled`. */
  started(): number {
    const started = performance.now();
    this.inFlight.count++;
    return started;
  }

  /** The backend answered with `status`. */
  answered(endpoint: Endpoint, status: number): void {
    this.batch.add(this.recordStatus, endpoint, String(status), null, 0);
  }

  /** The backend request ended without a response. */
  failed(endpoint: Endpoint, error: unknown): void {
    if (!(error instanceof UpstreamError)) return;
    this.metrics.layer_upstream_requests_total.inc({ endpoint, code: error.status === undefined ? 'none' : String(error.status) });
    this.metrics.layer_upstream_errors_total.inc({ endpoint, reason: error.reason });
  }

  /** A response body broke off, or its reader was cut for stalling. */
  broke(endpoint: Endpoint, reason: UpstreamFailure | 'stalled'): void {
    this.metrics.layer_upstream_errors_total.inc({ endpoint, reason });
  }

  /** The backend request is over, answered or not. */
  settled(endpoint: Endpoint, started: number): void {
    this.inFlight.count--;
    this.batch.add(this.recordDuration, endpoint, null, null, (performance.now() - started) / 1000);
  }
}
