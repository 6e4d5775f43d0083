/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */

/** openapi.yaml as parsed, for openapi-backend. */
export const openapiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "layer metrics gateway",
    "version": "1.0.0",
    "summary": "Metrics surface of the layer gateway.",
    "description": "The gateway exposes its own metrics, its health, a self-describing catalog of every metric it\nemits, and a PromQL passthrough whose request and response bodies match Prometheus's HTTP API\n(`/api/v1/query`, `/api/v1/query_range`, `/api/v1/labels`, `/api/v1/label/<name>/values`,\n`/api/v1/series`, `/api/v1/query_exemplars`) one for one, with `/api/v1/metadata` and\n`/api/v1/status/buildinfo` answered by the gateway: a Prometheus data source for Grafana.\n\nAuthentication: every `/v2` route takes a bearer token (RFC 6750). The same token is accepted as\nHTTP Basic credentials (token as user name, empty password) for clients that only speak Basic.\nTokens in the query string are refused.\n",
    "license": {
      "name": "Proprietary",
      "identifier": "LicenseRef-Proprietary"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080",
      "description": "Default local gateway (LAYER_GATEWAY_HOST / LAYER_GATEWAY_PORT)."
    }
  ],
  "tags": [
    {
      "name": "query",
      "description": "PromQL passthrough with Prometheus-compatible bodies."
    },
    {
      "name": "catalog",
      "description": "The catalog of every metric the gateway emits."
    },
    {
      "name": "operations",
      "description": "Health and the gateway's own metrics."
    },
    {
      "name": "observe",
      "description": "The observe tab, a page for people that reads /health, the catalog and the passthrough."
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "paths": {
    "/metrics": {
      "get": {
        "operationId": "getMetrics",
        "tags": [
          "operations"
        ],
        "x-layer-validation": "app",
        "x-layer-auth": "configurable",
        "summary": "Prometheus exposition of the gateway's own metrics",
        "description": "Every metric family listed in the catalog, in the Prometheus text format, or in OpenMetrics\nwhen the Accept header asks for `application/openmetrics-text`. Open by default; set\nLAYER_METRICS_AUTH=token to require the bearer token.\n",
        "security": [],
        "responses": {
          "200": {
            "description": "The exposition.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              },
              "application/openmetrics-text": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "getHealth",
        "tags": [
          "operations"
        ],
        "summary": "The state of the gateway's dependencies (the degraded signal)",
        "description": "The degraded signal, for dashboards and paging; readiness is `GET /readyz`. Answers from a snapshot kept up to date in the\nbackground; it never waits on a dependency. 200 when every dependency is ok, 503 when\ndegraded: the metrics backend is down, the NVMe cache is `warming`, `cold` or\n`disconnected`, a namespace is not warm, or the backend sent partial answers in the last\nminute. A cache that is not configured (or, in an\nembedding process, not reported yet) is `disabled`, which is not degraded. A 503 does not\nmean the process is unhealthy: liveness is `GET /livez`.\n",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "503": {
            "description": "Degraded; the body says which dependency.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        }
      }
    },
    "/observe": {
      "get": {
        "operationId": "getObservePage",
        "tags": [
          "observe"
        ],
        "summary": "The observe tab",
        "description": "An HTML page for operators: at-a-glance health cards (from /health), the catalog grouped by\nfamily with search, and a plot of each entry's example PromQL through the range passthrough.\nThe page itself needs no token; the operator pastes one, which the page keeps in\nsessionStorage and sends as a Bearer header. Served with `Cache-Control: no-cache`, an\nETag, and `Content-Security-Policy: default-src 'self'`; the page requests nothing from\nany other origin. Built by `npm run build`; 503 until it is.\n",
        "security": [],
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The page shell.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Security-Policy": {
                "$ref": "#/components/headers/ContentSecurityPolicy"
              }
            },
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "description": "Not modified; the client's copy is current."
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "503": {
            "$ref": "#/components/responses/NotBuilt"
          }
        }
      }
    },
    "/observe/assets/{file}": {
      "get": {
        "operationId": "getObserveAsset",
        "tags": [
          "observe"
        ],
        "summary": "A script, stylesheet or icon of the observe tab",
        "description": "The page's bundled JavaScript and CSS and its icon, named by a hash of their content, so they are served\nwith `Cache-Control: public, max-age=31536000, immutable` and an ETag.\n",
        "security": [],
        "parameters": [
          {
            "name": "file",
            "in": "path",
            "required": true,
            "description": "Asset file name as the page links it, for example `observe-3F2A9C1B.js`.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]+\\.(js|css|svg)$"
            }
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The asset.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "text/javascript": {
                "schema": {
                  "type": "string"
                }
              },
              "text/css": {
                "schema": {
                  "type": "string"
                }
              },
              "image/svg+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "description": "Not modified; the client's copy is current."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/NotBuilt"
          }
        }
      }
    },
    "/livez": {
      "get": {
        "operationId": "getLivez",
        "tags": [
          "operations"
        ],
        "summary": "Liveness",
        "description": "200 whenever the process serves requests; no dependency is checked, so a cold cache or a\ndown backend never makes an orchestrator restart a process that is only degraded. Use\n`GET /readyz` for readiness and `GET /health` for the degraded signal.\n",
        "security": [],
        "responses": {
          "200": {
            "description": "The process serves requests.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Livez"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "getReadyz",
        "tags": [
          "operations"
        ],
        "summary": "Readiness for load balancers and orchestrators",
        "description": "200 when this gateway can serve the metrics API: it listens, it is not draining (the\nLAYER_SHUTDOWN_DELAY_MS after SIGTERM), and its metrics backend answers a probe that touches\nstorage. 503 otherwise, with the reasons in the body. A cold or disconnected NVMe cache\nand partial backend answers do not make it 503: the metrics API works through them, and\n`GET /health` and the alerts report them. Answers from state kept up to date in the\nbackground; it never waits on a dependency. No token needed.\n",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready to serve the metrics API.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readyz"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "503": {
            "description": "Not ready; `reasons` says why.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readyz"
                }
              }
            }
          }
        }
      }
    },
    "/v2/metrics/api/v1/query": {
      "get": {
        "operationId": "queryInstant",
        "tags": [
          "query"
        ],
        "summary": "Instant PromQL query",
        "description": "Evaluates an instant query; same parameters and body as Prometheus's `GET /api/v1/query`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/QueryRequired"
          },
          {
            "$ref": "#/components/parameters/Time"
          },
          {
            "$ref": "#/components/parameters/Timeout"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/LookbackDelta"
          },
          {
            "$ref": "#/components/parameters/Stats"
          },
          {
            "$ref": "#/components/parameters/Step"
          },
          {
            "$ref": "#/components/parameters/Nocache"
          },
          {
            "$ref": "#/components/parameters/RoundDigits"
          },
          {
            "$ref": "#/components/parameters/LatencyOffset"
          },
          {
            "$ref": "#/components/parameters/MaxLookback"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "queryInstantPost",
        "tags": [
          "query"
        ],
        "summary": "Instant PromQL query (form body)",
        "description": "As the GET form, with parameters in an `application/x-www-form-urlencoded` body.",
        "requestBody": {
          "$ref": "#/components/requestBodies/InstantQueryForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/query": {
      "get": {
        "operationId": "queryInstantAlias",
        "tags": [
          "query"
        ],
        "summary": "Instant PromQL query (short alias)",
        "description": "Identical to `GET /v2/metrics/api/v1/query`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/QueryRequired"
          },
          {
            "$ref": "#/components/parameters/Time"
          },
          {
            "$ref": "#/components/parameters/Timeout"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/LookbackDelta"
          },
          {
            "$ref": "#/components/parameters/Stats"
          },
          {
            "$ref": "#/components/parameters/Step"
          },
          {
            "$ref": "#/components/parameters/Nocache"
          },
          {
            "$ref": "#/components/parameters/RoundDigits"
          },
          {
            "$ref": "#/components/parameters/LatencyOffset"
          },
          {
            "$ref": "#/components/parameters/MaxLookback"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "queryInstantAliasPost",
        "tags": [
          "query"
        ],
        "summary": "Instant PromQL query, form body (short alias)",
        "description": "Identical to `POST /v2/metrics/api/v1/query`.",
        "requestBody": {
          "$ref": "#/components/requestBodies/InstantQueryForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/query_range": {
      "get": {
        "operationId": "queryRange",
        "tags": [
          "query"
        ],
        "summary": "Range PromQL query",
        "description": "Evaluates a range query; same parameters and body as Prometheus's `GET /api/v1/query_range`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/QueryRequired"
          },
          {
            "$ref": "#/components/parameters/StartRequired"
          },
          {
            "$ref": "#/components/parameters/End"
          },
          {
            "$ref": "#/components/parameters/StepRequired"
          },
          {
            "$ref": "#/components/parameters/Timeout"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/LookbackDelta"
          },
          {
            "$ref": "#/components/parameters/Stats"
          },
          {
            "$ref": "#/components/parameters/Nocache"
          },
          {
            "$ref": "#/components/parameters/RoundDigits"
          },
          {
            "$ref": "#/components/parameters/LatencyOffset"
          },
          {
            "$ref": "#/components/parameters/MaxLookback"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "queryRangePost",
        "tags": [
          "query"
        ],
        "summary": "Range PromQL query (form body)",
        "description": "As the GET form, with parameters in an `application/x-www-form-urlencoded` body.",
        "requestBody": {
          "$ref": "#/components/requestBodies/RangeQueryForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/query_range": {
      "get": {
        "operationId": "queryRangeAlias",
        "tags": [
          "query"
        ],
        "summary": "Range PromQL query (short alias)",
        "description": "Identical to `GET /v2/metrics/api/v1/query_range`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/QueryRequired"
          },
          {
            "$ref": "#/components/parameters/StartRequired"
          },
          {
            "$ref": "#/components/parameters/End"
          },
          {
            "$ref": "#/components/parameters/StepRequired"
          },
          {
            "$ref": "#/components/parameters/Timeout"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/LookbackDelta"
          },
          {
            "$ref": "#/components/parameters/Stats"
          },
          {
            "$ref": "#/components/parameters/Nocache"
          },
          {
            "$ref": "#/components/parameters/RoundDigits"
          },
          {
            "$ref": "#/components/parameters/LatencyOffset"
          },
          {
            "$ref": "#/components/parameters/MaxLookback"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "queryRangeAliasPost",
        "tags": [
          "query"
        ],
        "summary": "Range PromQL query, form body (short alias)",
        "description": "Identical to `POST /v2/metrics/api/v1/query_range`.",
        "requestBody": {
          "$ref": "#/components/requestBodies/RangeQueryForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/labels": {
      "get": {
        "operationId": "labelNames",
        "tags": [
          "query"
        ],
        "summary": "Label names",
        "description": "Label names of the series that match (or of all series); same parameters and body as\nPrometheus's `GET /api/v1/labels`, passed through to the backend's route of that name.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Match"
          },
          {
            "$ref": "#/components/parameters/Start"
          },
          {
            "$ref": "#/components/parameters/End"
          },
          {
            "$ref": "#/components/parameters/LookupLimit"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromLabelsOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "labelNamesPost",
        "tags": [
          "query"
        ],
        "summary": "Label names (form body)",
        "description": "As the GET form, with parameters in an `application/x-www-form-urlencoded` body.",
        "requestBody": {
          "$ref": "#/components/requestBodies/LookupForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromLabelsOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/label/{name}/values": {
      "get": {
        "operationId": "labelValues",
        "tags": [
          "query"
        ],
        "summary": "Values of one label",
        "description": "Values of the label `name` in the series that match (or in all series); same parameters and\nbody as Prometheus's `GET /api/v1/label/<name>/values`. `name` is checked to be a label name\nbefore anything is sent; the backend's path is built from it alone.\n",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "description": "A Prometheus label name, `__name__` for metric names.",
            "schema": {
              "type": "string",
              "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$"
            }
          },
          {
            "$ref": "#/components/parameters/Match"
          },
          {
            "$ref": "#/components/parameters/Start"
          },
          {
            "$ref": "#/components/parameters/End"
          },
          {
            "$ref": "#/components/parameters/LookupLimit"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromLabelsOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/series": {
      "get": {
        "operationId": "series",
        "tags": [
          "query"
        ],
        "summary": "Series that match selectors",
        "description": "The label sets of the series that match at least one `match[]`; same parameters and body as\nPrometheus's `GET /api/v1/series`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/MatchRequired"
          },
          {
            "$ref": "#/components/parameters/Start"
          },
          {
            "$ref": "#/components/parameters/End"
          },
          {
            "$ref": "#/components/parameters/LookupLimit"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromSeriesOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "seriesPost",
        "tags": [
          "query"
        ],
        "summary": "Series that match selectors (form body)",
        "description": "As the GET form, with parameters in an `application/x-www-form-urlencoded` body.",
        "requestBody": {
          "$ref": "#/components/requestBodies/SeriesForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromSeriesOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "413": {
            "$ref": "#/components/responses/PromTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/query_exemplars": {
      "get": {
        "operationId": "queryExemplars",
        "tags": [
          "query"
        ],
        "summary": "Exemplars of a query",
        "description": "Exemplars of the series a PromQL query selects; same parameters and body as Prometheus's\n`GET /api/v1/query_exemplars` (VictoriaMetrics 1.79 answers an empty success).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/QueryRequired"
          },
          {
            "$ref": "#/components/parameters/Start"
          },
          {
            "$ref": "#/components/parameters/End"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromExemplarsOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      },
      "post": {
        "operationId": "queryExemplarsPost",
        "tags": [
          "query"
        ],
        "summary": "Exemplars of a query (form body)",
        "description": "As the GET form, with parameters in an `application/x-www-form-urlencoded` body (Grafana's\nserver side sends its exemplar probe as a POST when the data source uses POST).\n",
        "requestBody": {
          "$ref": "#/components/requestBodies/ExemplarsForm"
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromExemplarsOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "422": {
            "$ref": "#/components/responses/PromUnprocessable"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          },
          "502": {
            "$ref": "#/components/responses/PromBadGateway"
          },
          "503": {
            "$ref": "#/components/responses/PromUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/PromTimeout"
          }
        }
      }
    },
    "/v2/metrics/api/v1/metadata": {
      "get": {
        "operationId": "metadata",
        "tags": [
          "query"
        ],
        "summary": "Type, help and unit of metrics",
        "description": "Prometheus's `GET /api/v1/metadata`, answered by the gateway: an entry for every metric name\nthe catalog lists (type = kind, help = description, unit = unit), merged with what the\nbackend answers for other names (VictoriaMetrics 1.79 answers none; a Prometheus backend\ndoes). For the catalog's own names the catalog wins. `limit` caps the number of metrics,\n`limit_per_metric` the entries per metric, `metric` selects one name, as Prometheus does.\nWhen the backend does not answer, the catalog's entries come back with a warning.\n",
        "parameters": [
          {
            "name": "metric",
            "in": "query",
            "description": "Only this metric name.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "description": "Maximum number of metrics returned (0 returns none, as in Prometheus); absent or negative means no limit.",
            "schema": {
              "type": "string",
              "pattern": "^-?[0-9]+$"
            }
          },
          {
            "name": "limit_per_metric",
            "in": "query",
            "description": "Maximum number of metadata entries per metric; absent, 0 or negative means no limit.",
            "schema": {
              "type": "string",
              "pattern": "^-?[0-9]+$"
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromMetadataOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/PromTooMany"
          }
        }
      }
    },
    "/v2/metrics/api/v1/status/buildinfo": {
      "get": {
        "operationId": "buildInfo",
        "tags": [
          "query"
        ],
        "x-layer-validation": "app",
        "summary": "Build information, Prometheus's shape",
        "description": "Answered by the gateway. `version` is `2.24.0`, the Prometheus release that added `match[]`\nto the label names and values APIs: Grafana's Prometheus data source\n(packages/grafana-prometheus/src/datasource.ts, `hasLabelsMatchAPISupport`) uses\n`/api/v1/label/<name>/values?match[]=...` for a Prometheus of version 2.24.0 or later, and\nthe heavier `/api/v1/series` before it. The other fields name the gateway, not the backend.\n",
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromBuildInfoOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          }
        }
      },
      "post": {
        "operationId": "buildInfoPost",
        "tags": [
          "query"
        ],
        "x-layer-validation": "app",
        "summary": "Build information, Prometheus's shape (POST)",
        "description": "As the GET form, and like it without parameters: a form body that carries any is refused\nwith 400, as a query string that does. Grafana's server side asks by POST first when the\ndata source uses POST (pkg/promlib/client/client.go lists GET-only paths with a leading\nslash its request paths lack), and would otherwise retry by GET after a 405.\n",
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromBuildInfoOk"
          },
          "400": {
            "$ref": "#/components/responses/PromBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          }
        }
      }
    },
    "/v2/metrics/api/v1/rules": {
      "get": {
        "operationId": "getRules",
        "tags": [
          "query"
        ],
        "x-layer-validation": "app",
        "summary": "Alerting rules and their state, Prometheus's shape",
        "description": "The catalog's alerting rules as the rule engine evaluates them: the bundled vmalert, or the\noperator's own vmalert or Prometheus at LAYER_RULES_URL. The body is the engine's answer as\nit came (Prometheus's `/api/v1/rules` shape, which Grafana's alert list reads); the query\nstring is passed along (`type=alert`, say).\n",
        "parameters": [
          {
            "name": "type",
            "in": "query",
            "required": false,
            "description": "`alert` or `record`: only rules of that type.",
            "schema": {
              "type": "string",
              "enum": [
                "alert",
                "record"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromRulesOk"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "502": {
            "$ref": "#/components/responses/PromRuleEngineUnreachable"
          },
          "503": {
            "$ref": "#/components/responses/PromNoRuleEngine"
          }
        }
      }
    },
    "/v2/metrics/api/v1/alerts": {
      "get": {
        "operationId": "getAlerts",
        "tags": [
          "query"
        ],
        "x-layer-validation": "app",
        "summary": "Active alerts, Prometheus's shape",
        "description": "Every pending and firing alert, as the rule engine reports it (Prometheus's `/api/v1/alerts`\nshape): `state` is `pending` until the rule's `for` has passed, then `firing`; `activeAt`\nsurvives a restart of the bundled vmalert (its state is restored from ALERTS_FOR_STATE).\n",
        "responses": {
          "200": {
            "$ref": "#/components/responses/PromAlertsOk"
          },
          "401": {
            "$ref": "#/components/responses/PromUnauthorized"
          },
          "405": {
            "$ref": "#/components/responses/PromMethodNotAllowed"
          },
          "502": {
            "$ref": "#/components/responses/PromRuleEngineUnreachable"
          },
          "503": {
            "$ref": "#/components/responses/PromNoRuleEngine"
          }
        }
      }
    },
    "/v2/metrics/catalog": {
      "get": {
        "operationId": "getCatalog",
        "tags": [
          "catalog"
        ],
        "x-layer-validation": "app",
        "summary": "The whole metric catalog",
        "description": "Every metric the gateway emits, pre-serialized at build time. Carries a strong ETag;\n`If-None-Match` with the current ETag answers 304.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The catalog.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Catalog"
                }
              }
            }
          },
          "304": {
            "description": "Not modified; the client's copy is current."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/v2/metrics/catalog/{name}": {
      "get": {
        "operationId": "getCatalogEntry",
        "tags": [
          "catalog"
        ],
        "x-layer-validation": "app",
        "summary": "One catalog entry",
        "description": "The catalog entry of one metric family, by its name. Carries a strong ETag.",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "description": "Metric family name, for example `layer_query_duration_seconds`.",
            "schema": {
              "type": "string",
              "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$"
            }
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The entry.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CatalogEntry"
                }
              }
            }
          },
          "304": {
            "description": "Not modified; the client's copy is current."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token from LAYER_API_TOKENS or LAYER_API_TOKENS_FILE. Also accepted as HTTP Basic\ncredentials with the token as user name and an empty password.\n"
      }
    },
    "headers": {
      "ETag": {
        "description": "Strong validator of the served bytes (a content hash).",
        "schema": {
          "type": "string"
        }
      },
      "WWWAuthenticate": {
        "description": "The Bearer challenge, `Bearer realm=\"layer\"` (RFC 6750).",
        "schema": {
          "type": "string"
        }
      },
      "RetryAfter": {
        "description": "Seconds to wait before retrying.",
        "schema": {
          "type": "string"
        }
      },
      "Allow": {
        "description": "The methods the route accepts.",
        "schema": {
          "type": "string"
        }
      },
      "ContentSecurityPolicy": {
        "description": "`default-src 'self'` and tighter: no inline script or style, no other origin.",
        "schema": {
          "type": "string"
        }
      }
    },
    "parameters": {
      "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "An ETag from an earlier response; a match answers 304.",
        "schema": {
          "type": "string"
        }
      },
      "QueryRequired": {
        "name": "query",
        "in": "query",
        "required": true,
        "description": "PromQL expression.",
        "schema": {
          "type": "string"
        }
      },
      "Time": {
        "name": "time",
        "in": "query",
        "description": "Evaluation timestamp, RFC 3339 or Unix seconds. Defaults to now.",
        "schema": {
          "type": "string"
        }
      },
      "StartRequired": {
        "name": "start",
        "in": "query",
        "required": true,
        "description": "Start timestamp, RFC 3339 or Unix seconds, inclusive.",
        "schema": {
          "type": "string"
        }
      },
      "End": {
        "name": "end",
        "in": "query",
        "description": "End timestamp, RFC 3339 or Unix seconds, inclusive. Defaults to now.",
        "schema": {
          "type": "string"
        }
      },
      "StepRequired": {
        "name": "step",
        "in": "query",
        "required": true,
        "description": "Resolution step, a duration (`15s`) or float seconds.",
        "schema": {
          "type": "string"
        }
      },
      "Match": {
        "name": "match[]",
        "in": "query",
        "description": "A series selector; repeat it for several (a series matching any of them counts).",
        "style": "form",
        "explode": true,
        "schema": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "MatchRequired": {
        "name": "match[]",
        "in": "query",
        "required": true,
        "description": "A series selector; repeat it for several (a series matching any of them counts).",
        "style": "form",
        "explode": true,
        "schema": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string"
          }
        }
      },
      "Start": {
        "name": "start",
        "in": "query",
        "description": "Start timestamp, RFC 3339 or Unix seconds, inclusive.",
        "schema": {
          "type": "string"
        }
      },
      "LookupLimit": {
        "name": "limit",
        "in": "query",
        "description": "Maximum number of returned entries; 0 means no limit.",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      },
      "Step": {
        "name": "step",
        "in": "query",
        "description": "VictoriaMetrics extension on instant queries; the lookbehind window for rollups.",
        "schema": {
          "type": "string"
        }
      },
      "Timeout": {
        "name": "timeout",
        "in": "query",
        "description": "Evaluation timeout (a duration); capped by the backend's own limit.",
        "schema": {
          "type": "string"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "description": "Maximum number of returned series; 0 means no limit.",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      },
      "LookbackDelta": {
        "name": "lookback_delta",
        "in": "query",
        "description": "Override of the lookback period for this query.",
        "schema": {
          "type": "string"
        }
      },
      "Stats": {
        "name": "stats",
        "in": "query",
        "description": "Ask for query statistics (Prometheus `stats=all`).",
        "schema": {
          "type": "string"
        }
      },
      "Nocache": {
        "name": "nocache",
        "in": "query",
        "description": "VictoriaMetrics extension; `1` bypasses the backend's rollup result cache.",
        "schema": {
          "type": "string"
        }
      },
      "RoundDigits": {
        "name": "round_digits",
        "in": "query",
        "description": "VictoriaMetrics extension; round values to this many decimal digits.",
        "schema": {
          "type": "string",
          "pattern": "^-?[0-9]+$"
        }
      },
      "LatencyOffset": {
        "name": "latency_offset",
        "in": "query",
        "description": "VictoriaMetrics extension; how far back from now data is considered complete.",
        "schema": {
          "type": "string"
        }
      },
      "MaxLookback": {
        "name": "max_lookback",
        "in": "query",
        "description": "VictoriaMetrics extension; the maximum lookbehind for rollups.",
        "schema": {
          "type": "string"
        }
      }
    },
    "requestBodies": {
      "InstantQueryForm": {
        "required": true,
        "description": "The parameters of the GET form, url-encoded. Parameters may also stand in the URL; a\nparameter given in both places, or twice, is refused with 400 bad_data.\n",
        "content": {
          "application/x-www-form-urlencoded": {
            "schema": {
              "$ref": "#/components/schemas/InstantQueryParams"
            }
          }
        }
      },
      "RangeQueryForm": {
        "required": true,
        "description": "The parameters of the GET form, url-encoded. Parameters may also stand in the URL; a\nparameter given in both places, or twice, is refused with 400 bad_data.\n",
        "content": {
          "application/x-www-form-urlencoded": {
            "schema": {
              "$ref": "#/components/schemas/RangeQueryParams"
            }
          }
        }
      },
      "LookupForm": {
        "required": true,
        "description": "The parameters of the GET form, url-encoded; `match[]` may repeat, every other parameter\nis given once (in the URL or the body, not both).\n",
        "content": {
          "application/x-www-form-urlencoded": {
            "schema": {
              "$ref": "#/components/schemas/LookupParams"
            }
          }
        }
      },
      "SeriesForm": {
        "required": true,
        "description": "The parameters of the GET form, url-encoded; `match[]` (at least one) may repeat, every\nother parameter is given once (in the URL or the body, not both).\n",
        "content": {
          "application/x-www-form-urlencoded": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/LookupParams"
                },
                {
                  "required": [
                    "match[]"
                  ]
                }
              ]
            }
          }
        }
      },
      "ExemplarsForm": {
        "required": true,
        "description": "The parameters of the GET form, url-encoded; each given once (in the URL or the body, not both).\n",
        "content": {
          "application/x-www-form-urlencoded": {
            "schema": {
              "type": "object",
              "properties": {
                "query": {
                  "type": "string"
                },
                "start": {
                  "type": "string"
                },
                "end": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is malformed; the body says what to fix.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing or invalid token.",
        "headers": {
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWWAuthenticate"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The route does not serve this method; the Allow header lists the ones it does.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such resource.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotBuilt": {
        "description": "The observe tab's files are not built; `npm run build` builds them.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "PromOk": {
        "description": "The query result, exactly as the backend produced it. Warnings may accompany it.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromSuccess"
            }
          }
        }
      },
      "PromLabelsOk": {
        "description": "The names or values, exactly as the backend produced them.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromLabels"
            }
          }
        }
      },
      "PromSeriesOk": {
        "description": "The label sets, exactly as the backend produced them.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromSeries"
            }
          }
        }
      },
      "PromExemplarsOk": {
        "description": "The exemplars, exactly as the backend produced them.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromExemplars"
            }
          }
        }
      },
      "PromMetadataOk": {
        "description": "Metadata by metric name.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromMetadata"
            }
          }
        }
      },
      "PromBuildInfoOk": {
        "description": "The gateway's build information in Prometheus's shape.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromBuildInfo"
            }
          }
        }
      },
      "PromRulesOk": {
        "description": "The rule groups, as the rule engine answered.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromRules"
            }
          }
        }
      },
      "PromAlertsOk": {
        "description": "The active alerts, as the rule engine answered.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromAlerts"
            }
          }
        }
      },
      "PromRuleEngineUnreachable": {
        "description": "The rule engine (the bundled vmalert or LAYER_RULES_URL) cannot be reached (errorType unavailable).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromNoRuleEngine": {
        "description": "No rule engine is configured (LAYER_VM_URL without LAYER_ALERT_WRITE_URL or LAYER_RULES_URL; errorType unavailable).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromBadRequest": {
        "description": "Invalid request (errorType bad_data), or a parse error from the backend.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromUnauthorized": {
        "description": "Missing or invalid token (errorType unauthorized).",
        "headers": {
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWWAuthenticate"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromMethodNotAllowed": {
        "description": "Only GET and POST are served; the Allow header lists them.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromTooLarge": {
        "description": "The request body is larger than LAYER_PROXY_MAX_BODY_BYTES.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromUnprocessable": {
        "description": "The backend could not execute the query (errorType execution, or the backend's status code).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromTooMany": {
        "description": "Over the gateway's or the backend's concurrency limit; retry after the given seconds.",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromBadGateway": {
        "description": "The metrics backend cannot be reached (errorType unavailable).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromUnavailable": {
        "description": "The metrics backend answered that it is unavailable.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      },
      "PromTimeout": {
        "description": "The backend did not answer within LAYER_VM_TIMEOUT_MS (errorType timeout).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/PromError"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "description": "Error body of the routes that are not Prometheus-compatible.",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "Stable machine-readable code, for example `ERR_NOT_FOUND`.",
            "examples": [
              "ERR_NOT_FOUND"
            ]
          },
          "message": {
            "type": "string",
            "description": "What was wrong and how to fix it."
          },
          "request_id": {
            "type": "string",
            "description": "The request id, as in the gateway's logs and the X-Request-Id header."
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "cache",
          "namespaces"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "degraded"
            ],
            "description": "`degraded` whenever a dependency below is not ok; the HTTP status is then 503."
          },
          "reasons": {
            "type": "array",
            "description": "Additive. Why the status is degraded, one short phrase per cause; empty when ok.",
            "items": {
              "type": "string"
            }
          },
          "backend": {
            "type": "object",
            "description": "Additive. The metrics backend (never its address).",
            "required": [
              "state",
              "mode"
            ],
            "properties": {
              "state": {
                "type": "string",
                "enum": [
                  "up",
                  "down",
                  "starting"
                ]
              },
              "mode": {
                "type": "string",
                "enum": [
                  "bundled",
                  "external"
                ],
                "description": "`bundled`: the gateway runs vmsingle itself; `external`: LAYER_VM_URL."
              }
            }
          },
          "cache": {
            "type": "object",
            "required": [
              "state",
              "reconnect_generation"
            ],
            "properties": {
              "state": {
                "type": "string",
                "enum": [
                  "warm",
                  "warming",
                  "cold",
                  "disconnected",
                  "disabled"
                ],
                "description": "The NVMe cache by warmth: `warm`, `warming` or `cold` while connected;\n`disconnected` when configured but not connected (connecting, or the connection\nwas lost); `disabled` when there is no cache. The standalone server has no warmth\nsignal and reports a connected cache as `warm`.\n"
              },
              "reconnect_generation": {
                "type": "integer",
                "minimum": 0,
                "description": "Connections re-established after a loss; the first connection does not count."
              },
              "connection": {
                "type": "string",
                "enum": [
                  "disabled",
                  "connecting",
                  "connected",
                  "disconnected"
                ],
                "description": "Additive. The connection state behind `state`."
              }
            }
          },
          "namespaces": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "namespace",
                "state"
              ],
              "properties": {
                "namespace": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "warm",
                    "warming",
                    "cold"
                  ]
                }
              }
            }
          },
          "alerts": {
            "type": "object",
            "description": "Additive. How many of the catalog's alerts the rule engine reports firing and pending\n(read in the background each evaluation interval; a failed read keeps the last counts).\nAlerts never make the status `degraded` on their own: GET /v2/metrics/api/v1/alerts\nlists them.\n",
            "required": [
              "firing",
              "pending",
              "source"
            ],
            "properties": {
              "firing": {
                "type": "integer",
                "minimum": 0
              },
              "pending": {
                "type": "integer",
                "minimum": 0,
                "description": "Alerts whose condition holds but whose `for` has not passed yet."
              },
              "source": {
                "type": "string",
                "enum": [
                  "bundled",
                  "external",
                  "none"
                ],
                "description": "`bundled`: the gateway's own vmalert; `external`: LAYER_RULES_URL; `none`: no rule\nengine (LAYER_VM_URL without LAYER_ALERT_WRITE_URL or LAYER_RULES_URL), counts are 0.\n"
              }
            }
          },
          "uptime_seconds": {
            "type": "number",
            "description": "Additive. Seconds since the gateway started."
          },
          "checked_at": {
            "type": "string",
            "format": "date-time",
            "description": "Additive. When the snapshot was last updated."
          },
          "partial_responses": {
            "type": "object",
            "description": "Additive. Backend answers marked `\"isPartial\":true`: a VictoriaMetrics cluster answering\nwithout some of its storage nodes. Counted from passthrough answers and the backend\nprobe; `layer_upstream_partial_responses_total` counts the passthrough's by route.\n",
            "required": [
              "last_minute"
            ],
            "properties": {
              "last_minute": {
                "type": "integer",
                "minimum": 0,
                "description": "Partial answers in the last 60 seconds."
              },
              "since": {
                "type": "string",
                "format": "date-time",
                "description": "When the current run of partial answers began (the first one after a minute\nwithout any); absent when there was none in the last minute.\n"
              }
            }
          }
        }
      },
      "Livez": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          }
        }
      },
      "Readyz": {
        "type": "object",
        "required": [
          "status",
          "reasons"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ready",
              "not_ready"
            ],
            "description": "`not_ready` whenever a reason below holds; the HTTP status is then 503."
          },
          "reasons": {
            "type": "array",
            "description": "Why the gateway is not ready, one short phrase per cause; empty when ready.",
            "items": {
              "type": "string"
            }
          },
          "draining": {
            "type": "boolean",
            "description": "Whether the gateway is stopping (after SIGTERM) and wants no new requests."
          },
          "backend": {
            "type": "object",
            "description": "The metrics backend as its probe last saw it (never its address).",
            "required": [
              "state",
              "mode"
            ],
            "properties": {
              "state": {
                "type": "string",
                "enum": [
                  "up",
                  "down",
                  "starting"
                ]
              },
              "mode": {
                "type": "string",
                "enum": [
                  "bundled",
                  "external"
                ]
              }
            }
          }
        }
      },
      "Catalog": {
        "type": "object",
        "required": [
          "version",
          "entries"
        ],
        "properties": {
          "version": {
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "Catalog version, YYYY-MM; bumped on incompatible changes to the catalog shape."
          },
          "entries": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CatalogEntry"
            }
          }
        }
      },
      "CatalogEntry": {
        "type": "object",
        "required": [
          "name",
          "kind",
          "labels",
          "description",
          "example_promql"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "Metric family name as exposed at /metrics."
          },
          "kind": {
            "type": "string",
            "enum": [
              "histogram",
              "counter",
              "gauge"
            ]
          },
          "labels": {
            "type": "array",
            "description": "Label names, in catalog order.",
            "items": {
              "type": "string"
            }
          },
          "description": {
            "type": "string"
          },
          "example_promql": {
            "type": "string"
          },
          "alert": {
            "type": "object",
            "required": [
              "name",
              "condition"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "condition": {
                "type": "string",
                "description": "PromQL; the alert fires while it returns series."
              },
              "for": {
                "type": "string"
              },
              "severity": {
                "type": "string",
                "enum": [
                  "info",
                  "warning",
                  "critical"
                ]
              },
              "summary": {
                "type": "string"
              }
            }
          },
          "unit": {
            "type": "string",
            "description": "Additive. Base unit (`seconds`, `bytes`, `requests`, ...)."
          },
          "family": {
            "type": "string",
            "description": "Additive. The prefix group a dashboard shows it under."
          },
          "stability": {
            "type": "string",
            "enum": [
              "stable",
              "experimental",
              "deprecated"
            ],
            "description": "Additive."
          },
          "label_details": {
            "type": "array",
            "description": "Additive. Each label with its description and its cardinality bound.",
            "items": {
              "$ref": "#/components/schemas/LabelDetail"
            }
          },
          "buckets": {
            "type": "array",
            "description": "Additive. Histogram bucket upper bounds.",
            "items": {
              "type": "number"
            }
          },
          "replaced_by": {
            "type": "string",
            "description": "Additive. For deprecated entries, the metric that replaces it."
          }
        }
      },
      "LabelDetail": {
        "type": "object",
        "required": [
          "name",
          "description"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "values": {
            "type": "array",
            "description": "The closed set of allowed values.",
            "items": {
              "type": "string"
            }
          },
          "max_values": {
            "type": "integer",
            "minimum": 1,
            "description": "Maximum number of distinct values, when the set is open."
          }
        }
      },
      "InstantQueryParams": {
        "type": "object",
        "properties": {
          "query": {
            "type": "string"
          },
          "time": {
            "type": "string"
          },
          "timeout": {
            "type": "string"
          },
          "limit": {
            "type": "string"
          },
          "lookback_delta": {
            "type": "string"
          },
          "stats": {
            "type": "string"
          },
          "step": {
            "type": "string"
          },
          "nocache": {
            "type": "string"
          },
          "round_digits": {
            "type": "string"
          },
          "latency_offset": {
            "type": "string"
          },
          "max_lookback": {
            "type": "string"
          }
        }
      },
      "RangeQueryParams": {
        "type": "object",
        "properties": {
          "query": {
            "type": "string"
          },
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "step": {
            "type": "string"
          },
          "timeout": {
            "type": "string"
          },
          "limit": {
            "type": "string"
          },
          "lookback_delta": {
            "type": "string"
          },
          "stats": {
            "type": "string"
          },
          "nocache": {
            "type": "string"
          },
          "round_digits": {
            "type": "string"
          },
          "latency_offset": {
            "type": "string"
          },
          "max_lookback": {
            "type": "string"
          }
        }
      },
      "PromSuccess": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "$ref": "#/components/schemas/QueryData"
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "infos": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "LookupParams": {
        "type": "object",
        "properties": {
          "match[]": {
            "description": "Series selectors; a single one may be given as a string.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            ]
          },
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "limit": {
            "type": "string"
          }
        }
      },
      "PromLabels": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "PromSeries": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Labels"
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "PromExemplars": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "type": "array",
            "description": "Per series, its labels and exemplars (VictoriaMetrics 1.79 sends no data).",
            "items": {
              "type": "object",
              "properties": {
                "seriesLabels": {
                  "$ref": "#/components/schemas/Labels"
                },
                "exemplars": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "labels": {
                        "$ref": "#/components/schemas/Labels"
                      },
                      "value": {
                        "type": "string"
                      },
                      "timestamp": {
                        "type": "number"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "PromMetadata": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "type": "object",
            "additionalProperties": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/MetricMetadata"
              }
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "MetricMetadata": {
        "type": "object",
        "required": [
          "type",
          "help",
          "unit"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "counter, gauge, histogram, summary, ... (the catalog's kind for its own names)."
          },
          "help": {
            "type": "string"
          },
          "unit": {
            "type": "string"
          }
        }
      },
      "PromBuildInfo": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "const": "success"
          },
          "data": {
            "type": "object",
            "required": [
              "version",
              "revision",
              "branch",
              "buildUser",
              "buildDate",
              "goVersion"
            ],
            "properties": {
              "version": {
                "type": "string",
                "description": "`2.24.0`: see the route's description."
              },
              "revision": {
                "type": "string"
              },
              "branch": {
                "type": "string"
              },
              "buildUser": {
                "type": "string"
              },
              "buildDate": {
                "type": "string"
              },
              "goVersion": {
                "type": "string"
              }
            }
          }
        }
      },
      "PromRules": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "success"
            ]
          },
          "data": {
            "type": "object",
            "required": [
              "groups"
            ],
            "properties": {
              "groups": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "rules"
                  ],
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "rules": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "name",
                          "query",
                          "type"
                        ],
                        "properties": {
                          "name": {
                            "type": "string"
                          },
                          "query": {
                            "type": "string"
                          },
                          "type": {
                            "type": "string"
                          },
                          "state": {
                            "type": "string"
                          },
                          "alerts": {
                            "type": "array",
                            "items": {
                              "$ref": "#/components/schemas/PromAlert"
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "PromAlerts": {
        "type": "object",
        "required": [
          "status",
          "data"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "success"
            ]
          },
          "data": {
            "type": "object",
            "required": [
              "alerts"
            ],
            "properties": {
              "alerts": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/PromAlert"
                }
              }
            }
          }
        }
      },
      "PromAlert": {
        "type": "object",
        "required": [
          "labels",
          "state"
        ],
        "properties": {
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "annotations": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "state": {
            "type": "string",
            "enum": [
              "pending",
              "firing"
            ]
          },
          "activeAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the condition started to hold."
          },
          "value": {
            "type": "string"
          }
        }
      },
      "PromError": {
        "type": "object",
        "required": [
          "status",
          "errorType",
          "error"
        ],
        "properties": {
          "status": {
            "const": "error"
          },
          "errorType": {
            "type": "string",
            "description": "Prometheus's error types (bad_data, execution, timeout, canceled, internal, not_found,\nunavailable, unauthorized), or the backend's status code as a string when the backend\nmade the error (VictoriaMetrics answers `\"422\"`).\n"
          },
          "error": {
            "type": "string"
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "QueryData": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/VectorData"
          },
          {
            "$ref": "#/components/schemas/MatrixData"
          },
          {
            "$ref": "#/components/schemas/ScalarData"
          },
          {
            "$ref": "#/components/schemas/StringData"
          }
        ],
        "discriminator": {
          "propertyName": "resultType",
          "mapping": {
            "vector": "#/components/schemas/VectorData",
            "matrix": "#/components/schemas/MatrixData",
            "scalar": "#/components/schemas/ScalarData",
            "string": "#/components/schemas/StringData"
          }
        }
      },
      "VectorData": {
        "type": "object",
        "required": [
          "resultType",
          "result"
        ],
        "properties": {
          "resultType": {
            "const": "vector"
          },
          "result": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "metric",
                "value"
              ],
              "properties": {
                "metric": {
                  "$ref": "#/components/schemas/Labels"
                },
                "value": {
                  "$ref": "#/components/schemas/Sample"
                }
              }
            }
          }
        }
      },
      "MatrixData": {
        "type": "object",
        "required": [
          "resultType",
          "result"
        ],
        "properties": {
          "resultType": {
            "const": "matrix"
          },
          "result": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "metric",
                "values"
              ],
              "properties": {
                "metric": {
                  "$ref": "#/components/schemas/Labels"
                },
                "values": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Sample"
                  }
                }
              }
            }
          }
        }
      },
      "ScalarData": {
        "type": "object",
        "required": [
          "resultType",
          "result"
        ],
        "properties": {
          "resultType": {
            "const": "scalar"
          },
          "result": {
            "$ref": "#/components/schemas/Sample"
          }
        }
      },
      "StringData": {
        "type": "object",
        "required": [
          "resultType",
          "result"
        ],
        "properties": {
          "resultType": {
            "const": "string"
          },
          "result": {
            "type": "array",
            "description": "[unix seconds, string value]",
            "prefixItems": [
              {
                "type": "number"
              },
              {
                "type": "string"
              }
            ],
            "minItems": 2,
            "maxItems": 2
          }
        }
      },
      "Labels": {
        "type": "object",
        "additionalProperties": {
          "type": "string"
        }
      },
      "Sample": {
        "type": "array",
        "description": "[unix seconds, value as a string]",
        "prefixItems": [
          {
            "type": "number"
          },
          {
            "type": "string"
          }
        ],
        "minItems": 2,
        "maxItems": 2
      }
    }
  }
};
