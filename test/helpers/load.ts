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

/** One response as the load generator timed it. */
export interface ResponseTiming {
  /** Which of the connections (0-based, in the order they first answered). */
  connection: number;
  /** 1 for the connection's first request (its latency includes the TCP connect), 2 for the next... */
  nth: number;
  path: string;
  /** The latency autocannon records. */
  ms: number;
  /** When the response arrived, in ms since the load started. */
  at: number;
}

interface AutocannonClient {
  reqsMade: number;
  requestIterator: { currentRequest: { path: string } };
}

interface Instance extends PromiseLike<LoadResult> {
  stop(): void;
  on(event: 'response', listener: (client: AutocannonClient, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * Runs `requests` in a cycle on `connections` connections for `seconds`, or until `maxRequests`;
 * `onTiming` sees every response's latency with where it came from. (default: none)
 */
export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  maxRequests: number;
  requests: LoadRequest[];
  onTiming?: (timing: ResponseTiming) => void;
}): Promise<LoadResult> {
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
  const { onTiming } = options;
  if (onTiming) {
    const started = performance.now();
    const ids = new Map<AutocannonClient, number>();
    instance.on('response', (client, _status, _bytes, ms) => {
      let connection = ids.get(client);
      if (connection === undefined) ids.set(client, (connection = ids.size));
      onTiming({ connection, nth: client.reqsMade, path: client.requestIterator.currentRequest.path, ms, at: performance.now() - started });
    });
  }
  const watchdog = setTimeout(() => instance.stop(), (options.seconds + 15) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(watchdog);
  }
}
