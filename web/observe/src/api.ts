/**
 * The page's only way to the gateway: fetches relative to the page (so a reverse proxy may serve
 * the gateway under a path prefix), the token from sessionStorage in a Bearer header (never in a
 * URL, never in localStorage).
 */
import type { components } from '../../../src/generated/api-types.ts';

type Schemas = components['schemas'];
export type Catalog = Schemas['Catalog'];
export type CatalogEntry = Schemas['CatalogEntry'];
export type Health = Schemas['Health'];
export type LabelDetail = Schemas['LabelDetail'];
/** A query answer through the passthrough (openapi.yaml's PromSuccess). */
export type QueryAnswer = Schemas['PromSuccess'];
/** One series of an instant query's vector. */
export type InstantSeries = Schemas['VectorData']['result'][number];
/** One series of a range query's matrix. */
export type RangeSeries = Schemas['MatrixData']['result'][number];

/** One alert firing or pending, as GET /v2/metrics/api/v1/alerts lists it (openapi.yaml's PromAlert). */
export type ActiveAlert = Schemas['PromAlert'];
/** The answer of GET /v2/metrics/api/v1/alerts (openapi.yaml's PromAlerts). */
type AlertsAnswer = Schemas['PromAlerts'];

const TOKEN_KEY = 'layer-observe-token';

/** The pasted token, kept for this tab only. */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string): void => sessionStorage.setItem(TOKEN_KEY, value),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

/** A non-2xx answer: its status and the gateway's (or backend's) message, verbatim. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The message of an error body: the gateway's `message`, the Prometheus `error`, or the text. */
function errorMessage(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string; error?: string; errorType?: string };
    if (body.message) return body.message;
    if (body.error) return body.errorType ? `${body.errorType}: ${body.error}` : body.error;
  } catch {
    // not JSON: the text itself
  }
  return text.trim() || `HTTP ${status}`;
}

/**
 * The page is /observe (or /<prefix>/observe), so a path without a leading slash resolves beside
 * it: `health` is the gateway's /health under whatever prefix the page was served from.
 */
async function getJson<T>(relativePath: string): Promise<T> {
  const bearer = token.get();
  const res = await fetch(relativePath, { cache: 'no-store', headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, text));
  return JSON.parse(text) as T;
}

/** GET /health: 200 and 503 are both answers; anything else, or no answer, throws. */
export async function readHealth(): Promise<Health> {
  const res = await fetch('health', { cache: 'no-store' });
  if (res.status !== 200 && res.status !== 503) throw new ApiError(res.status, `HTTP ${res.status}`);
  return (await res.json()) as Health;
}

/** GET /v2/metrics/catalog. */
export function readCatalog(): Promise<Catalog> {
  return getJson<Catalog>('v2/metrics/catalog');
}

/** GET /v2/metrics/api/v1/alerts: the alerts firing or pending now. */
export async function readAlerts(): Promise<ActiveAlert[]> {
  return (await getJson<AlertsAnswer>('v2/metrics/api/v1/alerts')).data.alerts;
}

/** An instant query through the passthrough, its answer whole (a vector, scalar or string). */
export function queryInstantAnswer(query: string): Promise<QueryAnswer> {
  return getJson<QueryAnswer>(`v2/metrics/api/v1/query?${new URLSearchParams({ query })}`);
}

/** A range query through the passthrough: the result's series (a matrix). */
export async function queryRange(query: string, start: number, end: number, step: number): Promise<RangeSeries[]> {
  const params = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  const answer = await getJson<QueryAnswer>(`v2/metrics/api/v1/query_range?${params}`);
  if (answer.data.resultType !== 'matrix') throw new ApiError(200, `a range query answered a ${answer.data.resultType}, not a matrix`);
  return answer.data.result;
}
