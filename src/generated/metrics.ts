/**
 * GENERATED from catalog.yaml by `npm run generate`. Do not edit by hand:
 * change catalog.yaml and run `npm run generate` again.
 */

import type { MetricDefinition } from '../metrics/definition.ts';
import type { CounterHandle, GaugeHandle, HistogramHandle, PlainCounterHandle, PlainGaugeHandle } from '../metrics/handles.ts';

/** Every metric family the gateway exposes at /metrics, in catalog order. */
export const metricFamilies = ["layer_query_duration_seconds","layer_pipeline_stage_count","layer_http_requests_total","layer_http_request_duration_seconds","layer_upstream_requests_total","layer_upstream_request_duration_seconds","layer_upstream_errors_total","layer_upstream_partial_responses_total","layer_upstream_in_flight_requests","layer_proxy_coalesced_total","layer_proxy_rejections_total","layer_auth_failures_total","layer_cache_connection_state","layer_cache_state","layer_cache_reconnect_generation","layer_cache_namespace_state","layer_backend_up","layer_vmsingle_restarts_total","layer_catalog_info","layer_metrics_label_overflow_total","process_cpu_seconds_total","process_resident_memory_bytes","process_start_time_seconds","process_open_fds","nodejs_eventloop_lag_seconds","nodejs_heap_used_bytes"] as const;

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
  route: "/metrics" | "/health" | "/livez" | "/readyz" | "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars" | "/v2/metrics/api/v1/metadata" | "/v2/metrics/api/v1/status/buildinfo" | "/v2/metrics/api/v1/rules" | "/v2/metrics/api/v1/alerts" | "/v2/metrics/catalog" | "/v2/metrics/catalog/{name}" | "/observe" | "/observe/assets/{file}" | "unmatched";
  /** HTTP method; methods outside the set count as `other`. */
  method: "GET" | "POST" | "HEAD" | "OPTIONS" | "other";
  /** HTTP status code of the response. */
  code: string;
};

/** Labels of `layer_http_request_duration_seconds`. */
export type LayerHttpRequestDurationSecondsLabels = {
  /** Route template of the request; `unmatched` for paths no route serves. */
  route: "/metrics" | "/health" | "/livez" | "/readyz" | "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars" | "/v2/metrics/api/v1/metadata" | "/v2/metrics/api/v1/status/buildinfo" | "/v2/metrics/api/v1/rules" | "/v2/metrics/api/v1/alerts" | "/v2/metrics/catalog" | "/v2/metrics/catalog/{name}" | "/observe" | "/observe/assets/{file}" | "unmatched";
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

/** Labels of `layer_upstream_partial_responses_total`. */
export type LayerUpstreamPartialResponsesTotalLabels = {
  /** Route template of the passthrough request. */
  route: "/v2/metrics/api/v1/query" | "/v2/metrics/query" | "/v2/metrics/api/v1/query_range" | "/v2/metrics/query_range" | "/v2/metrics/api/v1/labels" | "/v2/metrics/api/v1/label/{name}/values" | "/v2/metrics/api/v1/series" | "/v2/metrics/api/v1/query_exemplars";
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
  /** bad_request: invalid parameters (400); body_too_large: over LAYER_PROXY_MAX_BODY_BYTES (413); body_timeout: body not received within LAYER_PROXY_BODY_TIMEOUT_MS (408); concurrency: over LAYER_PROXY_MAX_CONCURRENT queries or bodies being received (429); concurrency_per_token: over LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN for one token (429); known_crash: a query form known to crash the backend, such as an M (1e6) duration (400); quarantined: a query that was in flight when the bundled backend crashed, refused for ten minutes (400); query_too_long: a query or match[] longer than the backend's -search.maxQueryLen (LAYER_VM_MAX_QUERY_LEN) (400); matchers_over_limit: more match[] values than LAYER_PROXY_MAX_MATCHERS or more bytes of them than LAYER_PROXY_MAX_MATCHER_BYTES (400). */
  reason: "bad_request" | "body_too_large" | "body_timeout" | "concurrency" | "concurrency_per_token" | "known_crash" | "quarantined" | "query_too_long" | "matchers_over_limit";
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
  /** Passthrough answers the metrics backend marked "isPartial":true, by route: a VictoriaMetrics cluster answered without some of its storage nodes, so the data is incomplete. */
  layer_upstream_partial_responses_total: CounterHandle<LayerUpstreamPartialResponsesTotalLabels>;
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
  /** Observations recorded under the label value `__overflow__` because the real value was outside its allowed set or past its cardinality budget. */
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

/** Every catalog entry as registerMetrics (src/metrics/register.ts) builds it, in catalog order. */
export const metricDefinitions: readonly MetricDefinition<MetricFamily>[] = [
  {"name":"layer_query_duration_seconds","kind":"histogram","help":"Total wall-clock for a query through layer.","labels":[{"name":"pipeline_id","maxValues":200},{"name":"namespace","maxValues":256},{"name":"status","values":["ok","error","timeout","canceled"]}],"buckets":[0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},
  {"name":"layer_pipeline_stage_count","kind":"gauge","help":"Queries currently in each pipeline stage.","labels":[{"name":"stage","values":["pending","planning","fetching","merging","done"]}]},
  {"name":"layer_http_requests_total","kind":"counter","help":"HTTP requests answered by the gateway, by route template, method and status code.","labels":[{"name":"route","values":["/metrics","/health","/livez","/readyz","/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata","/v2/metrics/api/v1/status/buildinfo","/v2/metrics/api/v1/rules","/v2/metrics/api/v1/alerts","/v2/metrics/catalog","/v2/metrics/catalog/{name}","/observe","/observe/assets/{file}","unmatched"]},{"name":"method","values":["GET","POST","HEAD","OPTIONS","other"]},{"name":"code","maxValues":40}]},
  {"name":"layer_http_request_duration_seconds","kind":"histogram","help":"Time from receiving a request to sending the last byte of its response.","labels":[{"name":"route","values":["/metrics","/health","/livez","/readyz","/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata","/v2/metrics/api/v1/status/buildinfo","/v2/metrics/api/v1/rules","/v2/metrics/api/v1/alerts","/v2/metrics/catalog","/v2/metrics/catalog/{name}","/observe","/observe/assets/{file}","unmatched"]},{"name":"method","values":["GET","POST","HEAD","OPTIONS","other"]}],"buckets":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},
  {"name":"layer_upstream_requests_total","kind":"counter","help":"Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code.","labels":[{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"code","maxValues":40}]},
  {"name":"layer_upstream_request_duration_seconds","kind":"histogram","help":"Time from sending a request to the metrics backend to the end of its response body.","labels":[{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]}],"buckets":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},
  {"name":"layer_upstream_errors_total","kind":"counter","help":"Passthrough requests that failed without a complete backend response, by reason.","labels":[{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"reason","values":["unreachable","timeout","reset","aborted","stalled"]}]},
  {"name":"layer_upstream_partial_responses_total","kind":"counter","help":"Passthrough answers the metrics backend marked \"isPartial\":true, by route: a VictoriaMetrics cluster answered without some of its storage nodes, so the data is incomplete.","labels":[{"name":"route","values":["/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars"]}]},
  {"name":"layer_upstream_in_flight_requests","kind":"gauge","help":"Passthrough requests currently waiting on or streaming from the metrics backend.","labels":[]},
  {"name":"layer_proxy_coalesced_total","kind":"counter","help":"Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template.","labels":[{"name":"route","values":["/v2/metrics/api/v1/query","/v2/metrics/query","/v2/metrics/api/v1/query_range","/v2/metrics/query_range","/v2/metrics/api/v1/labels","/v2/metrics/api/v1/label/{name}/values","/v2/metrics/api/v1/series","/v2/metrics/api/v1/query_exemplars","/v2/metrics/api/v1/metadata"]}]},
  {"name":"layer_proxy_rejections_total","kind":"counter","help":"Passthrough requests the gateway refused before reaching the backend, by reason.","labels":[{"name":"endpoint","values":["query","query_range","labels","label_values","series","query_exemplars","metadata"]},{"name":"reason","values":["bad_request","body_too_large","body_timeout","concurrency","concurrency_per_token","known_crash","quarantined","query_too_long","matchers_over_limit"]}]},
  {"name":"layer_auth_failures_total","kind":"counter","help":"Requests refused by edge auth, by reason.","labels":[{"name":"reason","values":["missing","malformed","invalid","query_string"]}]},
  {"name":"layer_cache_connection_state","kind":"gauge","help":"NVMe cache connection state; the series of the current state is 1, the others 0.","labels":[{"name":"state","values":["disabled","connecting","connected","disconnected"]}]},
  {"name":"layer_cache_state","kind":"gauge","help":"NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0.","labels":[{"name":"state","values":["warm","warming","cold","disconnected","disabled"]}]},
  {"name":"layer_cache_reconnect_generation","kind":"gauge","help":"Incremented each time a lost NVMe cache connection is re-established.","labels":[]},
  {"name":"layer_cache_namespace_state","kind":"gauge","help":"Cache state of each namespace; the series of the current state is 1, the others 0.","labels":[{"name":"namespace","maxValues":256},{"name":"state","values":["warm","warming","cold"]}]},
  {"name":"layer_backend_up","kind":"gauge","help":"1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0.","labels":[{"name":"mode","values":["bundled","external"]}]},
  {"name":"layer_vmsingle_restarts_total","kind":"counter","help":"Times the gateway restarted its bundled vmsingle after it exited unexpectedly.","labels":[]},
  {"name":"layer_catalog_info","kind":"gauge","help":"Always 1; the version label carries the catalog version the gateway was built with.","labels":[{"name":"version","maxValues":4}]},
  {"name":"layer_metrics_label_overflow_total","kind":"counter","help":"Observations recorded under the label value `__overflow__` because the real value was outside its allowed set or past its cardinality budget.","labels":[{"name":"metric","maxValues":64},{"name":"label","maxValues":32}]},
  {"name":"process_cpu_seconds_total","kind":"counter","help":"User and system CPU time spent by the gateway process.","labels":[]},
  {"name":"process_resident_memory_bytes","kind":"gauge","help":"Resident memory of the gateway process.","labels":[]},
  {"name":"process_start_time_seconds","kind":"gauge","help":"Start time of the gateway process since the Unix epoch.","labels":[]},
  {"name":"process_open_fds","kind":"gauge","help":"Open file descriptors of the gateway process.","labels":[]},
  {"name":"nodejs_eventloop_lag_seconds","kind":"gauge","help":"Event loop delay (p99 over the last scrape interval).","labels":[]},
  {"name":"nodejs_heap_used_bytes","kind":"gauge","help":"V8 heap in use.","labels":[]},
];
