/**
 * MetricsClientError: the one error every client method rejects with, whether the gateway, the
 * metrics backend behind it, the network or the client's own argument checks produced it.
 */
import { isRecord } from './guards.js';

/** Fields of a MetricsClientError besides its message. */
export interface MetricsClientErrorDetails {
  /** HTTP status of the answer; 0 when there was none (network failure, refused argument). */
  status: number;
  /** Machine-readable kind; see {@link MetricsClientError.errorType}. */
  errorType: string;
  /** The response body: parsed when it was JSON, the raw text otherwise, undefined without a response. */
  body?: unknown;
  /** The gateway's request id (X-Request-Id or the body's `request_id`), for matching its logs. */
  requestId?: string | undefined;
  /** The underlying error, for network failures. */
  cause?: unknown;
}

/** Why a client call failed; check `errorType` or `status`, never the message text. */
export class MetricsClientError extends Error {
  override readonly name = 'MetricsClientError';
  /** HTTP status of the answer; 0 when there was none. */
  readonly status: number;
  /**
   * Prometheus's `errorType` on the query routes (`bad_data`, `execution`, `timeout`, `unavailable`,
   * `unauthorized`, ... or the backend's status code such as `"422"`), the gateway's `code` on its
   * other routes (`ERR_NOT_FOUND`, ...), `network` when no response arrived, `canceled` when the
   * call's `signal` aborted it, `timeout` with status 0 when its `timeoutMs` ran out, `bad_data` for an
   * argument refused before sending, and for an answer that is neither (a proxy's HTML page)
   * `client_error` (4xx), `server_error` (5xx) or `bad_response`.
   */
  readonly errorType: string;
  /** The response body: parsed when it was JSON, the raw text otherwise, undefined without a response. */
  readonly body: unknown;
  /** The gateway's request id when it sent one. */
  readonly requestId: string | undefined;

  constructor(message: string, details: MetricsClientErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.errorType = details.errorType;
    this.body = details.body;
    this.requestId = details.requestId;
  }
}

/**
 * The error of a response the client cannot use: a Prometheus error envelope, a gateway
 * `{ code, message }` body, or anything else (named by status class).
 */
export function errorFromResponse(operation: string, response: Response, body: unknown): MetricsClientError {
  const status = response.status;
  const headerId = response.headers.get('x-request-id') ?? undefined;
  if (isRecord(body) && body.status === 'error' && typeof body.errorType === 'string') {
    const detail = typeof body.error === 'string' ? body.error : 'no error message';
    return new MetricsClientError(`${operation}: ${status} ${body.errorType}: ${detail}`, {
      status,
      errorType: body.errorType,
      body,
      requestId: headerId,
    });
  }
  if (isRecord(body) && typeof body.code === 'string') {
    const detail = typeof body.message === 'string' ? body.message : 'no error message';
    const requestId = headerId ?? (typeof body.request_id === 'string' ? body.request_id : undefined);
    return new MetricsClientError(`${operation}: ${status} ${body.code}: ${detail}`, {
      status,
      errorType: body.code,
      body,
      requestId,
    });
  }
  // Neither body shape: most likely a proxy or load balancer in front of the gateway answered.
  // Named as Prometheus's Go client names such answers (client_golang api.go errorTypeAndMsgFor).
  const errorType = status >= 400 && status < 500 ? 'client_error' : status >= 500 && status < 600 ? 'server_error' : 'bad_response';
  const snippet = typeof body === 'string' && body.length > 0 ? `: ${body.slice(0, 200)}` : '';
  return new MetricsClientError(`${operation}: ${status} ${errorType}: unexpected response body${snippet}`, {
    status,
    errorType,
    body,
    requestId: headerId,
  });
}

/** The error of a request that got no response at all (refused connection, DNS, reset, abort). */
export function networkError(operation: string, cause: unknown): MetricsClientError {
  // undici reports every failure as `TypeError: fetch failed`; the useful part (ECONNREFUSED,
  // ENOTFOUND, ...) is on its cause.
  const inner = cause instanceof Error && isRecord(cause.cause) ? cause.cause : undefined;
  const detail = typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : undefined;
  const reason = `${cause instanceof Error ? cause.message : String(cause)}${detail === undefined ? '' : `: ${detail}`}`;
  return new MetricsClientError(`${operation}: no response from the gateway (${reason}); check baseUrl and that the gateway is running`, {
    status: 0,
    errorType: 'network',
    cause,
  });
}

/** The error of a call its caller stopped: `canceled` (its signal aborted) or `timeout` (its timeoutMs ran out). */
export function stoppedError(operation: string, why: 'canceled' | 'timeout', timeoutMs: number | undefined, cause: unknown): MetricsClientError {
  const reason = why === 'timeout' ? `no complete answer within timeoutMs (${String(timeoutMs)} ms)` : 'canceled by its signal';
  return new MetricsClientError(`${operation}: ${reason}`, { status: 0, errorType: why, cause });
}

/** The error of an argument the client refuses before sending anything. */
export function argumentError(operation: string, message: string): MetricsClientError {
  return new MetricsClientError(`${operation}: ${message}`, { status: 0, errorType: 'bad_data' });
}
