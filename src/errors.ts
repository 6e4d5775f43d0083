/**
 * The gateway's errors, two families with a stable `code` and a `cause` each (the shape of Koa's
 * HttpError and of the coded errors of Node's own APIs):
 * - GatewayError: what a request is answered with; an HTTP `status`, an `expose` flag saying
 *   whether the message may reach the client, and headers. One function
 *   (src/edge/render-error.ts) turns them into responses.
 * - StartupError: why the gateway cannot start or keep its configuration (config, token file,
 *   data directory, cache address, bundled vmsingle). These reach the operator through the log
 *   and the exit message, never a client, so they carry no HTTP status; main.ts maps them to exit codes.
 */

/** Options every start-up error takes. */
export interface StartupErrorOptions {
  cause?: unknown;
}

/** Base class of every error that stops the gateway from starting (or from reloading its tokens). */
export class StartupError extends Error {
  override name = 'StartupError';
  readonly code: string;

  constructor(code: string, message: string, options: StartupErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}

/**
 * A file the configuration names (the TLS pair, the backend credentials) that cannot be used. The
 * module that reads the file throws it; at start the wiring reports it as invalid configuration
 * (src/wiring/config-files.ts), on a reload the value in use stays.
 */
export class ConfiguredFileError<Variable extends string = string> extends StartupError {
  override name = 'ConfiguredFileError';
  /** The variable that names the file. */
  readonly variable: Variable;
  /** The file as configured. */
  readonly file: string;

  constructor(code: string, variable: Variable, file: string, message: string, options: StartupErrorOptions = {}) {
    super(code, message, options);
    this.variable = variable;
    this.file = file;
  }
}

/** Options every gateway error takes. */
export interface GatewayErrorOptions {
  cause?: unknown;
  /** Whether the message may be shown to the client. (default: status < 500) */
  expose?: boolean;
  /** Extra response headers (Allow, Retry-After, WWW-Authenticate). (default: none) */
  headers?: Record<string, string>;
  /** The Prometheus errorType, for routes that answer in the Prometheus envelope. (default: from status) */
  errorType?: string;
}

/** Prometheus's errorType for a gateway-made error of this status. */
export function errorTypeOf(status: number): string {
  if (status === 400 || status === 405 || status === 413 || status === 414 || status === 431) return 'bad_data';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 422) return 'execution';
  if (status === 429 || status === 502 || status === 503) return 'unavailable';
  if (status === 504) return 'timeout';
  return 'internal';
}

/** Base class of every error the gateway answers with. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  readonly headers: Record<string, string>;
  readonly errorType: string;

  constructor(code: string, status: number, message: string, options: GatewayErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = status;
    this.expose = options.expose ?? status < 500;
    this.headers = options.headers ?? {};
    this.errorType = options.errorType ?? errorTypeOf(status);
  }
}

/** 400: the request is malformed; the message says what to fix. */
export class BadRequestError extends GatewayError {
  override name = 'BadRequestError';
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('ERR_BAD_REQUEST', 400, message, options);
  }
}

/** 401: missing or invalid credentials; always carries the Bearer challenge. */
export class UnauthorizedError extends GatewayError {
  override name = 'UnauthorizedError';
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('ERR_UNAUTHORIZED', 401, message, {
      ...options,
      headers: { 'WWW-Authenticate': 'Bearer realm="layer"', ...options.headers },
    });
  }
}

/** 404: no such route or resource. */
export class NotFoundError extends GatewayError {
  override name = 'NotFoundError';
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('ERR_NOT_FOUND', 404, message, options);
  }
}

/** 405: the route exists but not for this method; carries Allow. */
export class MethodNotAllowedError extends GatewayError {
  override name = 'MethodNotAllowedError';
  constructor(method: string, allowed: readonly string[], options: GatewayErrorOptions = {}) {
    super('ERR_METHOD_NOT_ALLOWED', 405, `method ${method} is not allowed here; use ${allowed.join(' or ')}`, {
      ...options,
      headers: { Allow: allowed.join(', '), ...options.headers },
    });
  }
}

/** 413: a request body over LAYER_PROXY_MAX_BODY_BYTES. */
export class PayloadTooLargeError extends GatewayError {
  override name = 'PayloadTooLargeError';
  constructor(limit: number, options: GatewayErrorOptions = {}) {
    super('ERR_BODY_TOO_LARGE', 413, `request body is larger than ${limit} bytes (LAYER_PROXY_MAX_BODY_BYTES); send a shorter query`, options);
  }
}

/**
 * 408: the request body did not arrive in time. The rest of it may still come, so the connection
 * is closed after the answer rather than read on.
 */
export class RequestTimeoutError extends GatewayError {
  override name = 'RequestTimeoutError';
  constructor(message: string, options: GatewayErrorOptions = {}) {
    // Prometheus has no type for a slow client; its closest is the one for anything too slow.
    super('ERR_REQUEST_TIMEOUT', 408, message, { errorType: 'timeout', ...options, headers: { Connection: 'close', ...options.headers } });
  }
}

/** 429: over a concurrency limit; carries Retry-After. */
export class TooManyRequestsError extends GatewayError {
  override name = 'TooManyRequestsError';
  constructor(message: string, retryAfterSeconds: number, options: GatewayErrorOptions = {}) {
    super('ERR_TOO_MANY_REQUESTS', 429, message, {
      ...options,
      headers: { 'Retry-After': String(retryAfterSeconds), ...options.headers },
    });
  }
}

/** 502: the metrics backend cannot be reached. Its message never names the backend's address. */
export class UpstreamUnavailableError extends GatewayError {
  override name = 'UpstreamUnavailableError';
  constructor(options: GatewayErrorOptions & { message?: string } = {}) {
    super('ERR_UPSTREAM_UNAVAILABLE', 502, options.message ?? 'the metrics backend cannot be reached; retry shortly (GET /health shows its state)', {
      ...options,
      expose: true,
      errorType: 'unavailable',
    });
  }
}

/** 504: the metrics backend did not answer within LAYER_VM_TIMEOUT_MS. */
export class UpstreamTimeoutError extends GatewayError {
  override name = 'UpstreamTimeoutError';
  constructor(timeoutMs: number, options: GatewayErrorOptions = {}) {
    super('ERR_UPSTREAM_TIMEOUT', 504, `the metrics backend did not answer within ${timeoutMs} ms; narrow the query or its time range`, {
      ...options,
      expose: true,
      errorType: 'timeout',
    });
  }
}

/** 503: no rule engine is configured, so there are no rules or alerts to serve. */
export class NoRuleEngineError extends GatewayError {
  override name = 'NoRuleEngineError';
  constructor(options: GatewayErrorOptions = {}) {
    super(
      'ERR_NO_RULE_ENGINE',
      503,
      'no rule engine evaluates the alerts: with LAYER_VM_URL, set LAYER_ALERT_WRITE_URL (the gateway runs vmalert) or LAYER_RULES_URL (your own vmalert or Prometheus)',
      { ...options, expose: true, errorType: 'unavailable' },
    );
  }
}

/** 502: the rule engine (the bundled vmalert or LAYER_RULES_URL) cannot be reached. Its message never names its address. */
export class RuleEngineUnavailableError extends GatewayError {
  override name = 'RuleEngineUnavailableError';
  constructor(options: GatewayErrorOptions = {}) {
    super('ERR_RULE_ENGINE_UNAVAILABLE', 502, 'the rule engine cannot be reached; retry shortly (GET /health shows the alert counts it last gave)', {
      ...options,
      expose: true,
      errorType: 'unavailable',
    });
  }
}
