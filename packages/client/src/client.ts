/**
 * createMetricsClient: one typed method per gateway route, built on openapi-fetch and the types
 * generated from openapi.yaml. Every method resolves with the contract's body or rejects with a
 * MetricsClientError, and takes a per-call `signal` and `timeoutMs`.
 */
import createClient from 'openapi-fetch';
import { argumentError, errorFromResponse } from './errors.js';
import type { paths } from './generated/api.js';
import { isAlertsResult, isCatalog, isCatalogEntry, isHealth, isLabelsResult, isMetadataResult, isQueryResult, isReadyz, isRulesResult, isSeriesResult } from './guards.js';
import { checkSelectors, checkTimeoutMs, encodeForm, formatDuration, formatLimit, formatTime, type Converted, type DurationInput, type TimeInput } from './params.js';
import { callSignal, receive, type CallStop, type FetchResult } from './response.js';
import type { AlertsResult, Catalog, CatalogEntry, HealthResult, LabelsResult, MetadataResult, QueryResult, ReadyzResult, RulesResult, SeriesResult } from './types.js';

/** How to reach the gateway. */
export interface MetricsClientOptions {
  /** The gateway's base URL, for example `http://127.0.0.1:8080`; a path prefix is kept, a query or fragment is refused. */
  baseUrl: string;
  /** An API token, sent as `Authorization: Bearer <token>` on every request and never in a URL. */
  token: string;
  /** The fetch to send requests with (default: `globalThis.fetch`, looked up at each request). */
  fetch?: (request: Request) => Promise<Response>;
}

/** Options every method takes. */
export interface CallOptions {
  /** Aborts the call: it then rejects with errorType `canceled` (default: none). */
  signal?: AbortSignal;
  /** Milliseconds the whole call (the answer and its body) may take; then it rejects with errorType `timeout` and status 0 (default: no limit). */
  timeoutMs?: number;
}

/** Options of an instant query. */
export interface QueryOptions extends CallOptions {
  /** Evaluation time (default: the backend's now). */
  time?: TimeInput;
  /** Evaluation timeout, capped by the backend's own limit (default: the backend's). */
  timeout?: DurationInput;
  /** Maximum number of returned series; 0 means no limit (default: no limit). */
  limit?: number;
}

/** Options of a range query. */
export interface RangeQueryOptions extends CallOptions {
  /** First evaluation time, inclusive. */
  start: TimeInput;
  /** Last evaluation time, inclusive. */
  end: TimeInput;
  /** Resolution: seconds, or a duration such as `15s`. */
  step: DurationInput;
  /** Evaluation timeout, capped by the backend's own limit (default: the backend's). */
  timeout?: DurationInput;
  /** Maximum number of returned series; 0 means no limit (default: no limit). */
  limit?: number;
}

/** Options of the label names and label values lookups. */
export interface LabelsOptions extends CallOptions {
  /** Series selectors; only the labels of series matching one of them count (default: every series). */
  match?: readonly string[];
  /** Start of the time range (default: the backend's). */
  start?: TimeInput;
  /** End of the time range (default: the backend's). */
  end?: TimeInput;
  /** Maximum number of returned entries; 0 means no limit (default: no limit). */
  limit?: number;
}

/** Options of the series lookup. */
export type SeriesOptions = Omit<LabelsOptions, 'match'>;

/** Options of the metadata lookup. */
export interface MetadataOptions extends CallOptions {
  /** Only this metric name (default: every metric). */
  metric?: string;
  /** Maximum number of metrics; 0 returns none, as in Prometheus (default: no limit). */
  limit?: number;
  /** Maximum number of entries per metric (default: no limit). */
  limitPerMetric?: number;
}

/** Options of the rules lookup. */
export interface RulesOptions extends CallOptions {
  /** Only rules of this type (default: every rule). */
  type?: 'alert' | 'record';
}

/** A client of one gateway; every method rejects with a MetricsClientError on failure. */
export interface MetricsClient {
  /** Runs an instant PromQL query (POST /v2/metrics/api/v1/query, form body). */
  query(expr: string, options?: QueryOptions): Promise<QueryResult>;
  /** Runs a range PromQL query (POST /v2/metrics/api/v1/query_range, form body). */
  queryRange(expr: string, options: RangeQueryOptions): Promise<QueryResult>;
  /** Lists label names (POST /v2/metrics/api/v1/labels, form body). */
  labels(options?: LabelsOptions): Promise<LabelsResult>;
  /** Lists the values of one label, `__name__` for metric names (GET /v2/metrics/api/v1/label/{name}/values). */
  labelValues(name: string, options?: LabelsOptions): Promise<LabelsResult>;
  /** Lists the label sets of the series matching at least one selector (POST /v2/metrics/api/v1/series, form body). */
  series(match: readonly string[], options?: SeriesOptions): Promise<SeriesResult>;
  /** Fetches type, help and unit by metric name: the catalog's, and the backend's for other names (GET /v2/metrics/api/v1/metadata). */
  metadata(options?: MetadataOptions): Promise<MetadataResult>;
  /** Fetches the whole metric catalog (GET /v2/metrics/catalog). */
  catalog(options?: CallOptions): Promise<Catalog>;
  /** Fetches one catalog entry by metric family name (GET /v2/metrics/catalog/{name}). */
  catalogEntry(name: string, options?: CallOptions): Promise<CatalogEntry>;
  /** Fetches the health snapshot (GET /health); a degraded gateway (503) resolves with `ok: false`. */
  health(options?: CallOptions): Promise<HealthResult>;
  /** Fetches the readiness answer (GET /readyz); a gateway that is not ready (503) resolves with `ok: false`. */
  readyz(options?: CallOptions): Promise<ReadyzResult>;
  /** Lists the alerting rules and their state, as the rule engine evaluates them (GET /v2/metrics/api/v1/rules). */
  rules(options?: RulesOptions): Promise<RulesResult>;
  /** Lists every pending and firing alert (GET /v2/metrics/api/v1/alerts). */
  alerts(options?: CallOptions): Promise<AlertsResult>;
  /** Fetches the gateway's own metrics in the Prometheus text format (GET /metrics). */
  metrics(options?: CallOptions): Promise<string>;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } as const;
const JSON_ONLY = { Accept: 'application/json' } as const;

function checkOptions(options: MetricsClientOptions): { baseUrl: string; token: string } {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`createMetricsClient: baseUrl ${JSON.stringify(options.baseUrl)} is not an absolute URL; pass one like http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`createMetricsClient: baseUrl must be http or https, not ${url.protocol}`);
  // Route paths are appended to baseUrl as text, so a query or fragment would swallow them.
  if (url.search !== '' || url.hash !== '') throw new TypeError('createMetricsClient: baseUrl must not have a query or fragment; pass the token as `token`');
  if (url.username !== '' || url.password !== '') throw new TypeError('createMetricsClient: baseUrl must not carry credentials; pass the token as `token`');
  // A control character would make Headers throw at the first request, far from the mistake.
  // eslint-disable-next-line no-control-regex
  if (typeof options.token !== 'string' || options.token === '' || /[\u0000-\u001f\u007f]/.test(options.token)) {
    throw new TypeError('createMetricsClient: token must be a non-empty string without control characters');
  }
  return { baseUrl: options.baseUrl, token: options.token };
}

/** The first refused conversion, as a MetricsClientError, or the converted strings. */
function convertAll(operation: string, fields: Record<string, Converted | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, converted] of Object.entries(fields)) {
    if (converted === undefined) continue;
    if (!converted.ok) throw argumentError(operation, converted.problem);
    out[name] = converted.value;
  }
  return out;
}

// A Prometheus label name (and `__name__`): the only thing placed in a path segment of label values.
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** How the call with these options may be stopped; throws the argument error of an invalid timeoutMs. */
function stopOf(operation: string, options: CallOptions): CallStop {
  const { signal, timeoutMs } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw argumentError(operation, 'signal must be an AbortSignal');
  if (timeoutMs === undefined) return { signal };
  const problem = checkTimeoutMs(timeoutMs);
  if (problem) throw argumentError(operation, problem);
  return { signal, deadline: AbortSignal.timeout(timeoutMs), timeoutMs };
}

/** Builds a client of the gateway at `baseUrl`; throws a TypeError for an unusable baseUrl or token. */
export function createMetricsClient(options: MetricsClientOptions): MetricsClient {
  const { baseUrl, token } = checkOptions(options);
  const injected = options.fetch;
  const api = createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${token}` },
    // Looked up per request so that a fetch installed after the client was built (a test double,
    // an instrumented fetch) is the one used.
    fetch: (request) => (injected ?? globalThis.fetch)(request),
    // The contract has no redirects, and following one could carry the bearer token to another
    // host; a 3xx is reported as a bad_response instead.
    redirect: 'manual',
  });

  /** Sends one call with its signal, and reads its answer. */
  function send(operation: string, opts: CallOptions, call: (signal: AbortSignal | undefined) => Promise<FetchResult>) {
    const stop = stopOf(operation, opts);
    return receive(operation, call(callSignal(stop)), stop);
  }

  async function query(expr: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const operation = 'query';
    const fields = convertAll(operation, {
      time: opts.time === undefined ? undefined : formatTime('time', opts.time),
      timeout: opts.timeout === undefined ? undefined : formatDuration('timeout', opts.timeout),
      limit: opts.limit === undefined ? undefined : formatLimit('limit', opts.limit),
    });
    const { response, body } = await send(operation, opts, (signal) =>
      api.POST('/v2/metrics/api/v1/query', { body: { query: expr, ...fields }, bodySerializer: encodeForm, headers: FORM, parseAs: 'text', signal }),
    );
    if (response.ok && isQueryResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function queryRange(expr: string, opts: RangeQueryOptions): Promise<QueryResult> {
    const operation = 'queryRange';
    const fields = convertAll(operation, {
      start: formatTime('start', opts.start),
      end: formatTime('end', opts.end),
      step: formatDuration('step', opts.step),
      timeout: opts.timeout === undefined ? undefined : formatDuration('timeout', opts.timeout),
      limit: opts.limit === undefined ? undefined : formatLimit('limit', opts.limit),
    });
    const { response, body } = await send(operation, opts, (signal) =>
      api.POST('/v2/metrics/api/v1/query_range', { body: { query: expr, ...fields }, bodySerializer: encodeForm, headers: FORM, parseAs: 'text', signal }),
    );
    if (response.ok && isQueryResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  /** The lookup parameters of labels, labelValues and series, converted; throws the argument error. */
  function lookupFields(operation: string, opts: SeriesOptions, match: readonly string[] | undefined, matchRequired: boolean) {
    if (match !== undefined || matchRequired) {
      const problem = checkSelectors(match, matchRequired);
      if (problem) throw argumentError(operation, problem);
    }
    return {
      ...(match && match.length > 0 ? { 'match[]': [...match] } : {}),
      ...convertAll(operation, {
        start: opts.start === undefined ? undefined : formatTime('start', opts.start),
        end: opts.end === undefined ? undefined : formatTime('end', opts.end),
        limit: opts.limit === undefined ? undefined : formatLimit('limit', opts.limit),
      }),
    };
  }

  async function labels(opts: LabelsOptions = {}): Promise<LabelsResult> {
    const operation = 'labels';
    const fields = lookupFields(operation, opts, opts.match, false);
    const { response, body } = await send(operation, opts, (signal) =>
      api.POST('/v2/metrics/api/v1/labels', { body: fields, bodySerializer: encodeForm, headers: FORM, parseAs: 'text', signal }),
    );
    if (response.ok && isLabelsResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function labelValues(name: string, opts: LabelsOptions = {}): Promise<LabelsResult> {
    const operation = 'labelValues';
    // Checked here as the gateway checks it: anything else (`..`, `a/b`) would change the path.
    if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
      throw argumentError(operation, `name ${JSON.stringify(name)} is not a label name ([a-zA-Z_][a-zA-Z0-9_]*, such as __name__ or job)`);
    }
    const fields = lookupFields(operation, opts, opts.match, false);
    const { response, body } = await send(operation, opts, (signal) =>
      api.GET('/v2/metrics/api/v1/label/{name}/values', {
        params: { path: { name } },
        querySerializer: () => encodeForm(fields),
        headers: JSON_ONLY,
        parseAs: 'text',
        signal,
      }),
    );
    if (response.ok && isLabelsResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function series(match: readonly string[], opts: SeriesOptions = {}): Promise<SeriesResult> {
    const operation = 'series';
    const fields = lookupFields(operation, opts, match, true);
    const { response, body } = await send(operation, opts, (signal) =>
      api.POST('/v2/metrics/api/v1/series', { body: fields, bodySerializer: encodeForm, headers: FORM, parseAs: 'text', signal }),
    );
    if (response.ok && isSeriesResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function metadata(opts: MetadataOptions = {}): Promise<MetadataResult> {
    const operation = 'metadata';
    if (opts.metric !== undefined && (typeof opts.metric !== 'string' || opts.metric === '')) throw argumentError(operation, 'metric must be a non-empty metric name');
    for (const [name, value] of [['limit', opts.limit], ['limitPerMetric', opts.limitPerMetric]] as const) {
      if (value !== undefined && !Number.isSafeInteger(value)) throw argumentError(operation, `${name} is ${String(value)}; pass an integer`);
    }
    const fields = { metric: opts.metric, limit: opts.limit?.toString(), limit_per_metric: opts.limitPerMetric?.toString() };
    const { response, body } = await send(operation, opts, (signal) =>
      api.GET('/v2/metrics/api/v1/metadata', { querySerializer: () => encodeForm(fields), headers: JSON_ONLY, parseAs: 'text', signal }),
    );
    if (response.ok && isMetadataResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function catalog(opts: CallOptions = {}): Promise<Catalog> {
    const operation = 'catalog';
    const { response, body } = await send(operation, opts, (signal) => api.GET('/v2/metrics/catalog', { headers: JSON_ONLY, parseAs: 'text', signal }));
    if (response.ok && isCatalog(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function catalogEntry(name: string, opts: CallOptions = {}): Promise<CatalogEntry> {
    const operation = 'catalogEntry';
    // URL parsing resolves `.` and `..` as path segments even when percent-encoded (WHATWG URL
    // "double-dot segment"), so such a name would reach another route; an empty one, the catalog.
    if (typeof name !== 'string' || name === '' || name === '.' || name === '..') {
      throw argumentError(operation, `name ${JSON.stringify(name)} is not a metric family name`);
    }
    const { response, body } = await send(operation, opts, (signal) =>
      api.GET('/v2/metrics/catalog/{name}', { params: { path: { name } }, headers: JSON_ONLY, parseAs: 'text', signal }),
    );
    if (response.ok && isCatalogEntry(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function health(opts: CallOptions = {}): Promise<HealthResult> {
    const operation = 'health';
    const { response, body } = await send(operation, opts, (signal) => api.GET('/health', { headers: JSON_ONLY, parseAs: 'text', signal }));
    // 503 carries the same Health body: a degraded gateway is an answer, not a failure.
    if ((response.status === 200 || response.status === 503) && isHealth(body)) return { ...body, ok: response.status === 200 };
    throw errorFromResponse(operation, response, body);
  }

  async function readyz(opts: CallOptions = {}): Promise<ReadyzResult> {
    const operation = 'readyz';
    const { response, body } = await send(operation, opts, (signal) => api.GET('/readyz', { headers: JSON_ONLY, parseAs: 'text', signal }));
    // 503 carries the same Readyz body with its reasons: not ready is an answer, not a failure.
    if ((response.status === 200 || response.status === 503) && isReadyz(body)) return { ...body, ok: response.status === 200 };
    throw errorFromResponse(operation, response, body);
  }

  async function rules(opts: RulesOptions = {}): Promise<RulesResult> {
    const operation = 'rules';
    if (opts.type !== undefined && opts.type !== 'alert' && opts.type !== 'record') {
      throw argumentError(operation, `type ${JSON.stringify(opts.type)} is not a rule type; pass 'alert' or 'record'`);
    }
    const fields = { type: opts.type };
    const { response, body } = await send(operation, opts, (signal) =>
      api.GET('/v2/metrics/api/v1/rules', { querySerializer: () => encodeForm(fields), headers: JSON_ONLY, parseAs: 'text', signal }),
    );
    if (response.ok && isRulesResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function alerts(opts: CallOptions = {}): Promise<AlertsResult> {
    const operation = 'alerts';
    const { response, body } = await send(operation, opts, (signal) => api.GET('/v2/metrics/api/v1/alerts', { headers: JSON_ONLY, parseAs: 'text', signal }));
    if (response.ok && isAlertsResult(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function metrics(opts: CallOptions = {}): Promise<string> {
    const operation = 'metrics';
    const { response, body, text } = await send(operation, opts, (signal) => api.GET('/metrics', { headers: { Accept: 'text/plain' }, parseAs: 'text', signal }));
    // An empty exposition is still a valid one.
    if (response.ok) return text ?? '';
    throw errorFromResponse(operation, response, body);
  }

  return { query, queryRange, labels, labelValues, series, metadata, catalog, catalogEntry, health, readyz, rules, alerts, metrics };
}
