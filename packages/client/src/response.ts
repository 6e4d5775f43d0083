/**
 * Reading what openapi-fetch hands back. Bodies are read as text and parsed here, not by
 * openapi-fetch, so that a body that is not what the contract promises (a proxy's HTML page, a
 * truncated answer) becomes a MetricsClientError carrying that text instead of a bare SyntaxError.
 */
import { MetricsClientError, networkError } from './errors.js';

/** A response and its body: parsed when it is JSON, the text otherwise, undefined when empty. */
export interface Answer {
  response: Response;
  body: unknown;
  /** The raw text of a 2xx body (undefined for an error answer or an empty body). */
  text: string | undefined;
}

/** What an openapi-fetch call resolves with when asked for `parseAs: 'text'`. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function parseJsonOrText(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Awaits an openapi-fetch call. Every rejection means no usable response arrived (refused
 * connection, reset while the body streamed, abort), so it becomes a `network` MetricsClientError.
 */
export async function receive(operation: string, pending: Promise<FetchResult>): Promise<Answer> {
  let result: FetchResult;
  try {
    result = await pending;
  } catch (cause) {
    if (cause instanceof MetricsClientError) throw cause;
    throw networkError(operation, cause);
  }
  const { response } = result;
  if (response.ok) {
    const text = typeof result.data === 'string' ? result.data : undefined;
    return { response, body: parseJsonOrText(text), text };
  }
  // openapi-fetch has already tried JSON.parse on error bodies and kept the text when it failed.
  return { response, body: result.error === '' ? undefined : result.error, text: undefined };
}
