/**
 * Load with autocannon, bounded in time and in count, typed for what the tests use (autocannon
 * ships no types). A watchdog stops it even if its own duration handling fails.
 */
import { createRequire } from 'node:module';

/** One request of the cycle each connection repeats. */
export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sees every response of this request. */
  onResponse?: (status: number, body: string) => void;
}

/** What autocannon reports (the fields the tests print). */
export interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number; average: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
  duration: number;
}

interface Instance extends PromiseLike<LoadResult> {
  stop(): void;
}
type Autocannon = (options: Record<string, unknown>) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Runs `requests` in a cycle on `connections` connections for `seconds`, or until `maxRequests`. */
export async function runLoad(options: { url: string; connections: number; seconds: number; maxRequests: number; requests: LoadRequest[] }): Promise<LoadResult> {
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: options.maxRequests,
    timeout: 20,
    requests: options.requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.onResponse ? { onResponse: (status: number, body: string) => r.onResponse!(status, body) } : {}),
    })),
  });
  const watchdog = setTimeout(() => instance.stop(), (options.seconds + 15) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(watchdog);
  }
}
