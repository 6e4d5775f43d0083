/**
 * Which catalog entries `npm run demo` gives data: every entry is either driven (its
 * example_promql answers a non-empty result within a minute of start) or listed with the reason it
 * is not. demo.test.ts holds this against catalog.yaml, so a new entry is noticed.
 */

/** Entries the demo gives data, by the synthetic layer, the dashboard, or the gateway itself. */
export const DEMO_DRIVEN: readonly string[] = [
  'layer_query_duration_seconds',
  'layer_pipeline_stage_count',
  'layer_http_requests_total',
  'layer_http_request_duration_seconds',
  'layer_upstream_requests_total',
  'layer_upstream_request_duration_seconds',
  'layer_upstream_in_flight_requests',
  'layer_proxy_rejections_total',
  'layer_auth_failures_total',
  'layer_cache_connection_state',
  'layer_cache_state',
  'layer_cache_reconnect_generation',
  'layer_cache_namespace_state',
  'layer_backend_up',
  'layer_vmsingle_restarts_total',
  'layer_catalog_info',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'process_open_fds',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_used_bytes',
];

/** Entries the demo leaves without data, and why. */
export const DEMO_NOT_DRIVEN: Readonly<Record<string, string>> = {
  layer_upstream_errors_total: 'only a failing metrics backend produces it; the demo runs a healthy one',
  layer_upstream_partial_responses_total: 'only a cluster backend with some storage nodes down answers partially; the demo runs a single-node one',
  layer_proxy_coalesced_total: 'only identical passthrough requests in flight at the same moment share an answer; the demo sends each dashboard query once',
  layer_metrics_label_overflow_total: 'only label values past their budget produce it; the synthetic layer stays within the budgets',
};
