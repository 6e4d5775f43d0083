/**
 * The Prometheus API passthrough (handwritten): the query routes, the label and series lookups
 * and the exemplar query, GET and POST forms. The client's raw query string and body go untouched
 * to the backend's route of the same name (a fixed path per endpoint, see src/proxy/endpoints.ts),
 * and the backend's status, body and Content-Type come back as a stream. The gateway answers by
 * itself only when it refuses a request, in the Prometheus envelope.
 */
import type { Context, Middleware } from 'koa';
import { BadRequestError, GatewayError, RequestTimeoutError, TooManyRequestsError, UpstreamUnavailableError } from '../errors.ts';
import type { LayerUpstreamPartialResponsesTotalLabels, MetricHandles } from '../generated/metrics.ts';
import type { BatchedUpdate, MetricBatch } from '../metrics/batch.ts';
import type { OperationId, RoutedContext } from '../generated/routes.ts';
import { operations } from '../generated/routes.ts';
import { coalesceKey, LINGER_MS, type InFlightAnswers } from '../proxy/coalesce.ts';
import type { PartialAnswers } from '../proxy/partial-answer.ts';
import { forwardRequestHeaders, forwardResponseHeaders } from '../proxy/headers.ts';
import type { LimitRefusal, Limiter, Release, SlotWait } from '../proxy/limiter.ts';
import type { GatewayState } from '../edge/request-state.ts';
import { isLabelName, routeOf } from '../proxy/endpoints.ts';
import { checkParams, PARAM_RULES, SELECTOR_PARAMS, type Endpoint } from '../proxy/params.ts';
import type { Quarantine } from '../proxy/quarantine.ts';
import { checkQuery, selectorKey, type QueryRefusalReason } from '../proxy/query-guard.ts';
import { readBody } from '../proxy/read-body.ts';
import { SharedAnswer, type AnswerHead, type AnswerLimits, type AnswerReader } from '../proxy/shared-answer.ts';
import { mayHaveReachedBackend, UpstreamError, type Upstream } from '../proxy/upstream.ts';
import { checkMatchLimits, type MatchLimits } from '../proxy/match-limits.ts';
import { checkQueryLength, checkRawParamsSize, rawParamsBound, SelectorLimitError, type QueryLengthLimit, type RawParamsBound } from '../proxy/query-length.ts';
import { isJson, readErrorBody, redactJsonError, refusedCredentials, wrapErrorText } from '../proxy/wrap-error.ts';
import type { RequestValidator } from '../validation.ts';

/** What the passthrough needs. */
export interface QueryHandlerDeps {
  upstream: Upstream;
  /** LAYER_PROXY_MAX_CONCURRENT slots (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN per token), shared by every passthrough route, taken (or waited for, LAYER_PROXY_QUEUE_TIMEOUT_MS) once the request is read. */
  limiter: Limiter;
  /** Slots for request bodies being received (per token too), so slow uploads cannot hold many bodies in memory. */
  bodyReaders: Limiter;
  /** LAYER_PROXY_BODY_TIMEOUT_MS. */
  bodyTimeoutMs: number;
  /** LAYER_PROXY_STALL_TIMEOUT_MS. */
  stallTimeoutMs: number;
  metrics: MetricHandles;
  /** Where per-request metric updates queue (see src/metrics/batch.ts). */
  batch: MetricBatch;
  validate: RequestValidator;
  /** LAYER_PROXY_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** The backend's longest query (LAYER_VM_MAX_QUERY_LEN, or the bundled vmsingle's). */
  queryLength: QueryLengthLimit;
  /** LAYER_PROXY_MAX_MATCHERS and LAYER_PROXY_MAX_MATCHER_BYTES. */
  matchLimits: MatchLimits;
  /** Strings that identify the backend (its host, host:port); scrubbed from its JSON error texts outside the client's own text. */
  redact: () => readonly string[];
  /** Queries refused since the bundled backend crashed; absent with an external backend. (default: none) */
  quarantine?: Quarantine;
  /** LAYER_PROXY_BUFFER_BYTES per answer, LAYER_PROXY_BUFFER_TOTAL_BYTES across answers, and the most readers of one shared answer. */
  buffer: AnswerLimits;
  /** Answers in flight that identical requests join. */
  inFlight: InFlightAnswers;
  /** Watches successful answers for the backend's partial mark. (default: none) */
  partialAnswers?: PartialAnswers<PassthroughRoute>;
}

// A form body is ASCII; raw bytes outside it would be re-encoded (or refused) by Node on the way out.
const BACKEND_REFUSED_CREDENTIALS =
  "the metrics backend refused the gateway's credentials; the operator must fix LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE and send SIGHUP (GET /health shows the backend down meanwhile)";
const NON_ASCII_QUERY = /[^\x21-\x7e]/;
const NON_ASCII_BODY = /[^\t\r\n\x20-\x7e]/;

/** Whether a backend request ended without an answer because the backend failed on it (not a timeout, not the client leaving). */
function diedOnBackend(error: unknown): boolean {
  return error instanceof UpstreamError && mayHaveReachedBackend(error);
}

/** What a client over a concurrency cap is told, by the cap that refused it. */
export const TOO_MANY: Record<LimitRefusal, string> = {
  concurrency: 'the gateway is at its limit of concurrent queries (LAYER_PROXY_MAX_CONCURRENT); retry after the given seconds',
  concurrency_per_token: 'this API token is at its limit of concurrent queries (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN); retry after the given seconds, or send fewer queries at once',
};
const TOO_MANY_BODIES: Record<LimitRefusal, string> = {
  concurrency: 'the gateway is receiving as many request bodies as it takes at once (LAYER_PROXY_MAX_CONCURRENT); retry after the given seconds',
  concurrency_per_token:
    'this API token is sending as many request bodies as it may at once (LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN); retry after the given seconds',
};

/** One client's side of a passthrough request: what it waits for or reads, and whether it left. */
interface Client {
  waiting?: SlotWait;
  reader?: AnswerReader;
  closed?: boolean;
}

/** Waits for a concurrency slot; undefined when the client left meanwhile (nothing is then held). */
async function waitForSlot(wait: SlotWait, client: Client): Promise<Release | LimitRefusal | undefined> {
  client.waiting = wait;
  const got = await wait.slot;
  client.waiting = undefined;
  if (!client.closed) return got;
  if (typeof got === 'function') got();
  return undefined;
}

/** The rejections reason of a request refused while it was read. */
function rejectionOf(error: unknown): 'bad_request' | 'body_too_large' | 'body_timeout' | SelectorLimitError['reason'] {
  if (error instanceof RequestTimeoutError) return 'body_timeout';
  if (error instanceof SelectorLimitError) return error.reason;
  return error instanceof GatewayError && error.status === 413 ? 'body_too_large' : 'bad_request';
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The label name of a label-values request, checked before anything else is read or sent: it
 * becomes a segment of the upstream path. Undefined for other endpoints.
 */
function labelNameOf(ctx: Context, endpoint: Endpoint): string | undefined {
  if (endpoint !== 'label_values') return undefined;
  const name = (ctx as RoutedContext).params.name ?? '';
  if (!isLabelName(name)) {
    throw new BadRequestError(
      `"${name.slice(0, 64)}" is not a label name: ${routeOf(endpoint)} takes a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, such as __name__ or job)`,
    );
  }
  return name;
}

/** The parameters as the contract's validators see them: lists as arrays, every other parameter as its one value. */
function contractValues(endpoint: Endpoint, params: Map<string, string[]>): Record<string, string | string[]> {
  const repeatable = PARAM_RULES[endpoint].repeatable;
  const values: Record<string, string | string[]> = {};
  for (const [name, list] of params) values[name] = repeatable.has(name) ? list : list[0]!;
  return values;
}

/** Refuses a query string that is not plain ASCII, before any body is read. */
function checkRawQuery(rawQuery: string): void {
  if (NON_ASCII_QUERY.test(rawQuery)) {
    throw new BadRequestError('the query string contains raw bytes outside printable ASCII; percent-encode parameters (curl --data-urlencode)');
  }
}

/** Reads a POST's form body whole, or throws the 400/408/413 to answer; a body too large for any valid request is not read. */
async function readFormBody(ctx: Context, deps: QueryHandlerDeps, rawBound: RawParamsBound): Promise<Buffer> {
  // A body over LAYER_PROXY_MAX_BODY_BYTES is readBody's 413, whatever it holds. One too large for
  // any valid request is refused before it is read, and drained so the client reads the answer.
  const declared = Number(ctx.get('Content-Length') || 0);
  try {
    if (declared <= deps.maxBodyBytes) checkRawParamsSize(ctx.querystring.length + declared, rawBound);
  } catch (error) {
    ctx.req.resume();
    throw error;
  }
  const read = await readBody(ctx.req, deps.maxBodyBytes, deps.bodyTimeoutMs);
  checkRawParamsSize(ctx.querystring.length + read.length, rawBound);
  if (read.length > 0 && !ctx.is('application/x-www-form-urlencoded')) {
    throw new BadRequestError('POST bodies must be application/x-www-form-urlencoded (Content-Type header); send the parameters url-encoded');
  }
  if (NON_ASCII_BODY.test(read.toString('latin1'))) {
    throw new BadRequestError('the request body contains raw bytes outside printable ASCII; percent-encode parameters');
  }
  return read;
}

/**
 * Checks the parameters and returns the raw bytes to forward, or throws the 400 to answer.
 * Synchronous: a GET has nothing to wait for, and an await would cost it a promise and a turn.
 */
function checkRequest(endpoint: Endpoint, operationId: OperationId, deps: QueryHandlerDeps, labelName: string | undefined, rawQuery: string, body: Buffer | undefined) {
  const params = checkParams(endpoint, rawQuery, body?.toString('latin1'));
  // Sizes first: every later check, the crash scan among them, costs time in the text's length.
  checkQueryLength(params, deps.queryLength);
  checkMatchLimits(params, deps.matchLimits);
  const values = contractValues(endpoint, params);
  const pathParams = labelName === undefined ? {} : { params: { name: labelName } };
  // The contract types a form body's fields as strings; a list's entries are checked one by one there.
  const problem = deps.validate(operationId, operations[operationId].method === 'GET' ? { query: values, ...pathParams } : { body: values as Record<string, string>, ...pathParams });
  if (problem) throw new BadRequestError(`invalid parameters: ${problem}`);
  const selectors: string[] = [];
  for (const [name, list] of params) if (SELECTOR_PARAMS.has(name)) selectors.push(...list);
  return { rawQuery, body, params, selectors, labelName };
}

/** The route label of the passthrough's metrics. */
type PassthroughRoute = LayerUpstreamPartialResponsesTotalLabels['route'];

/** The operations whose route is a passthrough route. */
type PassthroughOperationId = { [K in OperationId]: (typeof operations)[K]['path'] extends PassthroughRoute ? K : never }[OperationId];

/** Creates the handler of one passthrough operation (`endpoint` is fixed per operation, never read from the path). */
export function createQueryHandler(operationId: PassthroughOperationId, endpoint: Endpoint, deps: QueryHandlerDeps): Middleware {
  const { metrics, batch } = deps;
  const recordDuration: BatchedUpdate<Endpoint, null, null> = (e, _b, _c, durations) => {
    const labels = { endpoint: e };
    for (const seconds of durations) metrics.layer_upstream_request_duration_seconds.observe(labels, seconds);
  };
  const recordStatus: BatchedUpdate<Endpoint, string, null> = (e, code, _c, responses) => metrics.layer_upstream_requests_total.inc({ endpoint: e, code }, responses.length);
  const lingering = { ...deps.buffer, lingerMs: LINGER_MS };
  const route: PassthroughRoute = operations[operationId].path;
  const reject = (reason: ReturnType<typeof rejectionOf> | LimitRefusal | QueryRefusalReason) => metrics.layer_proxy_rejections_total.inc({ endpoint, reason });
  const rawBound = rawParamsBound(endpoint, deps.queryLength, deps.matchLimits);

  return async (ctx) => {
    let labelName: string | undefined;
    try {
      labelName = labelNameOf(ctx, endpoint);
    } catch (error) {
      reject('bad_request');
      throw error;
    }
    // One listener for the client's side: leaving the answer frees its slot, and the last reader
    // to leave aborts the backend request (before or during its response).
    const client: Client = {};
    const res = ctx.res;
    res.on('close', () => {
      client.closed = true;
      client.waiting?.cancel();
      client.reader?.leave();
    });

    // The request is read whole before a slot is taken: a slow or stalled upload holds no slot.
    // Bodies being received have their own bound, per token too, so uploads cannot pile up in memory.
    const tokenId = (ctx.state as GatewayState).tokenId;
    const post = ctx.method === 'POST';
    const reading = post ? deps.bodyReaders.tryAcquire(tokenId) : undefined;
    if (typeof reading === 'string') {
      reject(reading);
      // Closed after the answer: the unread body is not worth receiving.
      throw new TooManyRequestsError(TOO_MANY_BODIES[reading], 1, { headers: { Connection: 'close' } });
    }
    let request: ReturnType<typeof checkRequest>;
    try {
      const rawQuery = ctx.querystring;
      checkRawParamsSize(rawQuery.length, rawBound);
      checkRawQuery(rawQuery);
      const body = post ? await readFormBody(ctx, deps, rawBound) : undefined;
      request = checkRequest(endpoint, operationId, deps, labelName, rawQuery, body);
    } catch (error) {
      reject(rejectionOf(error));
      throw error;
    } finally {
      reading?.();
    }
    if (client.closed) return; // the client left while its body was read
    const refusal = checkQuery(request.selectors, deps.quarantine);
    if (refusal) {
      reject(refusal.reason);
      throw refusal.error;
    }

    // Identical requests in flight share one backend answer; every check above applies to each.
    const forwarded = forwardRequestHeaders(ctx.req.headers);
    const key = coalesceKey(endpoint, labelName, ctx.method, request.params, forwarded);
    let shared = deps.inFlight.find(key);
    let slot: Release;
    for (;;) {
      // A joiner takes a share of its token's cap (fairness between tokens) but no backend slot.
      const taken = deps.limiter.acquire(tokenId, shared !== undefined);
      if (typeof taken === 'function') {
        slot = taken;
        break;
      }
      const got = typeof taken === 'string' ? taken : await waitForSlot(taken, client);
      if (got === undefined) return; // the client left while it waited
      if (typeof got === 'string') {
        reject(got);
        throw new TooManyRequestsError(TOO_MANY[got], 1);
      }
      // What is in flight may have changed during the wait; a backend slot may join (freed with that answer).
      const now = deps.inFlight.find(key);
      if (now !== undefined || shared === undefined) {
        [shared, slot] = [now, got];
        break;
      }
      got(); // a share of an answer that can no longer be joined: a backend slot is needed instead
      shared = undefined;
    }
    if (shared) {
      client.reader = shared.join(slot);
      metrics.layer_proxy_coalesced_total.inc({ route });
    } else {
      const answer = startAnswer(request, forwarded);
      client.reader = answer.join(slot);
      deps.inFlight.add(key, answer);
    }
    await answerClient(ctx, client.reader, request);
  };

  /** Sends the request to the backend as a shared answer; the upstream metrics and the quarantine count it once, whoever reads it. */
  function startAnswer(request: ReturnType<typeof checkRequest>, headers: Record<string, string>): SharedAnswer {
    // Failed requests stay suspects briefly: the crash that failed them is noticed a moment later.
    const suspect = deps.quarantine === undefined ? '' : selectorKey(request.selectors);
    const tracked = suspect === '' ? undefined : deps.quarantine?.track(suspect);
    const started = performance.now();
    metrics.layer_upstream_in_flight_requests.inc();
    const call = deps.upstream.send({
      endpoint,
      ...(request.labelName === undefined ? {} : { labelName: request.labelName }),
      method: request.body ? 'POST' : 'GET',
      rawQuery: request.rawQuery,
      ...(request.body ? { body: request.body } : {}),
      headers,
    });
    const answer = new SharedAnswer(endpoint === 'query_range' ? lingering : deps.buffer, () => call.abort());
    answer.onSettled(() => {
      tracked?.done();
      metrics.layer_upstream_in_flight_requests.dec();
      batch.add(recordDuration, endpoint, null, null, (performance.now() - started) / 1000);
    });
    // Synchronous for an answer: an async callback would cost every request a promise.
    call.response.then(
      (response) => {
        batch.add(recordStatus, endpoint, String(response.status), null, 0);
        const headers = forwardResponseHeaders(response.headers);
        if (response.status >= 400) {
          const hostname = firstHeader(response.headers['x-server-hostname']);
          readErrorBody(response, headers['content-encoding']).then(
            (errorText) => answer.setHead({ status: response.status, headers, errorText, ...(hostname === undefined ? {} : { hostname }) }),
            (error: unknown) => answer.fail(error),
          );
          return;
        }
        answer.setHead({ status: response.status, headers });
        deps.partialAnswers?.watch(route, response, headers['content-encoding']);
        if (response.bytes) return answer.endWith(response.bytes);
        response.body.once('error', (error) => {
          if (diedOnBackend(error)) tracked?.failed();
          // A stall was counted as such; the abort it caused is not counted again.
          if (!answer.stalled) metrics.layer_upstream_errors_total.inc({ endpoint, reason: error instanceof UpstreamError ? error.reason : 'reset' });
        });
        answer.readFrom(response.body);
      },
      (error: unknown) => {
        if (diedOnBackend(error)) tracked?.failed();
        if (error instanceof UpstreamError) {
          metrics.layer_upstream_requests_total.inc({ endpoint, code: error.status === undefined ? 'none' : String(error.status) });
          metrics.layer_upstream_errors_total.inc({ endpoint, reason: error.reason });
        }
        answer.fail(error);
      },
    );
    return answer;
  }

  /** Answers one client from its (possibly shared) backend answer. */
  async function answerClient(ctx: Context, reader: AnswerReader, request: ReturnType<typeof checkRequest>): Promise<void> {
    const res = ctx.res;
    let head: AnswerHead;
    try {
      head = await reader.head;
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (error.response) throw error.response;
      ctx.req.socket.destroy(); // aborted: nobody is listening any more
      return;
    }
    const { status, headers, errorText } = head;
    if (errorText !== undefined) {
      // The backend refusing the gateway's own credentials is the operator's problem, not the
      // client's: passed on as 401 it would read as "your token is wrong", as 400 "check the query".
      if (refusedCredentials(status, errorText, isJson(headers['content-type']))) throw new UpstreamUnavailableError({ message: BACKEND_REFUSED_CREDENTIALS });
      const secrets = [...deps.redact(), head.hostname];
      // The client's own text, which the backend echoes and which must come back as sent.
      const clientText = [...request.params.values()].flat().concat(request.rawQuery, request.body ? [request.body.toString('latin1')] : []);
      const json = isJson(headers['content-type']) ? redactJsonError(errorText, secrets, clientText) : undefined;
      ctx.status = status;
      ctx.body = json ?? wrapErrorText(status, errorText);
      // Set after the body and verbatim: ctx.type would add a charset the backend did not send.
      ctx.set('Content-Type', json !== undefined ? headers['content-type']! : 'application/json');
      if (headers['retry-after']) ctx.set('Retry-After', headers['retry-after']);
      return;
    }
    // Written here rather than by Koa, headers verbatim; Koa's stream.pipeline would also allocate an
    // AbortController and end-of-stream watchers per response, measurable per request.
    ctx.status = status; // for the access log and layer_http_requests_total
    ctx.respond = false;
    res.writeHead(status, headers);
    // A client that stops reading is cut: its share of the answer is freed, and a streaming
    // answer's backend request is aborted when it was the last reader.
    reader.deliver(res, deps.stallTimeoutMs, () => {
      metrics.layer_upstream_errors_total.inc({ endpoint, reason: 'stalled' });
      res.destroy();
    });
  }
}
