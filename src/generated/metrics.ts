/**
 * GENERATED from catalog.yaml by `npm run generate`. Do not edit by hand:
 * change catalog.yaml and run `npm run generate` again.
 */

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CounterHandle, GaugeHandle, HistogramHandle, PlainCounterHandle, PlainGaugeHandle } from '../metrics/handles.ts';
import { createLabelGuard } from '../metrics/label-guard.ts';

/** Every metric family the gateway exposes at /metrics, in catalog order. */
export const metricFamilies = ["layer_query_duration_seconds","layer_pipeline_stage_count","layer_http_requests_total","layer_http_request_duration_seconds","layer_upstream_requests_total","layer_upstream_request_duration_seconds","layer_upstream_errors_total","layer_upstream_in_flight_requests","layer_proxy_coalesced_total","layer_proxy_rejections_total","layer_auth_failures_total","layer_cache_connection_state","layer_cache_state","layer_cache_reconnect_generation","layer_cache_namespace_state","layer_backend_up","layer_vmsingle_restarts_total","layer_catalog_info","layer_metrics_label_overflow_total","process_cpu_seconds_total","process_resident_memory_bytes","process_start_time_seconds","process_open_fds","nodejs_eventloop_lag_seconds","nodejs_heap_used_bytes"] as const;

/** The name of one metric family. */
export type MetricFamily = (typeof metricFamilies)[number];

/** Labels of `layer_query_duration_seconds`. */
export type LayerQueryDurationSecondsLabels = {
  /** The pipeline that served the query. */
  pipeline_id: string;
  /** The cache namespace the query read. */
  namespace: string;
  /** How the query ended. */
  status: "ok" | "error" | "timeout" | "canceled";
};

/** Labels of `layer_pipeline_stage_count`. */
export type LayerPipelineStageCountLabels = {
  /** Pipeline stage. */
  stage: "pending" | "planning" | "fetching" | "merging" | "done";
};

/** Labels of `layer_http_requests_total`. */
export type LayerHttpRequestsTotalLabels = {
  /** Route template of the request; `unmatched` for paths no route serves. */
  route: "/metrics" | "/health" | "/livez" | "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars" | "/v2/metrics/api/v1/metadata" | "/v2/metrics/api/v1/status/buildinfo" | "/v2/metrics/catalog" | "/v2/metrics/catalog/{name}" | "/observe" | "/observe/assets/{file}" | "unmatched";
  /** HTTP method; methods outside the set count as `other`. */
  method: "GET" | "POST" | "HEAD" | "OPTIONS" | "other";
  /** HTTP status code of the response. */
  code: string;
};

/** Labels of `layer_http_request_duration_seconds`. */
export type LayerHttpRequestDurationSecondsLabels = {
  /** Route template of the request; `unmatched` for paths no route serves. */
  route: "/metrics" | "/health" | "/livez" | "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars" | "/v2/metrics/api/v1/metadata" | "/v2/metrics/api/v1/status/buildinfo" | "/v2/metrics/catalog" | "/v2/metrics/catalog/{name}" | "/observe" | "/observe/assets/{file}" | "unmatched";
  /** HTTP method; methods outside the set count as `other`. */
  method: "GET" | "POST" | "HEAD" | "OPTIONS" | "other";
};

/** Labels of `layer_upstream_requests_total`. */
export type LayerUpstreamRequestsTotalLabels = {
  /** Backend endpoint. */
  endpoint: "query" | "query_range" | "labels" | "label_values" | "series" | "query_exemplars" | "metadata";
  /** Status code the backend answered; `none` when it sent no response. */
  code: string;
};

/** Labels of `layer_upstream_request_duration_seconds`. */
export type LayerUpstreamRequestDurationSecondsLabels = {
  /** Backend endpoint. */
  endpoint: "query" | "query_range" | "labels" | "label_values" | "series" | "query_exemplars" | "metadata";
};

/** Labels of `layer_upstream_errors_total`. */
export type LayerUpstreamErrorsTotalLabels = {
  /** Backend endpoint. */
  endpoint: "query" | "query_range" | "labels" | "label_values" | "series" | "query_exemplars" | "metadata";
  /** unreachable: no connection; timeout: no answer within LAYER_VM_TIMEOUT_MS; reset: the backend failed mid-body; aborted: the client went away first; stalled: the client stopped reading a streamed answer for LAYER_PROXY_STALL_TIMEOUT_MS and the gateway cut it. */
  reason: "unreachable" | "timeout" | "reset" | "aborted" | "stalled";
};

/** Labels of `layer_proxy_coalesced_total`. */
export type LayerProxyCoalescedTotalLabels = {
  /** Route template of the request. */
  route: "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars" | "/v2/metrics/api/v1/metadata";
};

/** Labels of `layer_proxy_rejections_total`. */
export type LayerProxyRejectionsTotalLabels = {
  /** Backend endpoint the request was meant for. */
  endpoint: "query" | "query_range" | "labels" | "label_values" | "series" | "query_exemplars" | "metadata";
  /** bad_request: invalid parameters (400); body_too_large: over LAYER_PROXY_MAX_BODY_BYTES (413); body_timeout: body not received within LAYER_PROXY_BODY_TIMEOUT_MS (408); concurrency: over LAYER_PROXY_MAX_CONCURRENT queries or bodies being received (429); concurrency_per_token: over LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN for one token (429); known_crash: a query form known to crash the backend, such as an M (1e6) duration (400); quarantined: a query that was in flight when the bundled backend crashed, refused for ten minutes (400). */
  reason: "bad_request" | "body_too_large" | "body_timeout" | "concurrency" | "concurrency_per_token" | "known_crash" | "quarantined";
};

/** Labels of `layer_auth_failures_total`. */
export type LayerAuthFailuresTotalLabels = {
  /** missing: no credentials; malformed: unparsable Authorization header; invalid: unknown token; query_string: a token was sent in the URL. */
  reason: "missing" | "malformed" | "invalid" | "query_string";
};

/** Labels of `layer_cache_connection_state`. */
export type LayerCacheConnectionStateLabels = {
  /** Connection state. */
  state: "disabled" | "connecting" | "connected" | "disconnected";
};

/** Labels of `layer_cache_state`. */
export type LayerCacheStateLabels = {
  /** warm, warming or cold: connected, by warmth; disconnected: configured but not connected; disabled: no cache. */
  state: "warm" | "warming" | "cold" | "disconnected" | "disabled";
};

/** Labels of `layer_cache_namespace_state`. */
export type LayerCacheNamespaceStateLabels = {
  /** Cache namespace. */
  namespace: string;
  /** Namespace state. */
  state: "warm" | "warming" | "cold";
};

/** Labels of `layer_backend_up`. */
export type LayerBackendUpLabels = {
  /** bundled when the gateway runs vmsingle itself, external with LAYER_VM_URL. */
  mode: "bundled" | "external";
};

/** Labels of `layer_catalog_info`. */
export type LayerCatalogInfoLabels = {
  /** Catalog version, YYYY-MM. */
  version: string;
};

/** Labels of `layer_metrics_label_overflow_total`. */
export type LayerMetricsLabelOverflowTotalLabels = {
  /** Metric family whose label overflowed. */
  metric: string;
  /** Label that overflowed. */
  label: string;
};

/** One typed handle per catalog entry. */
export interface MetricHandles {
  /** Total wall-clock for a query through layer. */
  layer_query_duration_seconds: HistogramHandle<LayerQueryDurationSecondsLabels>;
  /** Queries currently in each pipeline stage. */
  layer_pipeline_stage_count: GaugeHandle<LayerPipelineStageCountLabels>;
  /** HTTP requests answered by the gateway, by route template, method and status code. */
  layer_http_requests_total: CounterHandle<LayerHttpRequestsTotalLabels>;
  /** Time from receiving a request to sending the last byte of its response. */
  layer_http_request_duration_seconds: HistogramHandle<LayerHttpRequestDurationSecondsLabels>;
  /** Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code. */
  layer_upstream_requests_total: CounterHandle<LayerUpstreamRequestsTotalLabels>;
  /** Time from sending a request to the metrics backend to the end of its response body. */
  layer_upstream_request_duration_seconds: HistogramHandle<LayerUpstreamRequestDurationSecondsLabels>;
  /** Passthrough requests that failed without a complete backend response, by reason. */
  layer_upstream_errors_total: CounterHandle<LayerUpstreamErrorsTotalLabels>;
  /** Passthrough requests currently waiting on or streaming from the metrics backend. */
  layer_upstream_in_flight_requests: PlainGaugeHandle;
  /** Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template. */
  layer_proxy_coalesced_total: CounterHandle<LayerProxyCoalescedTotalLabels>;
  /** Passthrough requests the gateway refused before reaching the backend, by reason. */
  layer_proxy_rejections_total: CounterHandle<LayerProxyRejectionsTotalLabels>;
  /** Requests refused by edge auth, by reason. */
  layer_auth_failures_total: CounterHandle<LayerAuthFailuresTotalLabels>;
  /** NVMe cache connection state; the series of the current state is 1, the others 0. */
  layer_cache_connection_state: GaugeHandle<LayerCacheConnectionStateLabels>;
  /** NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0. */
  layer_cache_state: GaugeHandle<LayerCacheStateLabels>;
  /** Incremented each time a lost NVMe cache connection is re-established. */
  layer_cache_reconnect_generation: PlainGaugeHandle;
  /** Cache state of each namespace; the series of the current state is 1, the others 0. */
  layer_cache_namespace_state: GaugeHandle<LayerCacheNamespaceStateLabels>;
  /** 1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0. */
  layer_backend_up: GaugeHandle<LayerBackendUpLabels>;
  /** Times the gateway restarted its bundled vmsingle after it exited unexpectedly. */
  layer_vmsingle_restarts_total: PlainCounterHandle;
  /** Always 1; the version label carries the catalog version the gateway was built with. */
  layer_catalog_info: GaugeHandle<LayerCatalogInfoLabels>;
  /** Observations recorded under the label value __overflow__ because the real value was outside its allowed set or past its cardinality budget. */
  layer_metrics_label_overflow_total: CounterHandle<LayerMetricsLabelOverflowTotalLabels>;
  /** User and system CPU time spent by the gateway process. */
  process_cpu_seconds_total: PlainCounterHandle;
  /** Resident memory of the gateway process. */
  process_resident_memory_bytes: PlainGaugeHandle;
  /** Start time of the gateway process since the Unix epoch. */
  process_start_time_seconds: PlainGaugeHandle;
  /** Open file descriptors of the gateway process. */
  process_open_fds: PlainGaugeHandle;
  /** Event loop delay (p99 over the last scrape interval). */
  nodejs_eventloop_lag_seconds: PlainGaugeHandle;
  /** V8 heap in use. */
  nodejs_heap_used_bytes: PlainGaugeHandle;
}

/** Options of registerMetrics. */
export interface RegisterMetricsOptions {
  /** Callbacks run at scrape time to refresh a metric (process and runtime figures, say). (default: none) */
  collect?: { [K in MetricFamily]?: (handle: MetricHandles[K]) => void | Promise<void> };
}

/** Registers every catalog entry into `registry` (never the global one) and returns typed handles. */
export function registerMetrics(registry: Registry, options: RegisterMetricsOptions = {}): MetricHandles {
  const handles = {} as MetricHandles;
  const hooks = options.collect ?? {};
  // prom-client calls `collect` at scrape time, by when every handle exists.
  const collector = (name: MetricFamily) => {
    const hook = hooks[name] as ((handle: unknown) => void | Promise<void>) | undefined;
    return hook ? { collect: () => hook(handles[name]) } : {};
  };
  // The overflow counter's own labels are bounded too, but it cannot count itself.
  const ignoreOverflow = () => {};
  const countOverflow = (metric: MetricFamily) => (label: string) => handles.layer_metrics_label_overflow_total.inc({ metric, label });
  const m0 = new Histogram({ name: "layer_query_duration_seconds", help: "Total wall-clock for a query through layer.", labelNames: ["pipeline_id","namespace","status"], buckets: [0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60], registers: [registry], ...collector("layer_query_duration_seconds") });
  const g0 = createLabelGuard([{"name":"pipeline_id","maxValues":200},{"name":"namespace","maxValues":256},{"name":"status","values":["ok","error","timeout","canceled"]}], countOverflow("layer_query_duration_seconds"));
  handles.layer_query_duration_seconds = { observe: (labels, value) => m0.observe(g0(labels), value) };
  const m1 = new Gauge({ name: "layer_pipeline_stage_count", help: "Queries currently in each pipeline stage.", labelNames: ["stage"], registers: [registry], ...collector("layer_pipeline_stage_count") });
  const g1 = createLabelGuard([{"name":"stage","values":["pending","planning","fetching","merging","done"]}], countOverflow("layer_pipeline_stage_count"));
  handles.layer_pipeline_stage_count = {
      set: (labels, value) => m1.set(g1(labels), value),
      inc: (labels, value) => m1.inc(g1(labels), value),
      dec: (labels, value) => m1.dec(g1(labels), value),
      remove: (labels) => m1.remove({ ...labels }),
    };
  const m2 = new Counter({ name: "layer_http_requests_total", help: "HTTP requests answered by the gateway, by route template, method and status code.", labelNames: ["route","method","code"], registers: [registry], ...collector("layer_http_requests_total") });
  const g2 = createLabelGuard([{"name":"route","values":["/metrics","/health","/livez","/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata","/v2/metrics/api/v1/status/buildinfo","/v2/metrics/catalog","/v2/metrics/catalog/{name}","/observe","/observe/assets/{file}","unmatched"]},{"name":"method","values":["GET","POST","HEAD","OPTIONS","other"]},{"name":"code","maxValues":40}], countOverflow("layer_http_requests_total"));
  handles.layer_http_requests_total = { inc: (labels, value) => m2.inc(g2(labels), value) };
  const m3 = new Histogram({ name: "layer_http_request_duration_seconds", help: "Time from receiving a request to sending the last byte of its response.", labelNames: ["route","method"], buckets: [0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60], registers: [registry], ...collector("layer_http_request_duration_seconds") });
  const g3 = createLabelGuard([{"name":"route","values":["/metrics","/health","/livez","/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata","/v2/metrics/api/v1/status/buildinfo","/v2/metrics/catalog","/v2/metrics/catalog/{name}","/observe","/observe/assets/{file}","unmatched"]},{"name":"method","values":["GET","POST","HEAD","OPTIONS","other"]}], countOverflow("layer_http_request_duration_seconds"));
  handles.layer_http_request_duration_seconds = { observe: (labels, value) => m3.observe(g3(labels), value) };
  const m4 = new Counter({ name: "layer_upstream_requests_total", help: "Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code.", labelNames: ["endpoint","code"], registers: [registry], ...collector("layer_upstream_requests_total") });
  const g4 = createLabelGuard([{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"code","maxValues":40}], countOverflow("layer_upstream_requests_total"));
  handles.layer_upstream_requests_total = { inc: (labels, value) => m4.inc(g4(labels), value) };
  const m5 = new Histogram({ name: "layer_upstream_request_duration_seconds", help: "Time from sending a request to the metrics backend to the end of its response body.", labelNames: ["endpoint"], buckets: [0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60], registers: [registry], ...collector("layer_upstream_request_duration_seconds") });
  const g5 = createLabelGuard([{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]}], countOverflow("layer_upstream_request_duration_seconds"));
  handles.layer_upstream_request_duration_seconds = { observe: (labels, value) => m5.observe(g5(labels), value) };
  const m6 = new Counter({ name: "layer_upstream_errors_total", help: "Passthrough requests that failed without a complete backend response, by reason.", labelNames: ["endpoint","reason"], registers: [registry], ...collector("layer_upstream_errors_total") });
  const g6 = createLabelGuard([{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"reason","values":["unreachable","timeout","reset","aborted","stalled"]}], countOverflow("layer_upstream_errors_total"));
  handles.layer_upstream_errors_total = { inc: (labels, value) => m6.inc(g6(labels), value) };
  const m7 = new Gauge({ name: "layer_upstream_in_flight_requests", help: "Passthrough requests currently waiting on or streaming from the metrics backend.", labelNames: [], registers: [registry], ...collector("layer_upstream_in_flight_requests") });
  handles.layer_upstream_in_flight_requests = { set: (value) => m7.set(value), inc: (value) => m7.inc(value), dec: (value) => m7.dec(value) };
  const m8 = new Counter({ name: "layer_proxy_coalesced_total", help: "Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template.", labelNames: ["route"], registers: [registry], ...collector("layer_proxy_coalesced_total") });
  const g8 = createLabelGuard([{"name":"route","values":["/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata"]}], countOverflow("layer_proxy_coalesced_total"));
  handles.layer_proxy_coalesced_total = { inc: (labels, value) => m8.inc(g8(labels), value) };
  const m9 = new Counter({ name: "layer_proxy_rejections_total", help: "Passthrough requests the gateway refused before reaching the backend, by reason.", labelNames: ["endpoint","reason"], registers: [registry], ...collector("layer_proxy_rejections_total") });
  const g9 = createLabelGuard([{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"reason","values":["bad_request","body_too_large","body_timeout","concurrency","concurrency_per_token","known_crash","quarantined"]}], countOverflow("layer_proxy_rejections_total"));
  handles.layer_proxy_rejections_total = { inc: (labels, value) => m9.inc(g9(labels), value) };
  const m10 = new Counter({ name: "layer_auth_failures_total", help: "Requests refused by edge auth, by reason.", labelNames: ["reason"], registers: [registry], ...collector("layer_auth_failures_total") });
  const g10 = createLabelGuard([{"name":"reason","values":["missing","malformed","invalid","query_string"]}], countOverflow("layer_auth_failures_total"));
  handles.layer_auth_failures_total = { inc: (labels, value) => m10.inc(g10(labels), value) };
  const m11 = new Gauge({ name: "layer_cache_connection_state", help: "NVMe cache connection state; the series of the current state is 1, the others 0.", labelNames: ["state"], registers: [registry], ...collector("layer_cache_connection_state") });
  const g11 = createLabelGuard([{"name":"state","values":["disabled","connecting","connected","disconnected"]}], countOverflow("layer_cache_connection_state"));
  handles.layer_cache_connection_state = {
      set: (labels, value) => m11.set(g11(labels), value),
      inc: (labels, value) => m11.inc(g11(labels), value),
      dec: (labels, value) => m11.dec(g11(labels), value),
      remove: (labels) => m11.remove({ ...labels }),
    };
  const m12 = new Gauge({ name: "layer_cache_state", help: "NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0.", labelNames: ["state"], registers: [registry], ...collector("layer_cache_state") });
  const g12 = createLabelGuard([{"name":"state","values":["warm","warming","cold","disconnected","disabled"]}], countOverflow("layer_cache_state"));
  handles.layer_cache_state = {
      set: (labels, value) => m12.set(g12(labels), value),
      inc: (labels, value) => m12.inc(g12(labels), value),
      dec: (labels, value) => m12.dec(g12(labels), value),
      remove: (labels) => m12.remove({ ...labels }),
    };
  const m13 = new Gauge({ name: "layer_cache_reconnect_generation", help: "Incremented each time a lost NVMe cache connection is re-established.", labelNames: [], registers: [registry], ...collector("layer_cache_reconnect_generation") });
  handles.layer_cache_reconnect_generation = { set: (value) => m13.set(value), inc: (value) => m13.inc(value), dec: (value) => m13.dec(value) };
  const m14 = new Gauge({ name: "layer_cache_namespace_state", help: "Cache state of each namespace; the series of the current state is 1, the others 0.", labelNames: ["namespace","state"], registers: [registry], ...collector("layer_cache_namespace_state") });
  const g14 = createLabelGuard([{"name":"namespace","maxValues":256},{"name":"state","values":["warm","warming","cold"]}], countOverflow("layer_cache_namespace_state"));
  handles.layer_cache_namespace_state = {
      set: (labels, value) => m14.set(g14(labels), value),
      inc: (labels, value) => m14.inc(g14(labels), value),
      dec: (labels, value) => m14.dec(g14(labels), value),
      remove: (labels) => m14.remove({ ...labels }),
    };
  const m15 = new Gauge({ name: "layer_backend_up", help: "1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0.", labelNames: ["mode"], registers: [registry], ...collector("layer_backend_up") });
  const g15 = createLabelGuard([{"name":"mode","values":["bundled","external"]}], countOverflow("layer_backend_up"));
  handles.layer_backend_up = {
      set: (labels, value) => m15.set(g15(labels), value),
      inc: (labels, value) => m15.inc(g15(labels), value),
      dec: (labels, value) => m15.dec(g15(labels), value),
      remove: (labels) => m15.remove({ ...labels }),
    };
  const m16 = new Counter({ name: "layer_vmsingle_restarts_total", help: "Times the gateway restarted its bundled vmsingle after it exited unexpectedly.", labelNames: [], registers: [registry], ...collector("layer_vmsingle_restarts_total") });
  handles.layer_vmsingle_restarts_total = { inc: (value) => m16.inc(value) };
  const m17 = new Gauge({ name: "layer_catalog_info", help: "Always 1; the version label carries the catalog version the gateway was built with.", labelNames: ["version"], registers: [registry], ...collector("layer_catalog_info") });
  const g17 = createLabelGuard([{"name":"version","maxValues":4}], countOverflow("layer_catalog_info"));
  handles.layer_catalog_info = {
      set: (labels, value) => m17.set(g17(labels), value),
      inc: (labels, value) => m17.inc(g17(labels), value),
      dec: (labels, value) => m17.dec(g17(labels), value),
      remove: (labels) => m17.remove({ ...labels }),
    };
  const m18 = new Counter({ name: "layer_metrics_label_overflow_total", help: "Observations recorded under the label value __overflow__ because the real value was outside its allowed set or past its cardinality budget.", labelNames: ["metric","label"], registers: [registry], ...collector("layer_metrics_label_overflow_total") });
  const g18 = createLabelGuard([{"name":"metric","maxValues":64},{"name":"label","maxValues":32}], ignoreOverflow);
  handles.layer_metrics_label_overflow_total = { inc: (labels, value) => m18.inc(g18(labels), value) };
  const m19 = new Counter({ name: "process_cpu_seconds_total", help: "User and system CPU time spent by the gateway process.", labelNames: [], registers: [registry], ...collector("process_cpu_seconds_total") });
  handles.process_cpu_seconds_total = { inc: (value) => m19.inc(value) };
  const m20 = new Gauge({ name: "process_resident_memory_bytes", help: "Resident memory of the gateway process.", labelNames: [], registers: [registry], ...collector("process_resident_memory_bytes") });
  handles.process_resident_memory_bytes = { set: (value) => m20.set(value), inc: (value) => m20.inc(value), dec: (value) => m20.dec(value) };
  const m21 = new Gauge({ name: "process_start_time_seconds", help: "Start time of the gateway process since the Unix epoch.", labelNames: [], registers: [registry], ...collector("process_start_time_seconds") });
  handles.process_start_time_seconds = { set: (value) => m21.set(value), inc: (value) => m21.inc(value), dec: (value) => m21.dec(value) };
  const m22 = new Gauge({ name: "process_open_fds", help: "Open file descriptors of the gateway process.", labelNames: [], registers: [registry], ...collector("process_open_fds") });
  handles.process_open_fds = { set: (value) => m22.set(value), inc: (value) => m22.inc(value), dec: (value) => m22.dec(value) };
  const m23 = new Gauge({ name: "nodejs_eventloop_lag_seconds", help: "Event loop delay (p99 over the last scrape interval).", labelNames: [], registers: [registry], ...collector("nodejs_eventloop_lag_seconds") });
  handles.nodejs_eventloop_lag_seconds = { set: (value) => m23.set(value), inc: (value) => m23.inc(value), dec: (value) => m23.dec(value) };
  const m24 = new Gauge({ name: "nodejs_heap_used_bytes", help: "V8 heap in use.", labelNames: [], registers: [registry], ...collector("nodejs_heap_used_bytes") });
  handles.nodejs_heap_used_bytes = { set: (value) => m24.set(value), inc: (value) => m24.inc(value), dec: (value) => m24.dec(value) };
  return handles;
}
