/**
 * The client of the metrics backend (vmsingle, or a vmselect behind LAYER_VM_URL). It requests only
 * the fixed paths of src/proxy/endpoints.ts under `<base>`, with the client's raw query string and body,
 * and hands back the response: read whole when it is small, as a stream otherwise. Failures become
 * coded errors that never name the backend's address.
 *
 * Built on undici's dispatch API, the client with the least CPU per request of those measured side
 * by side (got, node:http, undici's request(); figures in docs/decisions.md): no per-request option
 * objects, and dispatch calls back with headers and chunks, so a small body needs no stream object
 * at all.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { Client, Pool, type Dispatcher } from 'undici';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../errors.ts';
import { madeReject, madeResolve, newPromise } from '../util/new-promise.ts';
import { upstreamPath, type Endpoint } from './endpoints.ts';

/** Why a backend request failed without a complete response (the `reason` label of layer_upstream_errors_total). */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'reset' | 'aborted';

/** A backend response: its body read whole (`bytes`) or still streaming (`body`). */
export type UpstreamResponse = {
  status: number;
  headers: IncomingHttpHeaders;
} & ({ bytes: Buffer; body?: undefined } | { body: Readable; bytes?: undefined });

/** One request to the backend. */
export interface UpstreamRequest {
  endpoint: Endpoint;
  /** The validated label name of `label_values` (see isLabelName); unused by other endpoints. */
  labelName?: string;
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
}

/**
 * Told of a backend request's outcome from the backend client's own callbacks, with no promise in
 * between: once, by `received` or by `failed`. Either may come before `sendTo` returns (no backend
 * is up, the client is closed).
 */
export interface UpstreamReceiver {
  /** The response: its body read whole (`bytes`) or still streaming (`body`). */
  received(response: UpstreamResponse): void;
  /** The request ended without a response. */
  failed(error: UpstreamError): void;
}

/** Settings of the backend client. */
export interface UpstreamOptions {
  /**
   * Base URL, possibly with a path prefix (`http://vmselect:8481/select/0/prometheus`); a function
   * when it can change (a restarted bundled vmsingle listens on a new port). Throws while none is up.
   */
  baseUrl: string | (() => string);
  /** LAYER_VM_TIMEOUT_MS: how long the backend may stay silent, connecting, waiting for headers or mid-body. */
  timeoutMs: number;
  /** Bodies with a Content-Length up to this are read whole before the response resolves. (default: WHOLE_BODY_BYTES) */
  wholeBodyBytes?: number;
  /**
   * Whether a request that failed on a reused keep-alive connection, before any response, is sent
   * once more on a new connection. Off for the bundled vmsingle: it never closes a connection its
   * client still pools (its idle timeout is a minute, the pool's 4 s), so any such failure is its
   * own, a crash perhaps. (default: true)
   */
  retryStale?: boolean;
  /**
   * The backend's own credentials, an Authorization header value read per request (a reload may
   * change it); the client's Authorization never goes to the backend. (default: none sent)
   */
  authorization?: () => string | undefined;
}

/** Default of UpstreamOptions.wholeBodyBytes: a small query's answer, held at most once per request in flight. */
export const WHOLE_BODY_BYTES = 32 * 1024;

/** Failure of a backend request, with the reason to count and the gateway error to answer. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly code = 'ERR_UPSTREAM';
  constructor(
    readonly reason: UpstreamFailure,
    /** The 502/504 to answer, or null when nobody is listening any more (aborted). */
    readonly response: UpstreamUnavailableError | UpstreamTimeoutError | null,
    /** The status the backend had answered when its body then failed; undefined when it sent no response. */
    readonly status?: number,
    options: { cause?: unknown } = {},
  ) {
    super(`upstream request failed: ${reason}`, options);
  }
}

// Errors of a connection that was never made: the request cannot have reached the backend.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a request that failed without an answer may have reached the backend, that is whether
 * the backend may have died of it: false when no connection was made, or no backend was up.
 */
export function mayHaveReachedBackend(error: UpstreamError): boolean {
  if (error.reason === 'reset') return true;
  if (error.reason !== 'unreachable') return false;
  const code = error.cause instanceof Object ? codeOf(error.cause) : '';
  return code !== '' && !NOT_CONNECTED.has(code);
}

/** Sends requests to the backend. */
export interface Upstream {
  send(request: UpstreamRequest): UpstreamCall;
  /** As `send`, telling `receiver` instead of settling a promise; returns the abort. */
  sendTo(request: UpstreamRequest, receiver: UpstreamReceiver): { abort(): void };
  /** Closes idle keep-alive connections and stops pooling. */
  close(): void;
}

// undici's codes for the three ways the backend can stay silent too long.
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
// Errors of a kept-alive connection the backend closed as a request went out on it, typically
// one it had just timed out (FIN, or a reset when the request landed in its closed socket).
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

const MID_BODY_MESSAGE = 'the metrics backend failed while sending its response; retry shortly (GET /health shows its state)';

function codeOf(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

/** What a failure is counted as and answered with. */
function classify(error: unknown, aborted: boolean, status: number | undefined, timeoutMs: number): UpstreamError {
  if (aborted) return new UpstreamError('aborted', null, status, { cause: error });
  if (TIMEOUTS.has(codeOf(error))) return new UpstreamError('timeout', new UpstreamTimeoutError(timeoutMs), status, { cause: error });
  if (status === undefined) return new UpstreamError('unreachable', new UpstreamUnavailableError(), status, { cause: error });
  return new UpstreamError('reset', new UpstreamUnavailableError({ message: MID_BODY_MESSAGE }), status, { cause: error });
}

/** How many of a pool's connections are up, and how many of its requests are under way. */
interface PoolUse {
  connected: number;
  busy: number;
}

/**
 * Counts a pool's connections (its connect and disconnect events) and, through the callers,
 * its requests under way: a connection is idle, so a request may go out on a reused one, when
 * more are up than requests use (one request per connection, undici's default pipelining).
 * Counted rather than read from pool.stats, which walks every connection six times per read.
 */
function watchPoolUse(pool: Pool): PoolUse {
  const use: PoolUse = { connected: 0, busy: 0 };
  pool.on('connect', () => use.connected++);
  pool.on('disconnect', () => use.connected--);
  return use;
}

/** The pool of one backend base URL, and what is derived from that URL once. */
interface Target {
  base: string;
  pool: Pool;
  origin: string;
  prefix: string;
  use: PoolUse;
}

/** What every request of one backend client is sent with. */
interface CallSettings {
  timeoutMs: number;
  wholeBodyBytes: number;
}

const ABORTED = 'aborted: the client went away';

/** A receiver that settles a promise: `send`'s call. */
class PromisedCall implements UpstreamCall, UpstreamReceiver {
  readonly response: Promise<UpstreamResponse>;
  private readonly resolveResponse: (response: UpstreamResponse) => void;
  private readonly rejectResponse: (error: UpstreamError) => void;
  call: { abort(): void } | undefined = undefined;

  constructor() {
    this.response = newPromise<UpstreamResponse>();
    this.resolveResponse = madeResolve();
    this.rejectResponse = madeReject();
  }

  received(response: UpstreamResponse): void {
    this.resolveResponse(response);
  }

  failed(error: UpstreamError): void {
    this.rejectResponse(error);
  }

  abort(): void {
    this.call?.abort();
  }
}

/**
 * One backend request: the abort handed back to the caller, and the handler undici calls for each
 * of its attempts. One object, with its steps as methods: no closure per request.
 */
class BackendCall implements Dispatcher.DispatchHandler {
  private aborted = false;
  private controller: Dispatcher.DispatchController | undefined = undefined;
  private stream: Readable | undefined = undefined;
  private inPool = false;
  // The attempt under way: a retry starts these afresh.
  private isRetry = false;
  private status: number | undefined = undefined;
  private headersSeen: IncomingHttpHeaders | undefined = undefined;
  // Set while a whole body is being collected; a larger body goes to `stream` instead.
  private collecting = false;
  private firstChunk: Buffer | undefined = undefined;
  private moreChunks: Buffer[] | undefined = undefined;
  private size = 0;

  constructor(
    private readonly settings: CallSettings,
    private readonly receiver: UpstreamReceiver,
    private readonly backend: Target | undefined,
    private readonly dispatchOptions: Dispatcher.DispatchOptions | undefined,
    /** Whether it goes out on a reused keep-alive connection, whose failure before any response is retried on a new one. */
    private readonly reused: boolean,
  ) {}

  /** Sends the first attempt on the pool. */
  start(): void {
    this.inPool = true;
    this.backend!.use.busy++;
    this.backend!.pool.dispatch(this.dispatchOptions!, this);
  }

  /** Fails the call before it was sent: no backend is up, or the client is closed. */
  unreachable(cause: unknown): void {
    this.receiver.failed(new UpstreamError('unreachable', new UpstreamUnavailableError(), undefined, { cause }));
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.controller?.abort(new Error(ABORTED));
  }

  private leavePool(): void {
    if (!this.inPool) return;
    this.inPool = false;
    this.backend!.use.busy--;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.aborted) controller.abort(new Error(ABORTED));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.headersSeen = headers;
    if (Number(headers['content-length']) <= this.settings.wholeBodyBytes) {
      this.collecting = true;
      return; // resolves in onResponseEnd
    }
    // A stream that asks for more only when its reader does: backpressure reaches the backend.
    this.stream = new Readable({ read: () => controller.resume() });
    this.receiver.received({ status: statusCode, headers, body: this.stream });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.collecting) {
      if (this.firstChunk === undefined) this.firstChunk = chunk;
      else (this.moreChunks ??= [this.firstChunk]).push(chunk);
      this.size += chunk.length;
    } else if (this.stream && !this.stream.push(chunk)) {
      controller.pause();
    }
  }

  onResponseEnd(): void {
    this.leavePool();
    if (this.collecting) {
      const bytes = this.moreChunks ? Buffer.concat(this.moreChunks, this.size) : (this.firstChunk ?? Buffer.alloc(0));
      this.receiver.received({ status: this.status!, headers: this.headersSeen!, bytes });
    } else {
      this.stream?.push(null);
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.leavePool();
    // One retry, on a new connection, when the backend closed a kept-alive connection as the
    // request went out on it: the pool's next connection may be just as stale. Never for a fresh
    // connection: a backend that read the request and then died of it (a query that crashes it)
    // would get it a second time.
    if (this.status === undefined && !this.aborted && !this.isRetry && this.reused && CLOSED.has(codeOf(error))) {
      const fresh = new Client(this.backend!.origin, { connect: { timeout: this.settings.timeoutMs } });
      this.isRetry = true;
      this.headersSeen = undefined;
      this.collecting = false;
      this.firstChunk = undefined;
      this.moreChunks = undefined;
      this.size = 0;
      fresh.dispatch(this.dispatchOptions!, this);
      void fresh.close().catch(() => {});
      return;
    }
    const failure = classify(error, this.aborted, this.status, this.settings.timeoutMs);
    if (this.stream) this.stream.destroy(failure);
    else this.receiver.failed(failure);
  }
}

/** Creates the backend client; one keep-alive pool per backend origin serves every request. */
export function createUpstream(options: UpstreamOptions): Upstream {
  const baseUrl = typeof options.baseUrl === 'string' ? () => options.baseUrl as string : options.baseUrl;
  const wholeBodyBytes = options.wholeBodyBytes ?? WHOLE_BODY_BYTES;
  const retryStale = options.retryStale ?? true;
  // Idle pooled connections close after 4 s, so a burst does not leave hundreds of descriptors
  // open to the backend until it closes them itself (vmsingle waits a minute).
  const poolOptions = { keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000, connect: { timeout: options.timeoutMs } };
  // The pool of the current base URL; replaced (and the old one closed) when the URL changes.
  let target: Target | undefined;
  let closed = false;

  function current(): NonNullable<typeof target> {
    const base = baseUrl();
    if (target?.base !== base) {
      const url = new URL(base);
      void target?.pool.close().catch(() => {});
      const prefix = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
      const pool = new Pool(url.origin, poolOptions);
      target = { base, pool, origin: url.origin, prefix, use: watchPoolUse(pool) };
    }
    return target;
  }

  const settings: CallSettings = { timeoutMs: options.timeoutMs, wholeBodyBytes };

  /** Sends `request`, telling `receiver` how it ended (see Upstream.sendTo). */
  function sendTo(request: UpstreamRequest, receiver: UpstreamReceiver): { abort(): void } {
    let backend: Target;
    try {
      if (closed) throw new Error('the backend client is closed');
      backend = current();
    } catch (cause) {
      const call = new BackendCall(settings, receiver, undefined, undefined, false);
      call.unreachable(cause);
      return call;
    }
    const headers: Record<string, string> = { ...request.headers, 'user-agent': 'layer-metrics-gateway' };
    const authorization = options.authorization?.();
    if (authorization !== undefined) headers.authorization = authorization;
    // The path is fixed by the endpoint (and a validated label name), never built from the
    // client's path; the query string goes out as the client's raw bytes.
    const path = backend.prefix + upstreamPath(request.endpoint, request.labelName);
    const dispatchOptions: Dispatcher.DispatchOptions = {
      origin: backend.origin,
      path: request.rawQuery ? path + '?' + request.rawQuery : path,
      method: request.method,
      headers,
      body: request.body ?? null,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    };
    // The pool sends on an idle kept-alive connection when it has one, on a new one otherwise.
    const reused = retryStale && backend.use.connected > backend.use.busy;
    const call = new BackendCall(settings, receiver, backend, dispatchOptions, reused);
    call.start();
    return call;
  }

  return {
    close() {
      closed = true;
      void target?.pool.destroy().catch(() => {});
      target = undefined;
    },
    send(request) {
      const promised = new PromisedCall();
      promised.call = sendTo(request, promised);
      return promised;
    },
    sendTo,
  };
}
