/**
 * createMetricsClient: one typed method per gateway route, built on openapi-fetch and the types
 * generated from openapi.yaml. Every method resolves with the contract's body or rejects with a
 * MetricsClientError.
 */
import createClient from 'openapi-fetch';
import { argumentError, errorFromResponse } from './errors.js';
import type { paths } from './generated/api.js';
import { isCatalog, isCatalogEntry, isHealth, isQueryResult } from './guards.js';
import { encodeForm, formatDuration, formatLimit, formatTime, type Converted, type DurationInput, type TimeInput } from './params.js';
import { receive, type FetchResult } from './response.js';
import type { Catalog, CatalogEntry, HealthResult, QueryResult } from './types.js';

/** How to reach the gateway. */
export interface MetricsClientOptions {
  /** The gateway's base URL, for example `http://127.0.0.1:8080`; a path prefix is kept, a query or fragment is refused. */
  baseUrl: string;
  /** An API token, sent as `Authorization: Bearer <token>` on every request and never in a URL. */
  token: string;
  /** The fetch to send requests with (default: `globalThis.fetch`, looked up at each request). */
  fetch?: (request: Request) => Promise<Response>;
}

/** Options of an instant query. */
export interface QueryOptions {
  /** Evaluation time (default: the backend's now). */
  time?: TimeInput;
  /** Evaluation timeout, capped by the backend's own limit (default: the backend's). */
  timeout?: DurationInput;
  /** Maximum number of returned series; 0 means no limit (default: no limit). */
  limit?: number;
}

/** Options of a range query. */
export interface RangeQueryOptions {
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

/** A client of one gateway; every method rejects with a MetricsClientError on failure. */
export interface MetricsClient {
  /** Runs an instant PromQL query (POST /v2/metrics/api/v1/query, form body). */
  query(expr: string, options?: QueryOptions): Promise<QueryResult>;
  /** Runs a range PromQL query (POST /v2/metrics/api/v1/query_range, form body). */
  queryRange(expr: string, options: RangeQueryOptions): Promise<QueryResult>;
  /** Fetches the whole metric catalog (GET /v2/metrics/catalog). */
  catalog(): Promise<Catalog>;
  /** Fetches one catalog entry by metric family name (GET /v2/metrics/catalog/{name}). */
  catalogEntry(name: string): Promise<CatalogEntry>;
  /** Fetches the health snapshot (GET /health); a degraded gateway (503) resolves with `ok: false`. */
  health(): Promise<HealthResult>;
  /** Fetches the gateway's own metrics in the Prometheus text format (GET /metrics). */
  metrics(): Promise<string>;
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

/** The QueryResult a pending query request answered, or the MetricsClientError it amounts to. */
async function queryResult(operation: string, pending: Promise<FetchResult>): Promise<QueryResult> {
  const { response, body } = await receive(operation, pending);
  if (response.ok && isQueryResult(body)) return body;
  throw errorFromResponse(operation, response, body);
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

  async function query(expr: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const operation = 'query';
    const fields = convertAll(operation, {
      time: opts.time === undefined ? undefined : formatTime('time', opts.time),
      timeout: opts.timeout === undefined ? undefined : formatDuration('timeout', opts.timeout),
      limit: opts.limit === undefined ? undefined : formatLimit('limit', opts.limit),
    });
    return queryResult(
      operation,
      api.POST('/v2/metrics/api/v1/query', { body: { query: expr, ...fields }, bodySerializer: encodeForm, headers: FORM, parseAs: 'text' }),
    );
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
    return queryResult(
      operation,
      api.POST('/v2/metrics/api/v1/query_range', { body: { query: expr, ...fields }, bodySerializer: encodeForm, headers: FORM, parseAs: 'text' }),
    );
  }

  async function catalog(): Promise<Catalog> {
    const operation = 'catalog';
    const { response, body } = await receive(operation, api.GET('/v2/metrics/catalog', { headers: JSON_ONLY, parseAs: 'text' }));
    if (response.ok && isCatalog(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function catalogEntry(name: string): Promise<CatalogEntry> {
    const operation = 'catalogEntry';
    // URL parsing resolves `.` and `..` as path segments even when percent-encoded (WHATWG URL
    // "double-dot segment"), so such a name would reach another route; an empty one, the catalog.
    if (typeof name !== 'string' || name === '' || name === '.' || name === '..') {
      throw argumentError(operation, `name ${JSON.stringify(name)} is not a metric family name`);
    }
    const { response, body } = await receive(
      operation,
      api.GET('/v2/metrics/catalog/{name}', { params: { path: { name } }, headers: JSON_ONLY, parseAs: 'text' }),
    );
    if (response.ok && isCatalogEntry(body)) return body;
    throw errorFromResponse(operation, response, body);
  }

  async function health(): Promise<HealthResult> {
    const operation = 'health';
    const { response, body } = await receive(operation, api.GET('/health', { headers: JSON_ONLY, parseAs: 'text' }));
    // 503 carries the same Health body: a degraded gateway is an answer, not a failure.
    if ((response.status === 200 || response.status === 503) && isHealth(body)) return { ...body, ok: response.status === 200 };
    throw errorFromResponse(operation, response, body);
  }

  async function metrics(): Promise<string> {
    const operation = 'metrics';
    const { response, body, text } = await receive(operation, api.GET('/metrics', { headers: { Accept: 'text/plain' }, parseAs: 'text' }));
    // An empty exposition is still a valid one.
    if (response.ok) return text ?? '';
    throw errorFromResponse(operation, response, body);
  }

  return { query, queryRange, catalog, catalogEntry, health, metrics };
}
