/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The state of the gateway's dependencies (the degraded signal)
         * @description The degraded signal, for dashboards and paging; readiness is `GET /readyz`. Answers from a snapshot kept up to date in the
         *     background; it never waits on a dependency. 200 when every dependency is ok, 503 when
         *     degraded: the metrics backend is down, the NVMe cache is `warming`, `cold` or
         *     `disconnected`, a namespace is not warm, or the backend sent partial answers in the last
         *     minute. A cache that is not configured (or, in an
         *     embedding process, not reported yet) is `disabled`, which is not degraded. A 503 does not
         *     mean the process is unhealthy: liveness is `GET /livez`.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description 200 whenever the process serves requests; no dependency is checked, so a cold cache or a
         *     down backend never makes an orchestrator restart a process that is only degraded. Use
         *     `GET /readyz` for readiness and `GET /health` for the degraded signal.
         */
        get: operations["getLivez"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus exposition of the gateway's own metrics
         * @description Every metric family listed in the catalog, in the Prometheus text format, or in OpenMetrics
         *     when the Accept header asks for `application/openmetrics-text`. Open by default; set
         *     LAYER_METRICS_AUTH=token to require the bearer token.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/observe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The observe tab
         * @description An HTML page for operators: at-a-glance health cards (from /health), the catalog grouped by
         *     family with search, and a plot of each entry's example PromQL through the range passthrough.
         *     The page itself needs no token; the operator pastes one, which the page keeps in
         *     sessionStorage and sends as a Bearer header. Served with `Cache-Control: no-cache`, an
         *     ETag, and `Content-Security-Policy: default-src 'self'`; the page requests nothing from
         *     any other origin. Built by `npm run build`; 503 until it is.
         */
        get: operations["getObservePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/observe/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script, stylesheet or icon of the observe tab
         * @description The page's bundled JavaScript and CSS and its icon, named by a hash of their content, so they are served
         *     with `Cache-Control: public, max-age=31536000, immutable` and an ETag.
         */
        get: operations["getObserveAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness for load balancers and orchestrators
         * @description 200 when this gateway can serve the metrics API: it listens, it is not draining (the
         *     LAYER_SHUTDOWN_DELAY_MS after SIGTERM), and its metrics backend answers a probe that touches
         *     storage. 503 otherwise, with the reasons in the body. A cold or disconnected NVMe cache
         *     and partial backend answers do not make it 503: the metrics API works through them, and
         *     `GET /health` and the alerts report them. Answers from state kept up to date in the
         *     background; it never waits on a dependency. No token needed.
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active alerts, Prometheus's shape
         * @description Every pending and firing alert, as the rule engine reports it (Prometheus's `/api/v1/alerts`
         *     shape): `state` is `pending` until the rule's `for` has passed, then `firing`; `activeAt`
         *     survives a restart of the bundled vmalert (its state is restored from ALERTS_FOR_STATE).
         */
        get: operations["getAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/label/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Values of one label
         * @description Values of the label `name` in the series that match (or in all series); same parameters and
         *     body as Prometheus's `GET /api/v1/label/<name>/values`. `name` is checked to be a label name
         *     before anything is sent; the backend's path is built from it alone.
         */
        get: operations["labelValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Label names
         * @description Label names of the series that match (or of all series); same parameters and body as
         *     Prometheus's `GET /api/v1/labels`, passed through to the backend's route of that name.
         */
        get: operations["labelNames"];
        put?: never;
        /**
         * Label names (form body)
         * @description As the GET form, with parameters in an `application/x-www-form-urlencoded` body.
         */
        post: operations["labelNamesPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Type, help and unit of metrics
         * @description Prometheus's `GET /api/v1/metadata`, answered by the gateway: an entry for every metric name
         *     the catalog lists (type = kind, help = description, unit = unit), merged with what the
         *     backend answers for other names (VictoriaMetrics 1.79 answers none; a Prometheus backend
         *     does). For the catalog's own names the catalog wins. `limit` caps the number of metrics,
         *     `limit_per_metric` the entries per metric, `metric` selects one name, as Prometheus does.
         *     When the backend does not answer, the catalog's entries come back with a warning.
         */
        get: operations["metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instant PromQL query
         * @description Evaluates an instant query; same parameters and body as Prometheus's `GET /api/v1/query`.
         */
        get: operations["queryInstant"];
        put?: never;
        /**
         * Instant PromQL query (form body)
         * @description As the GET form, with parameters in an `application/x-www-form-urlencoded` body.
         */
        post: operations["queryInstantPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/query_exemplars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exemplars of a query
         * @description Exemplars of the series a PromQL query selects; same parameters and body as Prometheus's
         *     `GET /api/v1/query_exemplars` (VictoriaMetrics 1.79 answers an empty success).
         */
        get: operations["queryExemplars"];
        put?: never;
        /**
         * Exemplars of a query (form body)
         * @description As the GET form, with parameters in an `application/x-www-form-urlencoded` body (Grafana's
         *     server side sends its exemplar probe as a POST when the data source uses POST).
         */
        post: operations["queryExemplarsPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/query_range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Range PromQL query
         * @description Evaluates a range query; same parameters and body as Prometheus's `GET /api/v1/query_range`.
         */
        get: operations["queryRange"];
        put?: never;
        /**
         * Range PromQL query (form body)
         * @description As the GET form, with parameters in an `application/x-www-form-urlencoded` body.
         */
        post: operations["queryRangePost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerting rules and their state, Prometheus's shape
         * @description The catalog's alerting rules as the rule engine evaluates them: the bundled vmalert, or the
         *     operator's own vmalert or Prometheus at LAYER_RULES_URL. The body is the engine's answer as
         *     it came (Prometheus's `/api/v1/rules` shape, which Grafana's alert list reads); the query
         *     string is passed along (`type=alert`, say).
         */
        get: operations["getRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Series that match selectors
         * @description The label sets of the series that match at least one `match[]`; same parameters and body as
         *     Prometheus's `GET /api/v1/series`.
         */
        get: operations["series"];
        put?: never;
        /**
         * Series that match selectors (form body)
         * @description As the GET form, with parameters in an `application/x-www-form-urlencoded` body.
         */
        post: operations["seriesPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/api/v1/status/buildinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Build information, Prometheus's shape
         * @description Answered by the gateway. `version` is `2.24.0`, the Prometheus release that added `match[]`
         *     to the label names and values APIs: Grafana's Prometheus data source
         *     (packages/grafana-prometheus/src/datasource.ts, `hasLabelsMatchAPISupport`) uses
         *     `/api/v1/label/<name>/values?match[]=...` for a Prometheus of version 2.24.0 or later, and
         *     the heavier `/api/v1/series` before it. The other fields name the gateway, not the backend.
         */
        get: operations["buildInfo"];
        put?: never;
        /**
         * Build information, Prometheus's shape (POST)
         * @description As the GET form, and like it without parameters: a form body that carries any is refused
         *     with 400, as a query string that does. Grafana's server side asks by POST first when the
         *     data source uses POST (pkg/promlib/client/client.go lists GET-only paths with a leading
         *     slash its request paths lack), and would otherwise retry by GET after a 405.
         */
        post: operations["buildInfoPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole metric catalog
         * @description Every metric the gateway emits, pre-serialized at build time. Carries a strong ETag;
         *     `If-None-Match` with the current ETag answers 304.
         */
        get: operations["getCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/catalog/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One catalog entry
         * @description The catalog entry of one metric family, by its name. Carries a strong ETag.
         */
        get: operations["getCatalogEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instant PromQL query (short alias)
         * @description Identical to `GET /v2/metrics/api/v1/query`.
         */
        get: operations["queryInstantAlias"];
        put?: never;
        /**
         * Instant PromQL query, form body (short alias)
         * @description Identical to `POST /v2/metrics/api/v1/query`.
         */
        post: operations["queryInstantAliasPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/metrics/query_range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Range PromQL query (short alias)
         * @description Identical to `GET /v2/metrics/api/v1/query_range`.
         */
        get: operations["queryRangeAlias"];
        put?: never;
        /**
         * Range PromQL query, form body (short alias)
         * @description Identical to `POST /v2/metrics/api/v1/query_range`.
         */
        post: operations["queryRangeAliasPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Catalog: {
            entries: components["schemas"]["CatalogEntry"][];
            /** @description Catalog version, YYYY-MM; bumped on incompatible changes to the catalog shape. */
            version: string;
        };
        CatalogEntry: {
            alert?: {
                /** @description PromQL; the alert fires while it returns series. */
                condition: string;
                for?: string;
                name: string;
                /** @enum {string} */
                severity?: "info" | "warning" | "critical";
                summary?: string;
            };
            /** @description Additive. Histogram bucket upper bounds. */
            buckets?: number[];
            description: string;
            example_promql: string;
            /** @description Additive. The prefix group a dashboard shows it under. */
            family?: string;
            /** @enum {string} */
            kind: "histogram" | "counter" | "gauge";
            /** @description Additive. Each label with its description and its cardinality bound. */
            label_details?: components["schemas"]["LabelDetail"][];
            /** @description Label names, in catalog order. */
            labels: string[];
            /** @description Metric family name as exposed at /metrics. */
            name: string;
            /** @description Additive. For deprecated entries, the metric that replaces it. */
            replaced_by?: string;
            /**
             * @description Additive.
             * @enum {string}
             */
            stability?: "stable" | "experimental" | "deprecated";
            /** @description Additive. Base unit (`seconds`, `bytes`, `requests`, ...). */
            unit?: string;
        };
        /** @description Error body of the routes that are not Prometheus-compatible. */
        Error: {
            /**
             * @description Stable machine-readable code, for example `ERR_NOT_FOUND`.
             * @example ERR_NOT_FOUND
             */
            code: string;
            /** @description What was wrong and how to fix it. */
            message: string;
            /** @description The request id, as in the gateway's logs and the X-Request-Id header. */
            request_id?: string;
        };
        Health: {
            /**
             * @description Additive. How many of the catalog's alerts the rule engine reports firing and pending
             *     (read in the background each evaluation interval; a failed read keeps the last counts).
             *     Alerts never make the status `degraded` on their own: GET /v2/metrics/api/v1/alerts
             *     lists them.
             */
            alerts?: {
                firing: number;
                /** @description Alerts whose condition holds but whose `for` has not passed yet. */
                pending: number;
                /**
                 * @description `bundled`: the gateway's own vmalert; `external`: LAYER_RULES_URL; `none`: no rule
                 *     engine (LAYER_VM_URL without LAYER_ALERT_WRITE_URL or LAYER_RULES_URL), counts are 0.
                 * @enum {string}
                 */
                source: "bundled" | "external" | "none";
            };
            /** @description Additive. The metrics backend (never its address). */
            backend?: {
                /**
                 * @description `bundled`: the gateway runs vmsingle itself; `external`: LAYER_VM_URL.
                 * @enum {string}
                 */
                mode: "bundled" | "external";
                /** @enum {string} */
                state: "up" | "down" | "starting";
            };
            cache: {
                /**
                 * @description Additive. The connection state behind `state`.
                 * @enum {string}
                 */
                connection?: "disabled" | "connecting" | "connected" | "disconnected";
                /** @description Connections re-established after a loss; the first connection does not count. */
                reconnect_generation: number;
                /**
                 * @description The NVMe cache by warmth: `warm`, `warming` or `cold` while connected;
                 *     `disconnected` when configured but not connected (connecting, or the connection
                 *     was lost); `disabled` when there is no cache. The standalone server has no warmth
                 *     signal and reports a connected cache as `warm`.
                 * @enum {string}
                 */
                state: "warm" | "warming" | "cold" | "disconnected" | "disabled";
            };
            /**
             * Format: date-time
             * @description Additive. When the snapshot was last updated.
             */
            checked_at?: string;
            namespaces: {
                namespace: string;
                /** @enum {string} */
                state: "warm" | "warming" | "cold";
            }[];
            /**
             * @description Additive. Backend answers marked `"isPartial":true`: a VictoriaMetrics cluster answering
             *     without some of its storage nodes. Counted from passthrough answers and the backend
             *     probe; `layer_upstream_partial_responses_total` counts the passthrough's by route.
             */
            partial_responses?: {
                /** @description Partial answers in the last 60 seconds. */
                last_minute: number;
                /**
                 * Format: date-time
                 * @description When the current run of partial answers began (the first one after a minute
                 *     without any); absent when there was none in the last minute.
                 */
                since?: string;
            };
            /** @description Additive. Why the status is degraded, one short phrase per cause; empty when ok. */
            reasons?: string[];
            /**
             * @description `degraded` whenever a dependency below is not ok; the HTTP status is then 503.
             * @enum {string}
             */
            status: "ok" | "degraded";
            /** @description Additive. Seconds since the gateway started. */
            uptime_seconds?: number;
        };
        InstantQueryParams: {
            latency_offset?: string;
            limit?: string;
            lookback_delta?: string;
            max_lookback?: string;
            nocache?: string;
            query?: string;
            round_digits?: string;
            stats?: string;
            step?: string;
            time?: string;
            timeout?: string;
        };
        LabelDetail: {
            description: string;
            /** @description Maximum number of distinct values, when the set is open. */
            max_values?: number;
            name: string;
            /** @description The closed set of allowed values. */
            values?: string[];
        };
        Labels: {
            [key: string]: string;
        };
        Livez: {
            /** @enum {string} */
            status: "ok";
        };
        LookupParams: {
            end?: string;
            limit?: string;
            /** @description Series selectors; a single one may be given as a string. */
            "match[]"?: string | string[];
            start?: string;
        };
        MatrixData: {
            result: {
                metric: components["schemas"]["Labels"];
                values: components["schemas"]["Sample"][];
            }[];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resultType: "matrix";
        };
        MetricMetadata: {
            help: string;
            /** @description counter, gauge, histogram, summary, ... (the catalog's kind for its own names). */
            type: string;
            unit: string;
        };
        PromAlert: {
            /**
             * Format: date-time
             * @description When the condition started to hold.
             */
            activeAt?: string;
            annotations?: {
                [key: string]: string;
            };
            labels: {
                [key: string]: string;
            };
            /** @enum {string} */
            state: "pending" | "firing";
            value?: string;
        };
        PromAlerts: {
            data: {
                alerts: components["schemas"]["PromAlert"][];
            };
            /** @enum {string} */
            status: "success";
        };
        PromBuildInfo: {
            data: {
                branch: string;
                buildDate: string;
                buildUser: string;
                goVersion: string;
                revision: string;
                /** @description `2.24.0`: see the route's description. */
                version: string;
            };
            /** @constant */
            status: "success";
        };
        PromError: {
            error: string;
            /**
             * @description Prometheus's error types (bad_data, execution, timeout, canceled, internal, not_found,
             *     unavailable, unauthorized), or the backend's status code as a string when the backend
             *     made the error (VictoriaMetrics answers `"422"`).
             */
            errorType: string;
            /** @constant */
            status: "error";
            warnings?: string[];
        };
        PromExemplars: {
            /** @description Per series, its labels and exemplars (VictoriaMetrics 1.79 sends no data). */
            data?: {
                exemplars?: {
                    labels?: components["schemas"]["Labels"];
                    timestamp?: number;
                    value?: string;
                }[];
                seriesLabels?: components["schemas"]["Labels"];
            }[];
            /** @constant */
            status: "success";
        };
        PromLabels: {
            data: string[];
            /** @constant */
            status: "success";
            warnings?: string[];
        };
        PromMetadata: {
            data: {
                [key: string]: components["schemas"]["MetricMetadata"][];
            };
            /** @constant */
            status: "success";
            warnings?: string[];
        };
        PromRules: {
            data: {
                groups: {
                    name: string;
                    rules: {
                        alerts?: components["schemas"]["PromAlert"][];
                        name: string;
                        query: string;
                        state?: string;
                        type: string;
                    }[];
                }[];
            };
            /** @enum {string} */
            status: "success";
        };
        PromSeries: {
            data: components["schemas"]["Labels"][];
            /** @constant */
            status: "success";
            warnings?: string[];
        };
        PromSuccess: {
            data: components["schemas"]["QueryData"];
            infos?: string[];
            /** @constant */
            status: "success";
            warnings?: string[];
        };
        QueryData: components["schemas"]["VectorData"] | components["schemas"]["MatrixData"] | components["schemas"]["ScalarData"] | components["schemas"]["StringData"];
        RangeQueryParams: {
            end?: string;
            latency_offset?: string;
            limit?: string;
            lookback_delta?: string;
            max_lookback?: string;
            nocache?: string;
            query?: string;
            round_digits?: string;
            start?: string;
            stats?: string;
            step?: string;
            timeout?: string;
        };
        Readyz: {
            /** @description The metrics backend as its probe last saw it (never its address). */
            backend?: {
                /** @enum {string} */
                mode: "bundled" | "external";
                /** @enum {string} */
                state: "up" | "down" | "starting";
            };
            /** @description Whether the gateway is stopping (after SIGTERM) and wants no new requests. */
            draining?: boolean;
            /** @description Why the gateway is not ready, one short phrase per cause; empty when ready. */
            reasons: string[];
            /**
             * @description `not_ready` whenever a reason below holds; the HTTP status is then 503.
             * @enum {string}
             */
            status: "ready" | "not_ready";
        };
        /** @description [unix seconds, value as a string] */
        Sample: [
            number,
            string
        ];
        ScalarData: {
            result: components["schemas"]["Sample"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resultType: "scalar";
        };
        StringData: {
            /** @description [unix seconds, string value] */
            result: [
                number,
                string
            ];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resultType: "string";
        };
        VectorData: {
            result: {
                metric: components["schemas"]["Labels"];
                value: components["schemas"]["Sample"];
            }[];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resultType: "vector";
        };
    };
    responses: {
        /** @description The request is malformed; the body says what to fix. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The route does not serve this method; the Allow header lists the ones it does. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The observe tab's files are not built; `npm run build` builds them. */
        NotBuilt: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The active alerts, as the rule engine answered. */
        PromAlertsOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromAlerts"];
            };
        };
        /** @description The metrics backend cannot be reached (errorType unavailable). */
        PromBadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description Invalid request (errorType bad_data), or a parse error from the backend. */
        PromBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The gateway's build information in Prometheus's shape. */
        PromBuildInfoOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromBuildInfo"];
            };
        };
        /** @description The exemplars, exactly as the backend produced them. */
        PromExemplarsOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromExemplars"];
            };
        };
        /** @description The names or values, exactly as the backend produced them. */
        PromLabelsOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromLabels"];
            };
        };
        /** @description Metadata by metric name. */
        PromMetadataOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromMetadata"];
            };
        };
        /** @description Only GET and POST are served; the Allow header lists them. */
        PromMethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description No rule engine is configured (LAYER_VM_URL without LAYER_ALERT_WRITE_URL or LAYER_RULES_URL; errorType unavailable). */
        PromNoRuleEngine: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The query result, exactly as the backend produced it. Warnings may accompany it. */
        PromOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromSuccess"];
            };
        };
        /** @description The rule engine (the bundled vmalert or LAYER_RULES_URL) cannot be reached (errorType unavailable). */
        PromRuleEngineUnreachable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The rule groups, as the rule engine answered. */
        PromRulesOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromRules"];
            };
        };
        /** @description The label sets, exactly as the backend produced them. */
        PromSeriesOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromSeries"];
            };
        };
        /** @description The backend did not answer within LAYER_VM_TIMEOUT_MS (errorType timeout). */
        PromTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The request body is larger than LAYER_PROXY_MAX_BODY_BYTES. */
        PromTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description Over the gateway's or the backend's concurrency limit; retry after the given seconds. */
        PromTooMany: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description Missing or invalid token (errorType unauthorized). */
        PromUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The metrics backend answered that it is unavailable. */
        PromUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description The backend could not execute the query (errorType execution, or the backend's status code). */
        PromUnprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PromError"];
            };
        };
        /** @description Missing or invalid token. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
        End: string;
        /** @description An ETag from an earlier response; a match answers 304. */
        IfNoneMatch: string;
        /** @description VictoriaMetrics extension; how far back from now data is considered complete. */
        LatencyOffset: string;
        /** @description Maximum number of returned series; 0 means no limit. */
        Limit: string;
        /** @description Override of the lookback period for this query. */
        LookbackDelta: string;
        /** @description Maximum number of returned entries; 0 means no limit. */
        LookupLimit: string;
        /** @description A series selector; repeat it for several (a series matching any of them counts). */
        Match: string[];
        /** @description A series selector; repeat it for several (a series matching any of them counts). */
        MatchRequired: string[];
        /** @description VictoriaMetrics extension; the maximum lookbehind for rollups. */
        MaxLookback: string;
        /** @description VictoriaMetrics extension; `1` bypasses the backend's rollup result cache. */
        Nocache: string;
        /** @description PromQL expression. */
        QueryRequired: string;
        /** @description VictoriaMetrics extension; round values to this many decimal digits. */
        RoundDigits: string;
        /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
        Start: string;
        /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
        StartRequired: string;
        /** @description Ask for query statistics (Prometheus `stats=all`). */
        Stats: string;
        /** @description VictoriaMetrics extension on instant queries; the lookbehind window for rollups. */
        Step: string;
        /** @description Resolution step, a duration (`15s`) or float seconds. */
        StepRequired: string;
        /** @description Evaluation timestamp, RFC 3339 or Unix seconds. Defaults to now. */
        Time: string;
        /** @description Evaluation timeout (a duration); capped by the backend's own limit. */
        Timeout: string;
    };
    requestBodies: {
        /** @description The parameters of the GET form, url-encoded; each given once (in the URL or the body, not both). */
        ExemplarsForm: {
            content: {
                "application/x-www-form-urlencoded": {
                    end?: string;
                    query?: string;
                    start?: string;
                };
            };
        };
        /**
         * @description The parameters of the GET form, url-encoded. Parameters may also stand in the URL; a
         *     parameter given in both places, or twice, is refused with 400 bad_data.
         */
        InstantQueryForm: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["InstantQueryParams"];
            };
        };
        /**
         * @description The parameters of the GET form, url-encoded; `match[]` may repeat, every other parameter
         *     is given once (in the URL or the body, not both).
         */
        LookupForm: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["LookupParams"];
            };
        };
        /**
         * @description The parameters of the GET form, url-encoded. Parameters may also stand in the URL; a
         *     parameter given in both places, or twice, is refused with 400 bad_data.
         */
        RangeQueryForm: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RangeQueryParams"];
            };
        };
        /**
         * @description The parameters of the GET form, url-encoded; `match[]` (at least one) may repeat, every
         *     other parameter is given once (in the URL or the body, not both).
         */
        SeriesForm: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["LookupParams"] & unknown;
            };
        };
    };
    headers: {
        /** @description The methods the route accepts. */
        Allow: string;
        /** @description `default-src 'self'` and tighter: no inline script or style, no other origin. */
        ContentSecurityPolicy: string;
        /** @description Strong validator of the served bytes (a content hash). */
        ETag: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: string;
        /** @description The Bearer challenge, `Bearer realm="layer"` (RFC 6750). */
        WWWAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description Degraded; the body says which dependency. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getLivez: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process serves requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Livez"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/openmetrics-text": string;
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getObservePage: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response; a match answers 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page shell. */
            200: {
                headers: {
                    "Content-Security-Policy": components["headers"]["ContentSecurityPolicy"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified; the client's copy is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["NotBuilt"];
        };
    };
    getObserveAsset: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response; a match answers 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description Asset file name as the page links it, for example `observe-3F2A9C1B.js`. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                    "text/css": string;
                    "text/javascript": string;
                };
            };
            /** @description Not modified; the client's copy is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["NotBuilt"];
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve the metrics API. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readyz"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            /** @description Not ready; `reasons` says why. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readyz"];
                };
            };
        };
    };
    getAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromAlertsOk"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            502: components["responses"]["PromRuleEngineUnreachable"];
            503: components["responses"]["PromNoRuleEngine"];
        };
    };
    labelValues: {
        parameters: {
            query?: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description Maximum number of returned entries; 0 means no limit. */
                limit?: components["parameters"]["LookupLimit"];
                /** @description A series selector; repeat it for several (a series matching any of them counts). */
                "match[]"?: components["parameters"]["Match"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start?: components["parameters"]["Start"];
            };
            header?: never;
            path: {
                /** @description A Prometheus label name, `__name__` for metric names. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromLabelsOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    labelNames: {
        parameters: {
            query?: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description Maximum number of returned entries; 0 means no limit. */
                limit?: components["parameters"]["LookupLimit"];
                /** @description A series selector; repeat it for several (a series matching any of them counts). */
                "match[]"?: components["parameters"]["Match"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start?: components["parameters"]["Start"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromLabelsOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    labelNamesPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["LookupForm"];
        responses: {
            200: components["responses"]["PromLabelsOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    metadata: {
        parameters: {
            query?: {
                /** @description Maximum number of metrics returned (0 returns none, as in Prometheus); absent or negative means no limit. */
                limit?: string;
                /** @description Maximum number of metadata entries per metric; absent, 0 or negative means no limit. */
                limit_per_metric?: string;
                /** @description Only this metric name. */
                metric?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromMetadataOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            429: components["responses"]["PromTooMany"];
        };
    };
    queryInstant: {
        parameters: {
            query: {
                /** @description VictoriaMetrics extension; how far back from now data is considered complete. */
                latency_offset?: components["parameters"]["LatencyOffset"];
                /** @description Maximum number of returned series; 0 means no limit. */
                limit?: components["parameters"]["Limit"];
                /** @description Override of the lookback period for this query. */
                lookback_delta?: components["parameters"]["LookbackDelta"];
                /** @description VictoriaMetrics extension; the maximum lookbehind for rollups. */
                max_lookback?: components["parameters"]["MaxLookback"];
                /** @description VictoriaMetrics extension; `1` bypasses the backend's rollup result cache. */
                nocache?: components["parameters"]["Nocache"];
                /** @description PromQL expression. */
                query: components["parameters"]["QueryRequired"];
                /** @description VictoriaMetrics extension; round values to this many decimal digits. */
                round_digits?: components["parameters"]["RoundDigits"];
                /** @description Ask for query statistics (Prometheus `stats=all`). */
                stats?: components["parameters"]["Stats"];
                /** @description VictoriaMetrics extension on instant queries; the lookbehind window for rollups. */
                step?: components["parameters"]["Step"];
                /** @description Evaluation timestamp, RFC 3339 or Unix seconds. Defaults to now. */
                time?: components["parameters"]["Time"];
                /** @description Evaluation timeout (a duration); capped by the backend's own limit. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryInstantPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["InstantQueryForm"];
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryExemplars: {
        parameters: {
            query: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description PromQL expression. */
                query: components["parameters"]["QueryRequired"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start?: components["parameters"]["Start"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromExemplarsOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryExemplarsPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ExemplarsForm"];
        responses: {
            200: components["responses"]["PromExemplarsOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryRange: {
        parameters: {
            query: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description VictoriaMetrics extension; how far back from now data is considered complete. */
                latency_offset?: components["parameters"]["LatencyOffset"];
                /** @description Maximum number of returned series; 0 means no limit. */
                limit?: components["parameters"]["Limit"];
                /** @description Override of the lookback period for this query. */
                lookback_delta?: components["parameters"]["LookbackDelta"];
                /** @description VictoriaMetrics extension; the maximum lookbehind for rollups. */
                max_lookback?: components["parameters"]["MaxLookback"];
                /** @description VictoriaMetrics extension; `1` bypasses the backend's rollup result cache. */
                nocache?: components["parameters"]["Nocache"];
                /** @description PromQL expression. */
                query: components["parameters"]["QueryRequired"];
                /** @description VictoriaMetrics extension; round values to this many decimal digits. */
                round_digits?: components["parameters"]["RoundDigits"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start: components["parameters"]["StartRequired"];
                /** @description Ask for query statistics (Prometheus `stats=all`). */
                stats?: components["parameters"]["Stats"];
                /** @description Resolution step, a duration (`15s`) or float seconds. */
                step: components["parameters"]["StepRequired"];
                /** @description Evaluation timeout (a duration); capped by the backend's own limit. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryRangePost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RangeQueryForm"];
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    getRules: {
        parameters: {
            query?: {
                /** @description `alert` or `record`: only rules of that type. */
                type?: "alert" | "record";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromRulesOk"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            502: components["responses"]["PromRuleEngineUnreachable"];
            503: components["responses"]["PromNoRuleEngine"];
        };
    };
    series: {
        parameters: {
            query: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description Maximum number of returned entries; 0 means no limit. */
                limit?: components["parameters"]["LookupLimit"];
                /** @description A series selector; repeat it for several (a series matching any of them counts). */
                "match[]": components["parameters"]["MatchRequired"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start?: components["parameters"]["Start"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromSeriesOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    seriesPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["SeriesForm"];
        responses: {
            200: components["responses"]["PromSeriesOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    buildInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromBuildInfoOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
        };
    };
    buildInfoPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromBuildInfoOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
        };
    };
    getCatalog: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response; a match answers 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalog"];
                };
            };
            /** @description Not modified; the client's copy is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getCatalogEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response; a match answers 304. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description Metric family name, for example `layer_query_duration_seconds`. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogEntry"];
                };
            };
            /** @description Not modified; the client's copy is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    queryInstantAlias: {
        parameters: {
            query: {
                /** @description VictoriaMetrics extension; how far back from now data is considered complete. */
                latency_offset?: components["parameters"]["LatencyOffset"];
                /** @description Maximum number of returned series; 0 means no limit. */
                limit?: components["parameters"]["Limit"];
                /** @description Override of the lookback period for this query. */
                lookback_delta?: components["parameters"]["LookbackDelta"];
                /** @description VictoriaMetrics extension; the maximum lookbehind for rollups. */
                max_lookback?: components["parameters"]["MaxLookback"];
                /** @description VictoriaMetrics extension; `1` bypasses the backend's rollup result cache. */
                nocache?: components["parameters"]["Nocache"];
                /** @description PromQL expression. */
                query: components["parameters"]["QueryRequired"];
                /** @description VictoriaMetrics extension; round values to this many decimal digits. */
                round_digits?: components["parameters"]["RoundDigits"];
                /** @description Ask for query statistics (Prometheus `stats=all`). */
                stats?: components["parameters"]["Stats"];
                /** @description VictoriaMetrics extension on instant queries; the lookbehind window for rollups. */
                step?: components["parameters"]["Step"];
                /** @description Evaluation timestamp, RFC 3339 or Unix seconds. Defaults to now. */
                time?: components["parameters"]["Time"];
                /** @description Evaluation timeout (a duration); capped by the backend's own limit. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryInstantAliasPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["InstantQueryForm"];
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryRangeAlias: {
        parameters: {
            query: {
                /** @description End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now. */
                end?: components["parameters"]["End"];
                /** @description VictoriaMetrics extension; how far back from now data is considered complete. */
                latency_offset?: components["parameters"]["LatencyOffset"];
                /** @description Maximum number of returned series; 0 means no limit. */
                limit?: components["parameters"]["Limit"];
                /** @description Override of the lookback period for this query. */
                lookback_delta?: components["parameters"]["LookbackDelta"];
                /** @description VictoriaMetrics extension; the maximum lookbehind for rollups. */
                max_lookback?: components["parameters"]["MaxLookback"];
                /** @description VictoriaMetrics extension; `1` bypasses the backend's rollup result cache. */
                nocache?: components["parameters"]["Nocache"];
                /** @description PromQL expression. */
                query: components["parameters"]["QueryRequired"];
                /** @description VictoriaMetrics extension; round values to this many decimal digits. */
                round_digits?: components["parameters"]["RoundDigits"];
                /** @description Start timestamp, RFC 3339 or Unix seconds, inclusive. */
                start: components["parameters"]["StartRequired"];
                /** @description Ask for query statistics (Prometheus `stats=all`). */
                stats?: components["parameters"]["Stats"];
                /** @description Resolution step, a duration (`15s`) or float seconds. */
                step: components["parameters"]["StepRequired"];
                /** @description Evaluation timeout (a duration); capped by the backend's own limit. */
                timeout?: components["parameters"]["Timeout"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
    queryRangeAliasPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RangeQueryForm"];
        responses: {
            200: components["responses"]["PromOk"];
            400: components["responses"]["PromBadRequest"];
            401: components["responses"]["PromUnauthorized"];
            405: components["responses"]["PromMethodNotAllowed"];
            413: components["responses"]["PromTooLarge"];
            422: components["responses"]["PromUnprocessable"];
            429: components["responses"]["PromTooMany"];
            502: components["responses"]["PromBadGateway"];
            503: components["responses"]["PromUnavailable"];
            504: components["responses"]["PromTimeout"];
        };
    };
}
