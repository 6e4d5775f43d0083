/**
 * Reading what openapi-fetch hands back. Bodies are read as text and parsed here, not by
 * openapi-fetch, so that a body that is not what the contract promises (a proxy's HTML page, a
 * truncated answer) becomes a MetricsClientError carrying that text instead of a bare SyntaxError.
 */
import { MetricsClientError, networkError, stoppedError } from './errors.js';

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

/** How one call may be stopped early: the caller's signal and the deadline's, as `callSignal` built them. */
export interface CallStop {
  /** The caller's own signal. */
  signal?: AbortSignal | undefined;
  /** The signal of the call's timeoutMs. */
  deadline?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/** The signal to hand fetch for one call: the caller's, the deadline's, or both combined; undefined for neither. */
export function callSignal(stop: CallStop): AbortSignal | undefined {
  const signals = [stop.signal, stop.deadline].filter((s): s is AbortSignal => s !== undefined);
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * Awaits an openapi-fetch call. A rejection means no usable response arrived: the caller's signal
 * (`canceled`) or the call's timeoutMs (`timeout`) stopped it, or the network failed (refused
 * connection, reset while the body streamed), which becomes a `network` MetricsClientError.
 */
export async function receive(operation: string, pending: Promise<FetchResult>, stop: CallStop = {}): Promise<Answer> {
  let result: FetchResult;
  try {
    result = await pending;
  } catch (cause) {
    if (cause instanceof MetricsClientError) throw cause;
    // The caller's own abort wins over a deadline that ran out at the same moment.
    if (stop.signal?.aborted) throw stoppedError(operation, 'canceled', stop.timeoutMs, cause);
    if (stop.deadline?.aborted) throw stoppedError(operation, 'timeout', stop.timeoutMs, cause);
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
