/**
 * GENERATED from catalog.yaml by `npm run generate`. Do not edit by hand:
 * change catalog.yaml and run `npm run generate` again.
 */

import type { components } from './api-types.ts';

/** A pre-serialized JSON document and its strong ETag. */
export interface ServedDocument {
  readonly body: string;
  readonly etag: string;
}

/** The catalog version (YYYY-MM). */
export const catalogVersion = "2026-05";

/** The served catalog as data: what catalogDocument.body serializes, checked against the contract's Catalog schema. */
export const servedCatalog: components['schemas']['Catalog'] = {
  "version": "2026-05",
  "entries": [
    {
      "name": "layer_query_duration_seconds",
      "kind": "histogram",
      "labels": [
        "pipeline_id",
        "namespace",
        "status"
      ],
      "description": "Total wall-clock for a query through layer.",
      "example_promql": "histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m])))",
      "unit": "seconds",
      "family": "layer_query",
      "stability": "stable",
      "label_details": [
        {
          "name": "pipeline_id",
          "description": "The pipeline that served the query.",
          "max_values": 200
        },
        {
          "name": "namespace",
          "description": "The cache namespace the query read.",
          "max_values": 256
        },
        {
          "name": "status",
          "description": "How the query ended.",
          "values": [
            "ok",
            "error",
            "timeout",
            "canceled"
          ]
        }
      ],
      "alert": {
        "name": "QueryP99High",
        "condition": "histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m]))) > 5",
        "for": "10m",
        "severity": "warning",
        "summary": "99th percentile of query wall-clock through layer is above 5 s."
      },
      "buckets": [
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        0.5,
        1,
        2.5,
        5,
        10,
        30,
        60
      ]
    },
    {
      "name": "layer_pipeline_stage_count",
      "kind": "gauge",
      "labels": [
        "stage"
      ],
      "description": "Queries currently in each pipeline stage.",
      "example_promql": "sum(layer_pipeline_stage_count{stage=\"pending\"})",
      "unit": "queries",
      "family": "layer_pipeline",
      "stability": "stable",
      "label_details": [
        {
          "name": "stage",
          "description": "Pipeline stage.",
          "values": [
            "pending",
            "planning",
            "fetching",
            "merging",
            "done"
          ]
        }
      ],
      "alert": {
        "name": "PipelineBacklogHigh",
        "condition": "sum(layer_pipeline_stage_count{stage=\"pending\"}) > 1000",
        "for": "5m",
        "severity": "warning",
        "summary": "More than 1000 queries are waiting in the pending stage."
      }
    },
    {
      "name": "layer_http_requests_total",
      "kind": "counter",
      "labels": [
        "route",
        "method",
        "code"
      ],
      "description": "HTTP requests answered by the gateway, by route template, method and status code.",
      "example_promql": "sum by (route, code) (rate(layer_http_requests_total[5m]))",
      "unit": "requests",
      "family": "layer_http",
      "stability": "stable",
      "label_details": [
        {
          "name": "route",
          "description": "Route template of the request; `unmatched` for paths no route serves.",
          "values": [
            "/metrics",
            "/health",
            "/livez",
            "/readyz",
            "/v2/metrics/api/v1/query",
            "/v2/metrics/query",
            "/v2/metrics/api/v1/query_range",
            "/v2/metrics/query_range",
            "/v2/metrics/api/v1/labels",
            "/v2/metrics/api/v1/label/{name}/values",
            "/v2/metrics/api/v1/series",
            "/v2/metrics/api/v1/query_exemplars",
            "/v2/metrics/api/v1/metadata",
            "/v2/metrics/api/v1/status/buildinfo",
            "/v2/metrics/api/v1/rules",
            "/v2/metrics/api/v1/alerts",
            "/v2/metrics/catalog",
            "/v2/metrics/catalog/{name}",
            "/observe",
            "/observe/assets/{file}",
            "unmatched"
          ]
        },
        {
          "name": "method",
          "description": "HTTP method; methods outside the set count as `other`.",
          "values": [
            "GET",
            "POST",
            "HEAD",
            "OPTIONS",
            "other"
          ]
        },
        {
          "name": "code",
          "description": "HTTP status code of the response.",
          "max_values": 40
        }
      ],
      "alert": {
        "name": "GatewayHighErrorRate",
        "condition": "sum(rate(layer_http_requests_total{code=~\"5..\", route!~\"/health|/readyz|/livez\"}[5m])) / sum(rate(layer_http_requests_total{route!~\"/health|/readyz|/livez\"}[5m])) > 0.05",
        "for": "10m",
        "severity": "critical",
        "summary": "More than 5% of the gateway's answers to API and metrics requests are server errors."
      }
    },
    {
      "name": "layer_http_request_duration_seconds",
      "kind": "histogram",
      "labels": [
        "route",
        "method"
      ],
      "description": "Time from receiving a request to sending the last byte of its response.",
      "example_promql": "histogram_quantile(0.99, sum by (le, route) (rate(layer_http_request_duration_seconds_bucket[5m])))",
      "unit": "seconds",
      "family": "layer_http",
      "stability": "stable",
      "label_details": [
        {
          "name": "route",
          "description": "Route template of the request; `unmatched` for paths no route serves.",
          "values": [
            "/metrics",
            "/health",
            "/livez",
            "/readyz",
            "/v2/metrics/api/v1/query",
            "/v2/metrics/query",
            "/v2/metrics/api/v1/query_range",
            "/v2/metrics/query_range",
            "/v2/metrics/api/v1/labels",
            "/v2/metrics/api/v1/label/{name}/values",
            "/v2/metrics/api/v1/series",
            "/v2/metrics/api/v1/query_exemplars",
            "/v2/metrics/api/v1/metadata",
            "/v2/metrics/api/v1/status/buildinfo",
            "/v2/metrics/api/v1/rules",
            "/v2/metrics/api/v1/alerts",
            "/v2/metrics/catalog",
            "/v2/metrics/catalog/{name}",
            "/observe",
            "/observe/assets/{file}",
            "unmatched"
          ]
        },
        {
          "name": "method",
          "description": "HTTP method; methods outside the set count as `other`.",
          "values": [
            "GET",
            "POST",
            "HEAD",
            "OPTIONS",
            "other"
          ]
        }
      ],
      "buckets": [
        0.001,
        0.0025,
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        0.5,
        1,
        2.5,
        5,
        10,
        30,
        60
      ]
    },
    {
      "name": "layer_upstream_requests_total",
      "kind": "counter",
      "labels": [
        "endpoint",
        "code"
      ],
      "description": "Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code.",
      "example_promql": "sum by (endpoint, code) (rate(layer_upstream_requests_total[5m]))",
      "unit": "requests",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "endpoint",
          "description": "Backend endpoint.",
          "values": [
            "query",
            "query_range",
            "labels",
            "label_values",
            "series",
            "query_exemplars",
            "metadata"
          ]
        },
        {
          "name": "code",
          "description": "Status code the backend answered; `none` when it sent no response.",
          "max_values": 40
        }
      ]
    },
    {
      "name": "layer_upstream_request_duration_seconds",
      "kind": "histogram",
      "labels": [
        "endpoint"
      ],
      "description": "Time from sending a request to the metrics backend to the end of its response body.",
      "example_promql": "histogram_quantile(0.99, sum by (le, endpoint) (rate(layer_upstream_request_duration_seconds_bucket[5m])))",
      "unit": "seconds",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "endpoint",
          "description": "Backend endpoint.",
          "values": [
            "query",
            "query_range",
            "labels",
            "label_values",
            "series",
            "query_exemplars",
            "metadata"
          ]
        }
      ],
      "buckets": [
        0.001,
        0.0025,
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        0.5,
        1,
        2.5,
        5,
        10,
        30,
        60
      ]
    },
    {
      "name": "layer_upstream_errors_total",
      "kind": "counter",
      "labels": [
        "endpoint",
        "reason"
      ],
      "description": "Passthrough requests that failed without a complete backend response, by reason.",
      "example_promql": "sum by (reason) (rate(layer_upstream_errors_total[5m]))",
      "unit": "errors",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "endpoint",
          "description": "Backend endpoint.",
          "values": [
            "query",
            "query_range",
            "labels",
            "label_values",
            "series",
            "query_exemplars",
            "metadata"
          ]
        },
        {
          "name": "reason",
          "description": "unreachable: no connection; timeout: no answer within LAYER_VM_TIMEOUT_MS; reset: the backend failed mid-body; aborted: the client went away first; stalled: the client stopped reading a streamed answer for LAYER_PROXY_STALL_TIMEOUT_MS and the gateway cut it.",
          "values": [
            "unreachable",
            "timeout",
            "reset",
            "aborted",
            "stalled"
          ]
        }
      ],
      "alert": {
        "name": "GatewayUpstreamFailing",
        "condition": "sum(rate(layer_upstream_errors_total{reason=~\"unreachable|timeout|reset\"}[5m])) > 0.1",
        "for": "5m",
        "severity": "critical",
        "summary": "The passthrough keeps failing to get answers from the metrics backend."
      }
    },
    {
      "name": "layer_upstream_partial_responses_total",
      "kind": "counter",
      "labels": [
        "route"
      ],
      "description": "Passthrough answers the metrics backend marked \"isPartial\":true, by route: a VictoriaMetrics cluster answered without some of its storage nodes, so the data is incomplete.",
      "example_promql": "sum by (route) (rate(layer_upstream_partial_responses_total[5m]))",
      "unit": "responses",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "route",
          "description": "Route template of the passthrough request.",
          "values": [
            "/v2/metrics/api/v1/query",
            "/v2/metrics/query",
            "/v2/metrics/api/v1/query_range",
            "/v2/metrics/query_range",
            "/v2/metrics/api/v1/labels",
            "/v2/metrics/api/v1/label/{name}/values",
            "/v2/metrics/api/v1/series",
            "/v2/metrics/api/v1/query_exemplars"
          ]
        }
      ],
      "alert": {
        "name": "UpstreamPartialResponses",
        "condition": "sum(increase(layer_upstream_partial_responses_total[5m])) > 0",
        "for": "10m",
        "severity": "warning",
        "summary": "The metrics backend keeps answering with partial data; some of its storage nodes do not answer."
      }
    },
    {
      "name": "layer_upstream_in_flight_requests",
      "kind": "gauge",
      "labels": [],
      "description": "Passthrough requests currently waiting on or streaming from the metrics backend.",
      "example_promql": "max_over_time(layer_upstream_in_flight_requests[5m])",
      "unit": "requests",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": []
    },
    {
      "name": "layer_proxy_coalesced_total",
      "kind": "counter",
      "labels": [
        "route"
      ],
      "description": "Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template.",
      "example_promql": "sum by (route) (rate(layer_proxy_coalesced_total[5m])) / sum by (route) (rate(layer_http_requests_total{route=~\"/v2/metrics/.*\"}[5m]))",
      "unit": "requests",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "route",
          "description": "Route template of the request.",
          "values": [
            "/v2/metrics/api/v1/query",
            "/v2/metrics/query",
            "/v2/metrics/api/v1/query_range",
            "/v2/metrics/query_range",
            "/v2/metrics/api/v1/labels",
            "/v2/metrics/api/v1/label/{name}/values",
            "/v2/metrics/api/v1/series",
            "/v2/metrics/api/v1/query_exemplars",
            "/v2/metrics/api/v1/metadata"
          ]
        }
      ]
    },
    {
      "name": "layer_proxy_rejections_total",
      "kind": "counter",
      "labels": [
        "endpoint",
        "reason"
      ],
      "description": "Passthrough requests the gateway refused before reaching the backend, by reason.",
      "example_promql": "sum by (reason) (rate(layer_proxy_rejections_total[5m]))",
      "unit": "requests",
      "family": "layer_upstream",
      "stability": "stable",
      "label_details": [
        {
          "name": "endpoint",
          "description": "Backend endpoint the request was meant for.",
          "values": [
            "query",
            "query_range",
            "labels",
            "label_values",
            "series",
            "query_exemplars",
            "metadata"
          ]
        },
        {
          "name": "reason",
          "description": "bad_request: invalid parameters (400); body_too_large: over LAYER_PROXY_MAX_BODY_BYTES (413); body_timeout: body not received within LAYER_PROXY_BODY_TIMEOUT_MS (408); concurrency: over LAYER_PROXY_MAX_CONCURRENT queries or bodies being received (429); concurrency_per_token: over LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN for one token (429); known_crash: a query form known to crash the backend, such as an M (1e6) duration (400); quarantined: a query that was in flight when the bundled backend crashed, refused for ten minutes (400); query_too_long: a query or match[] longer than the backend's -search.maxQueryLen (LAYER_VM_MAX_QUERY_LEN) (400); matchers_over_limit: more match[] values than LAYER_PROXY_MAX_MATCHERS or more bytes of them than LAYER_PROXY_MAX_MATCHER_BYTES (400).",
          "values": [
            "bad_request",
            "body_too_large",
            "body_timeout",
            "concurrency",
            "concurrency_per_token",
            "known_crash",
            "quarantined",
            "query_too_long",
            "matchers_over_limit"
          ]
        }
      ]
    },
    {
      "name": "layer_auth_failures_total",
      "kind": "counter",
      "labels": [
        "reason"
      ],
      "description": "Requests refused by edge auth, by reason.",
      "example_promql": "sum by (reason) (rate(layer_auth_failures_total[5m]))",
      "unit": "requests",
      "family": "layer_auth",
      "stability": "stable",
      "label_details": [
        {
          "name": "reason",
          "description": "missing: no credentials; malformed: unparsable Authorization header; invalid: unknown token; query_string: a token was sent in the URL.",
          "values": [
            "missing",
            "malformed",
            "invalid",
            "query_string"
          ]
        }
      ],
      "alert": {
        "name": "GatewayAuthFailuresHigh",
        "condition": "sum(rate(layer_auth_failures_total{reason=\"invalid\"}[5m])) > 5",
        "for": "10m",
        "severity": "warning",
        "summary": "Many requests carry unknown tokens; a client may use a revoked token, or someone is guessing."
      }
    },
    {
      "name": "layer_cache_connection_state",
      "kind": "gauge",
      "labels": [
        "state"
      ],
      "description": "NVMe cache connection state; the series of the current state is 1, the others 0.",
      "example_promql": "layer_cache_connection_state{state=\"connected\"}",
      "unit": "state",
      "family": "layer_cache",
      "stability": "stable",
      "label_details": [
        {
          "name": "state",
          "description": "Connection state.",
          "values": [
            "disabled",
            "connecting",
            "connected",
            "disconnected"
          ]
        }
      ],
      "alert": {
        "name": "CacheDisconnected",
        "condition": "layer_cache_connection_state{state=\"disconnected\"} == 1",
        "for": "5m",
        "severity": "critical",
        "summary": "The gateway has lost its NVMe cache connection for 5 minutes."
      }
    },
    {
      "name": "layer_cache_state",
      "kind": "gauge",
      "labels": [
        "state"
      ],
      "description": "NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0.",
      "example_promql": "layer_cache_state == 1",
      "unit": "state",
      "family": "layer_cache",
      "stability": "stable",
      "label_details": [
        {
          "name": "state",
          "description": "warm, warming or cold: connected, by warmth; disconnected: configured but not connected; disabled: no cache.",
          "values": [
            "warm",
            "warming",
            "cold",
            "disconnected",
            "disabled"
          ]
        }
      ],
      "alert": {
        "name": "CacheCold",
        "condition": "layer_cache_state{state=\"cold\"} == 1",
        "for": "10m",
        "severity": "warning",
        "summary": "The NVMe cache has been connected but cold for 10 minutes."
      }
    },
    {
      "name": "layer_cache_reconnect_generation",
      "kind": "gauge",
      "labels": [],
      "description": "Incremented each time a lost NVMe cache connection is re-established.",
      "example_promql": "changes(layer_cache_reconnect_generation[1h])",
      "unit": "reconnects",
      "family": "layer_cache",
      "stability": "stable",
      "label_details": [],
      "alert": {
        "name": "CacheFlapping",
        "condition": "changes(layer_cache_reconnect_generation[15m]) > 5",
        "for": "0m",
        "severity": "warning",
        "summary": "The NVMe cache connection was re-established more than 5 times in 15 minutes."
      }
    },
    {
      "name": "layer_cache_namespace_state",
      "kind": "gauge",
      "labels": [
        "namespace",
        "state"
      ],
      "description": "Cache state of each namespace; the series of the current state is 1, the others 0.",
      "example_promql": "count by (state) (layer_cache_namespace_state == 1)",
      "unit": "state",
      "family": "layer_cache",
      "stability": "stable",
      "label_details": [
        {
          "name": "namespace",
          "description": "Cache namespace.",
          "max_values": 256
        },
        {
          "name": "state",
          "description": "Namespace state.",
          "values": [
            "warm",
            "warming",
            "cold"
          ]
        }
      ],
      "alert": {
        "name": "CacheNamespaceCold",
        "condition": "layer_cache_namespace_state{state=\"cold\"} == 1",
        "for": "10m",
        "severity": "warning",
        "summary": "A cache namespace has been cold for 10 minutes."
      }
    },
    {
      "name": "layer_backend_up",
      "kind": "gauge",
      "labels": [
        "mode"
      ],
      "description": "1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0.",
      "example_promql": "min_over_time(layer_backend_up[5m])",
      "unit": "state",
      "family": "layer_backend",
      "stability": "stable",
      "label_details": [
        {
          "name": "mode",
          "description": "bundled when the gateway runs vmsingle itself, external with LAYER_VM_URL.",
          "values": [
            "bundled",
            "external"
          ]
        }
      ],
      "alert": {
        "name": "MetricsBackendDown",
        "condition": "layer_backend_up == 0",
        "for": "2m",
        "severity": "critical",
        "summary": "The metrics backend has not answered its health check for 2 minutes."
      }
    },
    {
      "name": "layer_vmsingle_restarts_total",
      "kind": "counter",
      "labels": [],
      "description": "Times the gateway restarted its bundled vmsingle after it exited unexpectedly.",
      "example_promql": "increase(layer_vmsingle_restarts_total[1h])",
      "unit": "restarts",
      "family": "layer_backend",
      "stability": "stable",
      "label_details": [],
      "alert": {
        "name": "VmsingleRestarting",
        "condition": "increase(layer_vmsingle_restarts_total[15m]) > 2",
        "for": "0m",
        "severity": "critical",
        "summary": "The bundled vmsingle restarted more than twice in 15 minutes."
      }
    },
    {
      "name": "layer_catalog_info",
      "kind": "gauge",
      "labels": [
        "version"
      ],
      "description": "Always 1; the version label carries the catalog version the gateway was built with.",
      "example_promql": "layer_catalog_info",
      "unit": "info",
      "family": "layer_catalog",
      "stability": "stable",
      "label_details": [
        {
          "name": "version",
          "description": "Catalog version, YYYY-MM.",
          "max_values": 4
        }
      ]
    },
    {
      "name": "layer_metrics_label_overflow_total",
      "kind": "counter",
      "labels": [
        "metric",
        "label"
      ],
      "description": "Observations recorded under the label value `__overflow__` because the real value was outside its allowed set or past its cardinality budget.",
      "example_promql": "sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h]))",
      "unit": "samples",
      "family": "layer_catalog",
      "stability": "stable",
      "label_details": [
        {
          "name": "metric",
          "description": "Metric family whose label overflowed.",
          "max_values": 64
        },
        {
          "name": "label",
          "description": "Label that overflowed.",
          "max_values": 32
        }
      ],
      "alert": {
        "name": "MetricLabelOverflow",
        "condition": "sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h])) > 0",
        "for": "0m",
        "severity": "info",
        "summary": "A metric label hit its cardinality budget; values are being folded into `__overflow__`."
      }
    },
    {
      "name": "process_cpu_seconds_total",
      "kind": "counter",
      "labels": [],
      "description": "User and system CPU time spent by the gateway process.",
      "example_promql": "rate(process_cpu_seconds_total[5m])",
      "unit": "seconds",
      "family": "process",
      "stability": "stable",
      "label_details": []
    },
    {
      "name": "process_resident_memory_bytes",
      "kind": "gauge",
      "labels": [],
      "description": "Resident memory of the gateway process.",
      "example_promql": "max_over_time(process_resident_memory_bytes[1h])",
      "unit": "bytes",
      "family": "process",
      "stability": "stable",
      "label_details": []
    },
    {
      "name": "process_start_time_seconds",
      "kind": "gauge",
      "labels": [],
      "description": "Start time of the gateway process since the Unix epoch.",
      "example_promql": "time() - process_start_time_seconds",
      "unit": "seconds",
      "family": "process",
      "stability": "stable",
      "label_details": []
    },
    {
      "name": "process_open_fds",
      "kind": "gauge",
      "labels": [],
      "description": "Open file descriptors of the gateway process.",
      "example_promql": "max_over_time(process_open_fds[1h])",
      "unit": "fds",
      "family": "process",
      "stability": "stable",
      "label_details": []
    },
    {
      "name": "nodejs_eventloop_lag_seconds",
      "kind": "gauge",
      "labels": [],
      "description": "Event loop delay (p99 over the last scrape interval).",
      "example_promql": "max_over_time(nodejs_eventloop_lag_seconds[5m])",
      "unit": "seconds",
      "family": "nodejs",
      "stability": "experimental",
      "label_details": []
    },
    {
      "name": "nodejs_heap_used_bytes",
      "kind": "gauge",
      "labels": [],
      "description": "V8 heap in use.",
      "example_promql": "max_over_time(nodejs_heap_used_bytes[1h])",
      "unit": "bytes",
      "family": "nodejs",
      "stability": "stable",
      "label_details": []
    }
  ]
};

/** GET /v2/metrics/catalog: the whole catalog. */
export const catalogDocument: ServedDocument = { body: "{\"version\":\"2026-05\",\"entries\":[{\"name\":\"layer_query_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"pipeline_id\",\"namespace\",\"status\"],\"description\":\"Total wall-clock for a query through layer.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_query\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"pipeline_id\",\"description\":\"The pipeline that served the query.\",\"max_values\":200},{\"name\":\"namespace\",\"description\":\"The cache namespace the query read.\",\"max_values\":256},{\"name\":\"status\",\"description\":\"How the query ended.\",\"values\":[\"ok\",\"error\",\"timeout\",\"canceled\"]}],\"alert\":{\"name\":\"QueryP99High\",\"condition\":\"histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m]))) > 5\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"99th percentile of query wall-clock through layer is above 5 s.\"},\"buckets\":[0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},{\"name\":\"layer_pipeline_stage_count\",\"kind\":\"gauge\",\"labels\":[\"stage\"],\"description\":\"Queries currently in each pipeline stage.\",\"example_promql\":\"sum(layer_pipeline_stage_count{stage=\\\"pending\\\"})\",\"unit\":\"queries\",\"family\":\"layer_pipeline\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"stage\",\"description\":\"Pipeline stage.\",\"values\":[\"pending\",\"planning\",\"fetching\",\"merging\",\"done\"]}],\"alert\":{\"name\":\"PipelineBacklogHigh\",\"condition\":\"sum(layer_pipeline_stage_count{stage=\\\"pending\\\"}) > 1000\",\"for\":\"5m\",\"severity\":\"warning\",\"summary\":\"More than 1000 queries are waiting in the pending stage.\"}},{\"name\":\"layer_http_requests_total\",\"kind\":\"counter\",\"labels\":[\"route\",\"method\",\"code\"],\"description\":\"HTTP requests answered by the gateway, by route template, method and status code.\",\"example_promql\":\"sum by (route, code) (rate(layer_http_requests_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_http\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request; `unmatched` for paths no route serves.\",\"values\":[\"/metrics\",\"/health\",\"/livez\",\"/readyz\",\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\",\"/v2/metrics/api/v1/status/buildinfo\",\"/v2/metrics/api/v1/rules\",\"/v2/metrics/api/v1/alerts\",\"/v2/metrics/catalog\",\"/v2/metrics/catalog/{name}\",\"/observe\",\"/observe/assets/{file}\",\"unmatched\"]},{\"name\":\"method\",\"description\":\"HTTP method; methods outside the set count as `other`.\",\"values\":[\"GET\",\"POST\",\"HEAD\",\"OPTIONS\",\"other\"]},{\"name\":\"code\",\"description\":\"HTTP status code of the response.\",\"max_values\":40}],\"alert\":{\"name\":\"GatewayHighErrorRate\",\"condition\":\"sum(rate(layer_http_requests_total{code=~\\\"5..\\\", route!~\\\"/health|/readyz|/livez\\\"}[5m])) / sum(rate(layer_http_requests_total{route!~\\\"/health|/readyz|/livez\\\"}[5m])) > 0.05\",\"for\":\"10m\",\"severity\":\"critical\",\"summary\":\"More than 5% of the gateway's answers to API and metrics requests are server errors.\"}},{\"name\":\"layer_http_request_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"route\",\"method\"],\"description\":\"Time from receiving a request to sending the last byte of its response.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le, route) (rate(layer_http_request_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_http\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request; `unmatched` for paths no route serves.\",\"values\":[\"/metrics\",\"/health\",\"/livez\",\"/readyz\",\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\",\"/v2/metrics/api/v1/status/buildinfo\",\"/v2/metrics/api/v1/rules\",\"/v2/metrics/api/v1/alerts\",\"/v2/metrics/catalog\",\"/v2/metrics/catalog/{name}\",\"/observe\",\"/observe/assets/{file}\",\"unmatched\"]},{\"name\":\"method\",\"description\":\"HTTP method; methods outside the set count as `other`.\",\"values\":[\"GET\",\"POST\",\"HEAD\",\"OPTIONS\",\"other\"]}],\"buckets\":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},{\"name\":\"layer_upstream_requests_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"code\"],\"description\":\"Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code.\",\"example_promql\":\"sum by (endpoint, code) (rate(layer_upstream_requests_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"code\",\"description\":\"Status code the backend answered; `none` when it sent no response.\",\"max_values\":40}]},{\"name\":\"layer_upstream_request_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"endpoint\"],\"description\":\"Time from sending a request to the metrics backend to the end of its response body.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le, endpoint) (rate(layer_upstream_request_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]}],\"buckets\":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]},{\"name\":\"layer_upstream_errors_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"reason\"],\"description\":\"Passthrough requests that failed without a complete backend response, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_upstream_errors_total[5m]))\",\"unit\":\"errors\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"reason\",\"description\":\"unreachable: no connection; timeout: no answer within LAYER_VM_TIMEOUT_MS; reset: the backend failed mid-body; aborted: the client went away first; stalled: the client stopped reading a streamed answer for LAYER_PROXY_STALL_TIMEOUT_MS and the gateway cut it.\",\"values\":[\"unreachable\",\"timeout\",\"reset\",\"aborted\",\"stalled\"]}],\"alert\":{\"name\":\"GatewayUpstreamFailing\",\"condition\":\"sum(rate(layer_upstream_errors_total{reason=~\\\"unreachable|timeout|reset\\\"}[5m])) > 0.1\",\"for\":\"5m\",\"severity\":\"critical\",\"summary\":\"The passthrough keeps failing to get answers from the metrics backend.\"}},{\"name\":\"layer_upstream_partial_responses_total\",\"kind\":\"counter\",\"labels\":[\"route\"],\"description\":\"Passthrough answers the metrics backend marked \\\"isPartial\\\":true, by route: a VictoriaMetrics cluster answered without some of its storage nodes, so the data is incomplete.\",\"example_promql\":\"sum by (route) (rate(layer_upstream_partial_responses_total[5m]))\",\"unit\":\"responses\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the passthrough request.\",\"values\":[\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\"]}],\"alert\":{\"name\":\"UpstreamPartialResponses\",\"condition\":\"sum(increase(layer_upstream_partial_responses_total[5m])) > 0\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"The metrics backend keeps answering with partial data; some of its storage nodes do not answer.\"}},{\"name\":\"layer_upstream_in_flight_requests\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Passthrough requests currently waiting on or streaming from the metrics backend.\",\"example_promql\":\"max_over_time(layer_upstream_in_flight_requests[5m])\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[]},{\"name\":\"layer_proxy_coalesced_total\",\"kind\":\"counter\",\"labels\":[\"route\"],\"description\":\"Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template.\",\"example_promql\":\"sum by (route) (rate(layer_proxy_coalesced_total[5m])) / sum by (route) (rate(layer_http_requests_total{route=~\\\"/v2/metrics/.*\\\"}[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request.\",\"values\":[\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\"]}]},{\"name\":\"layer_proxy_rejections_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"reason\"],\"description\":\"Passthrough requests the gateway refused before reaching the backend, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_proxy_rejections_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint the request was meant for.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"reason\",\"description\":\"bad_request: invalid parameters (400); body_too_large: over LAYER_PROXY_MAX_BODY_BYTES (413); body_timeout: body not received within LAYER_PROXY_BODY_TIMEOUT_MS (408); concurrency: over LAYER_PROXY_MAX_CONCURRENT queries or bodies being received (429); concurrency_per_token: over LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN for one token (429); known_crash: a query form known to crash the backend, such as an M (1e6) duration (400); quarantined: a query that was in flight when the bundled backend crashed, refused for ten minutes (400); query_too_long: a query or match[] longer than the backend's -search.maxQueryLen (LAYER_VM_MAX_QUERY_LEN) (400); matchers_over_limit: more match[] values than LAYER_PROXY_MAX_MATCHERS or more bytes of them than LAYER_PROXY_MAX_MATCHER_BYTES (400).\",\"values\":[\"bad_request\",\"body_too_large\",\"body_timeout\",\"concurrency\",\"concurrency_per_token\",\"known_crash\",\"quarantined\",\"query_too_long\",\"matchers_over_limit\"]}]},{\"name\":\"layer_auth_failures_total\",\"kind\":\"counter\",\"labels\":[\"reason\"],\"description\":\"Requests refused by edge auth, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_auth_failures_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_auth\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"reason\",\"description\":\"missing: no credentials; malformed: unparsable Authorization header; invalid: unknown token; query_string: a token was sent in the URL.\",\"values\":[\"missing\",\"malformed\",\"invalid\",\"query_string\"]}],\"alert\":{\"name\":\"GatewayAuthFailuresHigh\",\"condition\":\"sum(rate(layer_auth_failures_total{reason=\\\"invalid\\\"}[5m])) > 5\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"Many requests carry unknown tokens; a client may use a revoked token, or someone is guessing.\"}},{\"name\":\"layer_cache_connection_state\",\"kind\":\"gauge\",\"labels\":[\"state\"],\"description\":\"NVMe cache connection state; the series of the current state is 1, the others 0.\",\"example_promql\":\"layer_cache_connection_state{state=\\\"connected\\\"}\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"state\",\"description\":\"Connection state.\",\"values\":[\"disabled\",\"connecting\",\"connected\",\"disconnected\"]}],\"alert\":{\"name\":\"CacheDisconnected\",\"condition\":\"layer_cache_connection_state{state=\\\"disconnected\\\"} == 1\",\"for\":\"5m\",\"severity\":\"critical\",\"summary\":\"The gateway has lost its NVMe cache connection for 5 minutes.\"}},{\"name\":\"layer_cache_state\",\"kind\":\"gauge\",\"labels\":[\"state\"],\"description\":\"NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0.\",\"example_promql\":\"layer_cache_state == 1\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"state\",\"description\":\"warm, warming or cold: connected, by warmth; disconnected: configured but not connected; disabled: no cache.\",\"values\":[\"warm\",\"warming\",\"cold\",\"disconnected\",\"disabled\"]}],\"alert\":{\"name\":\"CacheCold\",\"condition\":\"layer_cache_state{state=\\\"cold\\\"} == 1\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"The NVMe cache has been connected but cold for 10 minutes.\"}},{\"name\":\"layer_cache_reconnect_generation\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Incremented each time a lost NVMe cache connection is re-established.\",\"example_promql\":\"changes(layer_cache_reconnect_generation[1h])\",\"unit\":\"reconnects\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[],\"alert\":{\"name\":\"CacheFlapping\",\"condition\":\"changes(layer_cache_reconnect_generation[15m]) > 5\",\"for\":\"0m\",\"severity\":\"warning\",\"summary\":\"The NVMe cache connection was re-established more than 5 times in 15 minutes.\"}},{\"name\":\"layer_cache_namespace_state\",\"kind\":\"gauge\",\"labels\":[\"namespace\",\"state\"],\"description\":\"Cache state of each namespace; the series of the current state is 1, the others 0.\",\"example_promql\":\"count by (state) (layer_cache_namespace_state == 1)\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"namespace\",\"description\":\"Cache namespace.\",\"max_values\":256},{\"name\":\"state\",\"description\":\"Namespace state.\",\"values\":[\"warm\",\"warming\",\"cold\"]}],\"alert\":{\"name\":\"CacheNamespaceCold\",\"condition\":\"layer_cache_namespace_state{state=\\\"cold\\\"} == 1\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"A cache namespace has been cold for 10 minutes.\"}},{\"name\":\"layer_backend_up\",\"kind\":\"gauge\",\"labels\":[\"mode\"],\"description\":\"1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0.\",\"example_promql\":\"min_over_time(layer_backend_up[5m])\",\"unit\":\"state\",\"family\":\"layer_backend\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"mode\",\"description\":\"bundled when the gateway runs vmsingle itself, external with LAYER_VM_URL.\",\"values\":[\"bundled\",\"external\"]}],\"alert\":{\"name\":\"MetricsBackendDown\",\"condition\":\"layer_backend_up == 0\",\"for\":\"2m\",\"severity\":\"critical\",\"summary\":\"The metrics backend has not answered its health check for 2 minutes.\"}},{\"name\":\"layer_vmsingle_restarts_total\",\"kind\":\"counter\",\"labels\":[],\"description\":\"Times the gateway restarted its bundled vmsingle after it exited unexpectedly.\",\"example_promql\":\"increase(layer_vmsingle_restarts_total[1h])\",\"unit\":\"restarts\",\"family\":\"layer_backend\",\"stability\":\"stable\",\"label_details\":[],\"alert\":{\"name\":\"VmsingleRestarting\",\"condition\":\"increase(layer_vmsingle_restarts_total[15m]) > 2\",\"for\":\"0m\",\"severity\":\"critical\",\"summary\":\"The bundled vmsingle restarted more than twice in 15 minutes.\"}},{\"name\":\"layer_catalog_info\",\"kind\":\"gauge\",\"labels\":[\"version\"],\"description\":\"Always 1; the version label carries the catalog version the gateway was built with.\",\"example_promql\":\"layer_catalog_info\",\"unit\":\"info\",\"family\":\"layer_catalog\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"version\",\"description\":\"Catalog version, YYYY-MM.\",\"max_values\":4}]},{\"name\":\"layer_metrics_label_overflow_total\",\"kind\":\"counter\",\"labels\":[\"metric\",\"label\"],\"description\":\"Observations recorded under the label value `__overflow__` because the real value was outside its allowed set or past its cardinality budget.\",\"example_promql\":\"sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h]))\",\"unit\":\"samples\",\"family\":\"layer_catalog\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"metric\",\"description\":\"Metric family whose label overflowed.\",\"max_values\":64},{\"name\":\"label\",\"description\":\"Label that overflowed.\",\"max_values\":32}],\"alert\":{\"name\":\"MetricLabelOverflow\",\"condition\":\"sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h])) > 0\",\"for\":\"0m\",\"severity\":\"info\",\"summary\":\"A metric label hit its cardinality budget; values are being folded into `__overflow__`.\"}},{\"name\":\"process_cpu_seconds_total\",\"kind\":\"counter\",\"labels\":[],\"description\":\"User and system CPU time spent by the gateway process.\",\"example_promql\":\"rate(process_cpu_seconds_total[5m])\",\"unit\":\"seconds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]},{\"name\":\"process_resident_memory_bytes\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Resident memory of the gateway process.\",\"example_promql\":\"max_over_time(process_resident_memory_bytes[1h])\",\"unit\":\"bytes\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]},{\"name\":\"process_start_time_seconds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Start time of the gateway process since the Unix epoch.\",\"example_promql\":\"time() - process_start_time_seconds\",\"unit\":\"seconds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]},{\"name\":\"process_open_fds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Open file descriptors of the gateway process.\",\"example_promql\":\"max_over_time(process_open_fds[1h])\",\"unit\":\"fds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]},{\"name\":\"nodejs_eventloop_lag_seconds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Event loop delay (p99 over the last scrape interval).\",\"example_promql\":\"max_over_time(nodejs_eventloop_lag_seconds[5m])\",\"unit\":\"seconds\",\"family\":\"nodejs\",\"stability\":\"experimental\",\"label_details\":[]},{\"name\":\"nodejs_heap_used_bytes\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"V8 heap in use.\",\"example_promql\":\"max_over_time(nodejs_heap_used_bytes[1h])\",\"unit\":\"bytes\",\"family\":\"nodejs\",\"stability\":\"stable\",\"label_details\":[]}]}", etag: "\"FQR5b4_nDRsjO2epPmpkJ2X_0pvWu7n2\"" };

/** GET /v2/metrics/catalog/{name}: one entry per metric family. */
export const catalogEntryDocuments: ReadonlyMap<string, ServedDocument> = new Map([
  ["layer_query_duration_seconds", { body: "{\"name\":\"layer_query_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"pipeline_id\",\"namespace\",\"status\"],\"description\":\"Total wall-clock for a query through layer.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_query\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"pipeline_id\",\"description\":\"The pipeline that served the query.\",\"max_values\":200},{\"name\":\"namespace\",\"description\":\"The cache namespace the query read.\",\"max_values\":256},{\"name\":\"status\",\"description\":\"How the query ended.\",\"values\":[\"ok\",\"error\",\"timeout\",\"canceled\"]}],\"alert\":{\"name\":\"QueryP99High\",\"condition\":\"histogram_quantile(0.99, sum by (le) (rate(layer_query_duration_seconds_bucket[5m]))) > 5\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"99th percentile of query wall-clock through layer is above 5 s.\"},\"buckets\":[0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]}", etag: "\"kf0VLmHeoqiz3jnofBfWqION2xUjH2y6\"" }],
  ["layer_pipeline_stage_count", { body: "{\"name\":\"layer_pipeline_stage_count\",\"kind\":\"gauge\",\"labels\":[\"stage\"],\"description\":\"Queries currently in each pipeline stage.\",\"example_promql\":\"sum(layer_pipeline_stage_count{stage=\\\"pending\\\"})\",\"unit\":\"queries\",\"family\":\"layer_pipeline\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"stage\",\"description\":\"Pipeline stage.\",\"values\":[\"pending\",\"planning\",\"fetching\",\"merging\",\"done\"]}],\"alert\":{\"name\":\"PipelineBacklogHigh\",\"condition\":\"sum(layer_pipeline_stage_count{stage=\\\"pending\\\"}) > 1000\",\"for\":\"5m\",\"severity\":\"warning\",\"summary\":\"More than 1000 queries are waiting in the pending stage.\"}}", etag: "\"VH4Xkz5MQmpesJ9sdHGpEmAFrdJgb4jH\"" }],
  ["layer_http_requests_total", { body: "{\"name\":\"layer_http_requests_total\",\"kind\":\"counter\",\"labels\":[\"route\",\"method\",\"code\"],\"description\":\"HTTP requests answered by the gateway, by route template, method and status code.\",\"example_promql\":\"sum by (route, code) (rate(layer_http_requests_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_http\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request; `unmatched` for paths no route serves.\",\"values\":[\"/metrics\",\"/health\",\"/livez\",\"/readyz\",\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\",\"/v2/metrics/api/v1/status/buildinfo\",\"/v2/metrics/api/v1/rules\",\"/v2/metrics/api/v1/alerts\",\"/v2/metrics/catalog\",\"/v2/metrics/catalog/{name}\",\"/observe\",\"/observe/assets/{file}\",\"unmatched\"]},{\"name\":\"method\",\"description\":\"HTTP method; methods outside the set count as `other`.\",\"values\":[\"GET\",\"POST\",\"HEAD\",\"OPTIONS\",\"other\"]},{\"name\":\"code\",\"description\":\"HTTP status code of the response.\",\"max_values\":40}],\"alert\":{\"name\":\"GatewayHighErrorRate\",\"condition\":\"sum(rate(layer_http_requests_total{code=~\\\"5..\\\", route!~\\\"/health|/readyz|/livez\\\"}[5m])) / sum(rate(layer_http_requests_total{route!~\\\"/health|/readyz|/livez\\\"}[5m])) > 0.05\",\"for\":\"10m\",\"severity\":\"critical\",\"summary\":\"More than 5% of the gateway's answers to API and metrics requests are server errors.\"}}", etag: "\"YoVdk-n1TJnXX0C2WcRlwiXTdDvHwRDj\"" }],
  ["layer_http_request_duration_seconds", { body: "{\"name\":\"layer_http_request_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"route\",\"method\"],\"description\":\"Time from receiving a request to sending the last byte of its response.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le, route) (rate(layer_http_request_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_http\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request; `unmatched` for paths no route serves.\",\"values\":[\"/metrics\",\"/health\",\"/livez\",\"/readyz\",\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\",\"/v2/metrics/api/v1/status/buildinfo\",\"/v2/metrics/api/v1/rules\",\"/v2/metrics/api/v1/alerts\",\"/v2/metrics/catalog\",\"/v2/metrics/catalog/{name}\",\"/observe\",\"/observe/assets/{file}\",\"unmatched\"]},{\"name\":\"method\",\"description\":\"HTTP method; methods outside the set count as `other`.\",\"values\":[\"GET\",\"POST\",\"HEAD\",\"OPTIONS\",\"other\"]}],\"buckets\":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]}", etag: "\"sD-UieZ3bqhpR7xn0NDxxQtFvPSi9PHE\"" }],
  ["layer_upstream_requests_total", { body: "{\"name\":\"layer_upstream_requests_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"code\"],\"description\":\"Requests the passthrough sent to the metrics backend, by endpoint and the backend's status code.\",\"example_promql\":\"sum by (endpoint, code) (rate(layer_upstream_requests_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"code\",\"description\":\"Status code the backend answered; `none` when it sent no response.\",\"max_values\":40}]}", etag: "\"h_rk9mjX4gG4tVVLKL3rrFNRUYPspe7T\"" }],
  ["layer_upstream_request_duration_seconds", { body: "{\"name\":\"layer_upstream_request_duration_seconds\",\"kind\":\"histogram\",\"labels\":[\"endpoint\"],\"description\":\"Time from sending a request to the metrics backend to the end of its response body.\",\"example_promql\":\"histogram_quantile(0.99, sum by (le, endpoint) (rate(layer_upstream_request_duration_seconds_bucket[5m])))\",\"unit\":\"seconds\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]}],\"buckets\":[0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,30,60]}", etag: "\"yeE8Srx8Ar-HdFfNuaIyq5-lInDQdmvq\"" }],
  ["layer_upstream_errors_total", { body: "{\"name\":\"layer_upstream_errors_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"reason\"],\"description\":\"Passthrough requests that failed without a complete backend response, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_upstream_errors_total[5m]))\",\"unit\":\"errors\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"reason\",\"description\":\"unreachable: no connection; timeout: no answer within LAYER_VM_TIMEOUT_MS; reset: the backend failed mid-body; aborted: the client went away first; stalled: the client stopped reading a streamed answer for LAYER_PROXY_STALL_TIMEOUT_MS and the gateway cut it.\",\"values\":[\"unreachable\",\"timeout\",\"reset\",\"aborted\",\"stalled\"]}],\"alert\":{\"name\":\"GatewayUpstreamFailing\",\"condition\":\"sum(rate(layer_upstream_errors_total{reason=~\\\"unreachable|timeout|reset\\\"}[5m])) > 0.1\",\"for\":\"5m\",\"severity\":\"critical\",\"summary\":\"The passthrough keeps failing to get answers from the metrics backend.\"}}", etag: "\"yi5SAKNi75o_Msm95mptdaMqV6ZAn6fc\"" }],
  ["layer_upstream_partial_responses_total", { body: "{\"name\":\"layer_upstream_partial_responses_total\",\"kind\":\"counter\",\"labels\":[\"route\"],\"description\":\"Passthrough answers the metrics backend marked \\\"isPartial\\\":true, by route: a VictoriaMetrics cluster answered without some of its storage nodes, so the data is incomplete.\",\"example_promql\":\"sum by (route) (rate(layer_upstream_partial_responses_total[5m]))\",\"unit\":\"responses\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the passthrough request.\",\"values\":[\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\"]}],\"alert\":{\"name\":\"UpstreamPartialResponses\",\"condition\":\"sum(increase(layer_upstream_partial_responses_total[5m])) > 0\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"The metrics backend keeps answering with partial data; some of its storage nodes do not answer.\"}}", etag: "\"Zzopgq0ssdeQoL3shjZkLKp4gZ91yk-u\"" }],
  ["layer_upstream_in_flight_requests", { body: "{\"name\":\"layer_upstream_in_flight_requests\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Passthrough requests currently waiting on or streaming from the metrics backend.\",\"example_promql\":\"max_over_time(layer_upstream_in_flight_requests[5m])\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"PLEc7-g8ZyLS4fFsll_oDvY_AhTfJutw\"" }],
  ["layer_proxy_coalesced_total", { body: "{\"name\":\"layer_proxy_coalesced_total\",\"kind\":\"counter\",\"labels\":[\"route\"],\"description\":\"Passthrough requests answered from an identical request's backend answer already in flight (collapsed forwarding) instead of a backend request of their own, by route template.\",\"example_promql\":\"sum by (route) (rate(layer_proxy_coalesced_total[5m])) / sum by (route) (rate(layer_http_requests_total{route=~\\\"/v2/metrics/.*\\\"}[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"route\",\"description\":\"Route template of the request.\",\"values\":[\"/v2/metrics/api/v1/query\",\"/v2/metrics/query\",\"/v2/metrics/api/v1/query_range\",\"/v2/metrics/query_range\",\"/v2/metrics/api/v1/labels\",\"/v2/metrics/api/v1/label/{name}/values\",\"/v2/metrics/api/v1/series\",\"/v2/metrics/api/v1/query_exemplars\",\"/v2/metrics/api/v1/metadata\"]}]}", etag: "\"moNimppe54eYkKAdhCuyjGhuXhpB968J\"" }],
  ["layer_proxy_rejections_total", { body: "{\"name\":\"layer_proxy_rejections_total\",\"kind\":\"counter\",\"labels\":[\"endpoint\",\"reason\"],\"description\":\"Passthrough requests the gateway refused before reaching the backend, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_proxy_rejections_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_upstream\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"endpoint\",\"description\":\"Backend endpoint the request was meant for.\",\"values\":[\"query\",\"query_range\",\"labels\",\"label_values\",\"series\",\"query_exemplars\",\"metadata\"]},{\"name\":\"reason\",\"description\":\"bad_request: invalid parameters (400); body_too_large: over LAYER_PROXY_MAX_BODY_BYTES (413); body_timeout: body not received within LAYER_PROXY_BODY_TIMEOUT_MS (408); concurrency: over LAYER_PROXY_MAX_CONCURRENT queries or bodies being received (429); concurrency_per_token: over LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN for one token (429); known_crash: a query form known to crash the backend, such as an M (1e6) duration (400); quarantined: a query that was in flight when the bundled backend crashed, refused for ten minutes (400); query_too_long: a query or match[] longer than the backend's -search.maxQueryLen (LAYER_VM_MAX_QUERY_LEN) (400); matchers_over_limit: more match[] values than LAYER_PROXY_MAX_MATCHERS or more bytes of them than LAYER_PROXY_MAX_MATCHER_BYTES (400).\",\"values\":[\"bad_request\",\"body_too_large\",\"body_timeout\",\"concurrency\",\"concurrency_per_token\",\"known_crash\",\"quarantined\",\"query_too_long\",\"matchers_over_limit\"]}]}", etag: "\"euCxYt2_ju66qCigjtLp4wow0E7wOqIZ\"" }],
  ["layer_auth_failures_total", { body: "{\"name\":\"layer_auth_failures_total\",\"kind\":\"counter\",\"labels\":[\"reason\"],\"description\":\"Requests refused by edge auth, by reason.\",\"example_promql\":\"sum by (reason) (rate(layer_auth_failures_total[5m]))\",\"unit\":\"requests\",\"family\":\"layer_auth\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"reason\",\"description\":\"missing: no credentials; malformed: unparsable Authorization header; invalid: unknown token; query_string: a token was sent in the URL.\",\"values\":[\"missing\",\"malformed\",\"invalid\",\"query_string\"]}],\"alert\":{\"name\":\"GatewayAuthFailuresHigh\",\"condition\":\"sum(rate(layer_auth_failures_total{reason=\\\"invalid\\\"}[5m])) > 5\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"Many requests carry unknown tokens; a client may use a revoked token, or someone is guessing.\"}}", etag: "\"srRz9u2JpLv7zsIgeZ01r8fOLN0tZrCI\"" }],
  ["layer_cache_connection_state", { body: "{\"name\":\"layer_cache_connection_state\",\"kind\":\"gauge\",\"labels\":[\"state\"],\"description\":\"NVMe cache connection state; the series of the current state is 1, the others 0.\",\"example_promql\":\"layer_cache_connection_state{state=\\\"connected\\\"}\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"state\",\"description\":\"Connection state.\",\"values\":[\"disabled\",\"connecting\",\"connected\",\"disconnected\"]}],\"alert\":{\"name\":\"CacheDisconnected\",\"condition\":\"layer_cache_connection_state{state=\\\"disconnected\\\"} == 1\",\"for\":\"5m\",\"severity\":\"critical\",\"summary\":\"The gateway has lost its NVMe cache connection for 5 minutes.\"}}", etag: "\"jJ0F2KHlOlUYRyP7cSq_EhFi-xVHSk4N\"" }],
  ["layer_cache_state", { body: "{\"name\":\"layer_cache_state\",\"kind\":\"gauge\",\"labels\":[\"state\"],\"description\":\"NVMe cache state as /health reports it (warmth while connected); the series of the current state is 1, the others 0.\",\"example_promql\":\"layer_cache_state == 1\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"state\",\"description\":\"warm, warming or cold: connected, by warmth; disconnected: configured but not connected; disabled: no cache.\",\"values\":[\"warm\",\"warming\",\"cold\",\"disconnected\",\"disabled\"]}],\"alert\":{\"name\":\"CacheCold\",\"condition\":\"layer_cache_state{state=\\\"cold\\\"} == 1\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"The NVMe cache has been connected but cold for 10 minutes.\"}}", etag: "\"L94nkBGZ5i1I8bWpW-TRi2io3y_0qRiI\"" }],
  ["layer_cache_reconnect_generation", { body: "{\"name\":\"layer_cache_reconnect_generation\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Incremented each time a lost NVMe cache connection is re-established.\",\"example_promql\":\"changes(layer_cache_reconnect_generation[1h])\",\"unit\":\"reconnects\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[],\"alert\":{\"name\":\"CacheFlapping\",\"condition\":\"changes(layer_cache_reconnect_generation[15m]) > 5\",\"for\":\"0m\",\"severity\":\"warning\",\"summary\":\"The NVMe cache connection was re-established more than 5 times in 15 minutes.\"}}", etag: "\"w7hZL_z9JmGoeyRdHlnPX-7owfmF7zah\"" }],
  ["layer_cache_namespace_state", { body: "{\"name\":\"layer_cache_namespace_state\",\"kind\":\"gauge\",\"labels\":[\"namespace\",\"state\"],\"description\":\"Cache state of each namespace; the series of the current state is 1, the others 0.\",\"example_promql\":\"count by (state) (layer_cache_namespace_state == 1)\",\"unit\":\"state\",\"family\":\"layer_cache\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"namespace\",\"description\":\"Cache namespace.\",\"max_values\":256},{\"name\":\"state\",\"description\":\"Namespace state.\",\"values\":[\"warm\",\"warming\",\"cold\"]}],\"alert\":{\"name\":\"CacheNamespaceCold\",\"condition\":\"layer_cache_namespace_state{state=\\\"cold\\\"} == 1\",\"for\":\"10m\",\"severity\":\"warning\",\"summary\":\"A cache namespace has been cold for 10 minutes.\"}}", etag: "\"u6Y2Sh66C8muL6CAgjxc2eCUzZcZKDqF\"" }],
  ["layer_backend_up", { body: "{\"name\":\"layer_backend_up\",\"kind\":\"gauge\",\"labels\":[\"mode\"],\"description\":\"1 while the metrics backend (bundled vmsingle or LAYER_VM_URL) answers its health check, else 0.\",\"example_promql\":\"min_over_time(layer_backend_up[5m])\",\"unit\":\"state\",\"family\":\"layer_backend\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"mode\",\"description\":\"bundled when the gateway runs vmsingle itself, external with LAYER_VM_URL.\",\"values\":[\"bundled\",\"external\"]}],\"alert\":{\"name\":\"MetricsBackendDown\",\"condition\":\"layer_backend_up == 0\",\"for\":\"2m\",\"severity\":\"critical\",\"summary\":\"The metrics backend has not answered its health check for 2 minutes.\"}}", etag: "\"Xe4YN43D86lBzMw4sViFxfY-DIzOFb8O\"" }],
  ["layer_vmsingle_restarts_total", { body: "{\"name\":\"layer_vmsingle_restarts_total\",\"kind\":\"counter\",\"labels\":[],\"description\":\"Times the gateway restarted its bundled vmsingle after it exited unexpectedly.\",\"example_promql\":\"increase(layer_vmsingle_restarts_total[1h])\",\"unit\":\"restarts\",\"family\":\"layer_backend\",\"stability\":\"stable\",\"label_details\":[],\"alert\":{\"name\":\"VmsingleRestarting\",\"condition\":\"increase(layer_vmsingle_restarts_total[15m]) > 2\",\"for\":\"0m\",\"severity\":\"critical\",\"summary\":\"The bundled vmsingle restarted more than twice in 15 minutes.\"}}", etag: "\"h7Bgjcb4qEP3vET40gvuOV7rY98VX5It\"" }],
  ["layer_catalog_info", { body: "{\"name\":\"layer_catalog_info\",\"kind\":\"gauge\",\"labels\":[\"version\"],\"description\":\"Always 1; the version label carries the catalog version the gateway was built with.\",\"example_promql\":\"layer_catalog_info\",\"unit\":\"info\",\"family\":\"layer_catalog\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"version\",\"description\":\"Catalog version, YYYY-MM.\",\"max_values\":4}]}", etag: "\"nhlH_3E9tWcRd98VaPhnXk-a7ry8oXle\"" }],
  ["layer_metrics_label_overflow_total", { body: "{\"name\":\"layer_metrics_label_overflow_total\",\"kind\":\"counter\",\"labels\":[\"metric\",\"label\"],\"description\":\"Observations recorded under the label value `__overflow__` because the real value was outside its allowed set or past its cardinality budget.\",\"example_promql\":\"sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h]))\",\"unit\":\"samples\",\"family\":\"layer_catalog\",\"stability\":\"stable\",\"label_details\":[{\"name\":\"metric\",\"description\":\"Metric family whose label overflowed.\",\"max_values\":64},{\"name\":\"label\",\"description\":\"Label that overflowed.\",\"max_values\":32}],\"alert\":{\"name\":\"MetricLabelOverflow\",\"condition\":\"sum by (metric, label) (increase(layer_metrics_label_overflow_total[1h])) > 0\",\"for\":\"0m\",\"severity\":\"info\",\"summary\":\"A metric label hit its cardinality budget; values are being folded into `__overflow__`.\"}}", etag: "\"gzVqXOcdWFb7cguTBYumsj2J4fWw5t1K\"" }],
  ["process_cpu_seconds_total", { body: "{\"name\":\"process_cpu_seconds_total\",\"kind\":\"counter\",\"labels\":[],\"description\":\"User and system CPU time spent by the gateway process.\",\"example_promql\":\"rate(process_cpu_seconds_total[5m])\",\"unit\":\"seconds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"rK-AVhgPaHgyx5LIYLp6hjQnoFRhJJAw\"" }],
  ["process_resident_memory_bytes", { body: "{\"name\":\"process_resident_memory_bytes\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Resident memory of the gateway process.\",\"example_promql\":\"max_over_time(process_resident_memory_bytes[1h])\",\"unit\":\"bytes\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"RhEAnvZpaXGbv_SD8e2tSPZbAeiDWIDu\"" }],
  ["process_start_time_seconds", { body: "{\"name\":\"process_start_time_seconds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Start time of the gateway process since the Unix epoch.\",\"example_promql\":\"time() - process_start_time_seconds\",\"unit\":\"seconds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"7ApIlq03y67KC4THP9GaxS5eFUunhAIy\"" }],
  ["process_open_fds", { body: "{\"name\":\"process_open_fds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Open file descriptors of the gateway process.\",\"example_promql\":\"max_over_time(process_open_fds[1h])\",\"unit\":\"fds\",\"family\":\"process\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"VEJJUTWy7u4BBsnatkZG1R84kgSDvh2_\"" }],
  ["nodejs_eventloop_lag_seconds", { body: "{\"name\":\"nodejs_eventloop_lag_seconds\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"Event loop delay (p99 over the last scrape interval).\",\"example_promql\":\"max_over_time(nodejs_eventloop_lag_seconds[5m])\",\"unit\":\"seconds\",\"family\":\"nodejs\",\"stability\":\"experimental\",\"label_details\":[]}", etag: "\"ziPXBFqh1hWIw93no-hvTZGzZQ5SDcK0\"" }],
  ["nodejs_heap_used_bytes", { body: "{\"name\":\"nodejs_heap_used_bytes\",\"kind\":\"gauge\",\"labels\":[],\"description\":\"V8 heap in use.\",\"example_promql\":\"max_over_time(nodejs_heap_used_bytes[1h])\",\"unit\":\"bytes\",\"family\":\"nodejs\",\"stability\":\"stable\",\"label_details\":[]}", etag: "\"FVZInyMDlaLqATEhLnFMMos62yZrsKJI\"" }],
]);
