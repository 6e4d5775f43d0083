/**
 * The page's only way to the gateway: same-origin fetches, the token from sessionStorage in a
 * Bearer header (never in a URL, never in localStorage).
 */
import type { components } from '../../../src/generated/api-types.ts';

export type Catalog = components['schemas']['Catalog'];
export type CatalogEntry = components['schemas']['CatalogEntry'];
export type Health = components['schemas']['Health'];
export type LabelDetail = components['schemas']['LabelDetail'];

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

async function getJson<T>(path: string): Promise<T> {
  const bearer = token.get();
  const res = await fetch(path, { cache: 'no-store', headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, text));
  return JSON.parse(text) as T;
}

/** GET /health: 200 and 503 are both answers; anything else, or no answer, throws. */
export async function readHealth(): Promise<Health> {
  const res = await fetch('/health', { cache: 'no-store' });
  if (res.status !== 200 && res.status !== 503) throw new ApiError(res.status, `HTTP ${res.status}`);
  return (await res.json()) as Health;
}

/** GET /v2/metrics/catalog. */
export function readCatalog(): Promise<Catalog> {
  return getJson<Catalog>('/v2/metrics/catalog');
}

/** One series of a Prometheus result. */
export interface PromSeries {
  metric: Record<string, string>;
  values?: [number, string][];
  value?: [number, string];
}

interface PromAnswer {
  status: 'success' | 'error';
  data: { resultType: string; result: PromSeries[] };
}

/** An instant query through the passthrough: the result's series (a vector). */
export async function queryInstant(query: string): Promise<PromSeries[]> {
  const answer = await getJson<PromAnswer>(`/v2/metrics/api/v1/query?${new URLSearchParams({ query })}`);
  return answer.data.result;
}

/** A range query through the passthrough: the result's series (a matrix). */
export async function queryRange(query: string, start: number, end: number, step: number): Promise<PromSeries[]> {
  const params = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  const answer = await getJson<PromAnswer>(`/v2/metrics/api/v1/query_range?${params}`);
  return answer.data.result;
}
