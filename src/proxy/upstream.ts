/**
 * The client of the metrics backend (vmsingle, or a vmselect behind LAYER_VM_URL). It requests only
 * `<base>/api/v1/query` and `<base>/api/v1/query_range`, with the client's raw query string and body,
 * and hands back the response as a stream. Failures become coded errors that never name the
 * backend's address.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import got, { type Got, type Request as GotRequest, RequestError } from 'got';
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
  /** Aborts the request (the client went away). */
  signal: AbortSignal;
}

/** Settings of the backend client. */
export interface UpstreamOptions {
  /**
   * Base URL, possibly with a path prefix (`http://vmselect:8481/select/0/prometheus`); a function
   * when it can change (a restarted bundled vmsingle listens on a new port). Throws while none is up.
   */
  baseUrl: string | (() => string);
  /** LAYER_VM_TIMEOUT_MS: how long to wait for response headers, and for each pause in the body. */
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
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

/** Maps a got failure to the reason and the client-facing error. */
export function classifyFailure(error: unknown, timeoutMs: number, aborted: boolean): UpstreamError {
  if (aborted) return new UpstreamError('aborted', null, { cause: error });
  if (error instanceof RequestError && error.name === 'TimeoutError') {
    return new UpstreamError('timeout', new UpstreamTimeoutError(timeoutMs), { cause: error });
  }
  if (error instanceof RequestError && error.name === 'ReadError') {
    return new UpstreamError('reset', new UpstreamUnavailableError(), { cause: error });
  }
  return new UpstreamError('unreachable', new UpstreamUnavailableError(), { cause: error });
}

/** Creates the backend client; one keep-alive agent serves every request. */
export function createUpstream(options: UpstreamOptions): Upstream {
  const baseUrl = typeof options.baseUrl === 'string' ? () => options.baseUrl as string : options.baseUrl;
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const client: Got = got.extend({
    agent: agents,
    retry: { limit: 0 }, // never replay a query: the client decides whether to retry
    throwHttpErrors: false,
    decompress: false, // gzip passes through to clients that asked for it
    followRedirect: false,
    timeout: { response: options.timeoutMs, socket: options.timeoutMs },
    headers: { 'user-agent': 'layer-metrics-gateway' },
  });

  return {
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
    send(request) {
      let base: URL;
      try {
        base = new URL(baseUrl());
      } catch (cause) {
        return Promise.reject(new UpstreamError('unreachable', new UpstreamUnavailableError(), { cause }));
      }
      const prefix = base.pathname.replace(/\/+$/, '');
      const nativeRequest = base.protocol === 'https:' ? https.request : http.request;
      // The path is fixed by the endpoint, never built from the client's path; the query string
      // goes out as raw bytes (got's URL parsing would re-encode it), hence the custom request function.
      const path = `${prefix}/api/v1/${request.endpoint}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
      const url = new URL(`${prefix}/api/v1/${request.endpoint}`, base);
      return new Promise<UpstreamResponse>((resolve, reject) => {
        let aborted = request.signal.aborted;
        const stream: GotRequest = client.stream(url, {
          method: request.method,
          headers: request.headers,
          ...(request.body ? { body: request.body } : {}),
          request: (target, native, callback) => nativeRequest(target, { ...native, path }, callback),
        });
        const onAbort = () => {
          aborted = true;
          stream.destroy();
          // destroy() without an error emits no 'error': settle here so nothing waits forever.
          reject(new UpstreamError('aborted', null));
        };
        request.signal.addEventListener('abort', onAbort, { once: true });
        stream.once('response', (response: http.IncomingMessage) => {
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: stream });
        });
        stream.on('error', (error) => reject(classifyFailure(error, options.timeoutMs, aborted)));
        stream.once('close', () => request.signal.removeEventListener('abort', onAbort));
      });
    },
  };
}
