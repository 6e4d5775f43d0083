/**
 * A fetch double for client unit tests: records every request it is given (method, URL, headers,
 * body text, redirect mode) and answers with whatever `respond` returns.
 */
import assert from 'node:assert/strict';
import { MetricsClientError } from '../../../packages/client/src/index.ts';

/** One request as the client sent it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  redirect: Request['redirect'];
}

/** The double and what it saw. */
export interface RecordingFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: RecordedRequest[];
}

/** A fetch double answering every request with `respond(request)` (default: an empty vector result). */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response> = () => promVector()): RecordingFetch {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    async fetch(request) {
      requests.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: await request.clone().text(),
        redirect: request.redirect,
      });
      return respond(request);
    },
  };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A successful instant-query body with no series. */
export function promVector(): Response {
  return json({ status: 'success', data: { resultType: 'vector', result: [] } });
}

/** Awaits a promise that must reject with a MetricsClientError, and returns that error. */
export async function clientError(pending: Promise<unknown>): Promise<MetricsClientError> {
  try {
    await pending;
  } catch (err) {
    assert.ok(err instanceof MetricsClientError, `got ${String(err)}; want a MetricsClientError`);
    return err;
  }
  assert.fail('the promise resolved; want a MetricsClientError rejection');
}
