/**
 * Sharing a backend answer: a request joins an identical one's answer in flight, or forwards its
 * own and offers it to later ones. The upstream metrics and the quarantine count it once, whoever reads it.
 */
import type { CoalesceKey } from '../proxy/coalesce.ts';
import { forwardResponseHeaders } from '../proxy/headers.ts';
import { SharedAnswer, type SettledListener } from '../proxy/shared-answer.ts';
import { mayHaveReachedBackend, UpstreamError, type UpstreamReceiver, type UpstreamResponse } from '../proxy/upstream.ts';
import { readErrorBody } from '../proxy/wrap-error.ts';
import type { CheckedRequest } from './check-request.ts';
import type { Client } from './client.ts';
import type { Passthrough } from './deps.ts';

/** Tracks a request that was in flight when the bundled backend crashed. */
type Tracked = ReturnType<NonNullable<Passthrough['deps']['quarantine']>['track']> | undefined;

/** Whether a backend request ended without an answer because the backend failed on it (not a timeout, not the client leaving). */
function diedOnBackend(error: unknown): boolean {
  return error instanceof UpstreamError && mayHaveReachedBackend(error);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Sets the answer's head from the backend's response and starts its body. Synchronous for an answer: an async callback would cost every request a promise. */
function onResponse(p: Passthrough, answer: SharedAnswer, tracked: Tracked, response: UpstreamResponse): void {
  p.upstreamMetrics.answered(p.endpoint, response.status);
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
  p.deps.partialAnswers?.watch(p.route, response, headers['content-encoding']);
  if (response.bytes) return answer.endWith(response.bytes);
  response.body.once('error', (error) => {
    if (diedOnBackend(error)) tracked?.failed();
    // A stall was counted as such; the abort it caused is not counted again.
    if (!answer.stalled) p.upstreamMetrics.broke(p.endpoint, error instanceof UpstreamError ? error.reason : 'reset');
  });
  answer.readFrom(response.body);
}

/**
 * What a shared answer's backend request reports to, and the answer's way to abort it: one object
 * per backend request, in place of a promise and its callbacks.
 */
class AnswerFeed implements UpstreamReceiver, SettledListener {
  answer: SharedAnswer | undefined = undefined;
  call: { abort(): void } | undefined = undefined;

  constructor(
    private readonly p: Passthrough,
    private readonly tracked: Tracked,
    /** When the request was counted in flight (UpstreamMetrics.started). */
    private readonly started: number,
  ) {}

  received(response: UpstreamResponse): void {
    onResponse(this.p, this.answer!, this.tracked, response);
  }

  failed(error: UpstreamError): void {
    if (diedOnBackend(error)) this.tracked?.failed();
    this.p.upstreamMetrics.failed(this.p.endpoint, error);
    this.answer!.fail(error);
  }

  backendSettled(): void {
    this.tracked?.done();
    this.p.upstreamMetrics.settled(this.p.endpoint, this.started);
  }

  abort(): void {
    this.call?.abort();
  }
}

/** Sends the request to the backend as a shared answer. */
function startAnswer(p: Passthrough, request: CheckedRequest, headers: Record<string, string>): SharedAnswer {
  const { deps, endpoint, upstreamMetrics } = p;
  // Failed requests stay suspects briefly: the crash that failed them is noticed a moment later.
  const tracked: Tracked = request.suspect === '' ? undefined : deps.quarantine?.track(request.suspect);
  const feed = new AnswerFeed(p, tracked, upstreamMetrics.started());
  const answer = new SharedAnswer(p.answerLimits, feed);
  feed.answer = answer;
  answer.onSettled(feed);
  // Every field set, absent ones undefined: one object shape for every request, and no spread.
  feed.call = deps.upstream.sendTo(
    { endpoint, labelName: request.labelName, method: request.body ? 'POST' : 'GET', rawQuery: request.rawQuery, body: request.body, headers },
    feed,
  );
  return answer;
}

/** Makes `client` a reader of the answer it joins (counted as coalesced), or of the one it starts under `key`. */
export function joinOrStart(p: Passthrough, client: Client, request: CheckedRequest, key: CoalesceKey, headers: Record<string, string>): void {
  if (client.shared) {
    client.reader = client.shared.join(client.slot!);
    p.deps.metrics.layer_proxy_coalesced_total.inc({ route: p.route });
    return;
  }
  const answer = startAnswer(p, request, headers);
  client.reader = answer.join(client.slot!);
  p.deps.inFlight.add(key, answer);
}
