/**
 * Answering the client from its (possibly shared) backend answer: a backend error redacted and in
 * the Prometheus envelope, the backend refusing the gateway's credentials as a 503, a success
 * streamed with its headers verbatim and cut when the client stops reading.
 */
import type { Context } from 'koa';
import { identityFields } from '../edge/request-tracking.ts';
import { UpstreamUnavailableError } from '../errors.ts';
import type { AnswerHead, AnswerReader } from '../proxy/shared-answer.ts';
import { UpstreamError } from '../proxy/upstream.ts';
import { resetConnection } from '../util/reset-connection.ts';
import { isJson, redactJsonError, refusedCredentials, wrapErrorText } from '../proxy/wrap-error.ts';
import type { CheckedRequest } from './check-request.ts';
import type { Passthrough } from './deps.ts';

const BACKEND_REFUSED_CREDENTIALS =
  "the metrics backend refused the gateway's credentials; the operator must fix LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE and send SIGHUP (GET /health shows the backend down meanwhile)";

/** Answers a backend error: redacted, in the Prometheus envelope unless the backend sent JSON. */
function answerError(ctx: Context, p: Passthrough, head: AnswerHead, errorText: string, request: CheckedRequest): void {
  const { status, headers } = head;
  // The backend refusing the gateway's own credentials is the operator's problem, not the
  // client's: passed on as 401 it would read as "your token is wrong", as 400 "check the query".
  if (refusedCredentials(status, errorText, isJson(headers['content-type']))) throw new UpstreamUnavailableError({ message: BACKEND_REFUSED_CREDENTIALS });
  const secrets = [...p.deps.redact(), head.hostname];
  // The client's own text, which the backend echoes and which must come back as sent.
  const clientText = [...request.params.values()].flat().concat(request.rawQuery, request.body ? [request.body.toString('latin1')] : []);
  const json = isJson(headers['content-type']) ? redactJsonError(errorText, secrets, clientText) : undefined;
  ctx.status = status;
  ctx.body = json ?? wrapErrorText(status, errorText);
  // Set after the body and verbatim: ctx.type would add a charset the backend did not send.
  ctx.set('Content-Type', json !== undefined ? headers['content-type']! : 'application/json');
  if (headers['retry-after']) ctx.set('Retry-After', headers['retry-after']);
}

/** Answers one client from its backend answer. */
export async function answerClient(ctx: Context, p: Passthrough, reader: AnswerReader, request: CheckedRequest): Promise<void> {
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
  if (head.errorText !== undefined) return answerError(ctx, p, head, head.errorText, request);
  // Written here rather than by Koa, headers verbatim; Koa's stream.pipeline would also allocate an
  // AbortController and end-of-stream watchers per response, measurable per request.
  // writeHead sets the status the access log and layer_http_requests_total read (res.statusCode).
  ctx.respond = false;
  // One raw list, with no header set on `res` before: Node writes it as given (see identify).
  const fields = identityFields(ctx);
  const headers = head.headers;
  for (const name in headers) fields.push(name, headers[name]!);
  res.writeHead(head.status, fields);
  // A client that stops reading is cut: its share of the answer is freed, and a streaming
  // answer's backend request is aborted when it was the last reader.
  reader.deliver(res, p.deps.stallTimeoutMs, () => {
    p.upstreamMetrics.broke(p.endpoint, 'stalled');
    if (res.socket) resetConnection(res.socket);
    else res.destroy();
  });
}
