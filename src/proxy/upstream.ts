/**
 * The client of the metrics backend (vmsingle, or a vmselect behind LAYER_VM_URL). It requests only
 * `<base>/api/v1/query` and `<base>/api/v1/query_range`, with the client's raw query string and body,
 * and hands back the response as a stream. Failures become coded errors that never name the
 * backend's address.
 *
 * Built on node:http rather than got: under load got's per-request option handling was about a
 * quarter of the gateway's CPU (profile in the issue 6 closing note), and none of its features
 * (retries, redirects, decompression, hooks) may be used by a byte-for-byte passthrough anyway.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../errors.ts';
import type { Endpoint } from './params.ts';

/** Why a backend request failed without a complete response (the `reason` label of layer_upstream_errors_total). */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'reset' | 'aborted';

/** A backend response whose body is still streaming. */
export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

/** One request to the backend. */
export interface UpstreamRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  /** The client's query string exactly as received, without `?`. */
  rawQuery: string;
  /** The client's form body exactly as received (POST only). */
  body?: Buffer;
  /** Headers to send: already filtered by the caller. */
  headers: Record<string, string>;
}

/** A request in flight: its response, and a way to abort it (the client went away). */
export interface UpstreamCall {
  readonly response: Promise<UpstreamResponse>;
  abort(): void;
  /** Whether the backend went quiet for LAYER_VM_TIMEOUT_MS (before or during the body). */
  readonly timedOut: boolean;
}

/** Settings of the backend client. */
export interface UpstreamOptions {
  /**
   * Base URL, possibly with a path prefix (`http://vmselect:8481/select/0/prometheus`); a function
   * when it can change (a restarted bundled vmsingle listens on a new port). Throws while none is up.
   */
  baseUrl: string | (() => string);
  /** LAYER_VM_TIMEOUT_MS: how long the backend may stay silent, waiting for headers or mid-body. */
  timeoutMs: number;
}

/** Failure of a backend request, with the reason to count and the gateway error to answer. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly code = 'ERR_UPSTREAM';
  constructor(
    readonly reason: UpstreamFailure,
    readonly response: UpstreamUnavailableError | UpstreamTimeoutError | null,
    options: { cause?: unknown } = {},
  ) {
    super(`upstream request failed: ${reason}`, options);
  }
}

/** Sends requests to the backend. */
export interface Upstream {
  send(request: UpstreamRequest): UpstreamCall;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

// Errors of a socket the server closed just as a keep-alive reuse sent on it: the request never
// reached the backend, so sending it once more, on a new connection, is safe (RFC 9112 section 9.3.1).
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE']);

/** Creates the backend client; one keep-alive agent per scheme serves every request. */
export function createUpstream(options: UpstreamOptions): Upstream {
  const baseUrl = typeof options.baseUrl === 'string' ? () => options.baseUrl as string : options.baseUrl;
  // Idle pooled connections close after 4 s (the agent's timeout applies to free sockets; a request
  // in flight has its own, LAYER_VM_TIMEOUT_MS), so a burst does not leave hundreds of descriptors
  // open to the backend until it closes them itself (vmsingle waits a minute).
  const pool = { keepAlive: true, timeout: 4000, maxFreeSockets: 64 };
  const agents = { http: new http.Agent(pool), https: new https.Agent(pool) };
  let cachedBase = '';
  let parsed: URL | undefined;

  return {
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
    send(request) {
      let aborted = false;
      let timedOut = false;
      let current: http.ClientRequest | undefined;
      const response = new Promise<UpstreamResponse>((resolve, reject) => {
        try {
          const base = baseUrl();
          if (base !== cachedBase) {
            parsed = new URL(base);
            cachedBase = base;
          }
        } catch (cause) {
          reject(new UpstreamError('unreachable', new UpstreamUnavailableError(), { cause }));
          return;
        }
        const base = parsed!;
        const secure = base.protocol === 'https:';
        // The path is fixed by the endpoint, never built from the client's path; the query string
        // goes out as the client's raw bytes.
        const prefix = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
        const path = `${prefix}/api/v1/${request.endpoint}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
        const headers: Record<string, string> = { ...request.headers, 'user-agent': 'layer-metrics-gateway' };
        if (request.body) headers['content-length'] = String(request.body.length);

        const attempt = (isRetry: boolean) => {
          let answered = false;
          const req = (secure ? https : http).request({
            protocol: base.protocol,
            hostname: base.hostname,
            port: base.port || (secure ? 443 : 80),
            method: request.method,
            path,
            headers,
            // The retry takes a fresh connection: the next pooled one may be just as stale.
            agent: isRetry ? false : secure ? agents.https : agents.http,
          });
          current = req;
          req.setTimeout(options.timeoutMs, () => {
            timedOut = true;
            req.destroy();
          });
          req.once('response', (res: http.IncomingMessage) => {
            answered = true;
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res });
          });
          req.on('error', (error: NodeJS.ErrnoException) => {
            if (answered) return; // surfaces on the response body instead
            if (aborted) return reject(new UpstreamError('aborted', null, { cause: error }));
            if (timedOut) return reject(new UpstreamError('timeout', new UpstreamTimeoutError(options.timeoutMs), { cause: error }));
            if (!isRetry && req.reusedSocket && STALE_SOCKET.has(error.code ?? '')) return attempt(true);
            reject(new UpstreamError('unreachable', new UpstreamUnavailableError(), { cause: error }));
          });
          req.end(request.body);
        };
        attempt(false);
      });
      return {
        response,
        get timedOut() {
          return timedOut;
        },
        abort() {
          if (aborted) return;
          aborted = true;
          current?.destroy();
        },
      };
    },
  };
}
