/**
 * The longest PromQL text the passthrough forwards. VictoriaMetrics refuses a `query` longer than
 * its `-search.maxQueryLen` (16384 bytes of UTF-8 by default, counted after form decoding) with
 * 422, but only after the gateway has scanned it; the gateway refuses it first, before any scan.
 * A `match[]` value is held to the same bound: no query the backend runs is longer, so no lookup
 * needs a longer selector.
 *
 * Two checks: the raw size of a request's parameters (its query string and its body's
 * Content-Length, or the body as read) against the most a valid request can take, before the body
 * is read, decoded or looked at; then, once decoded, each value's own length.
 */
import { BadRequestError } from '../errors.ts';
import type { MatchLimits } from './match-limits.ts';
import { PARAM_RULES, type Endpoint, type Params } from './params.ts';

/** vmsingle 1.79's default `-search.maxQueryLen`, which the bundled launcher leaves unchanged. */
export const BUNDLED_MAX_QUERY_LEN = 16_384;

/** Why a request's selectors were refused for their size (the `reason` label of layer_proxy_rejections_total). */
export type SelectorLimitReason = 'query_too_long' | 'matchers_over_limit';

/** A 400 for selectors over a size limit, with the reason it is counted under. */
export class SelectorLimitError extends BadRequestError {
  override name = 'SelectorLimitError';
  constructor(
    readonly reason: SelectorLimitReason,
    message: string,
  ) {
    super(message);
  }
}

/** The query length limit and the setting that names it in messages. */
export interface QueryLengthLimit {
  /** Longest value in UTF-8 bytes. */
  maxBytes: number;
  /** Where the limit comes from, as a client or operator reads it. */
  source: string;
}

/** The limit of the bundled vmsingle or of an external backend (LAYER_VM_MAX_QUERY_LEN). */
export function queryLengthLimit(external: boolean, maxBytes: number): QueryLengthLimit {
  return external
    ? { maxBytes, source: `the backend's -search.maxQueryLen as the gateway is told by LAYER_VM_MAX_QUERY_LEN=${maxBytes}` }
    : { maxBytes: BUNDLED_MAX_QUERY_LEN, source: `the bundled vmsingle's -search.maxQueryLen=${BUNDLED_MAX_QUERY_LEN}` };
}

/** Whether `text` is longer than `maxBytes` in UTF-8, without encoding it when its length decides. */
export function longerThan(text: string, maxBytes: number): boolean {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

/** Refuses a request whose `query` or any `match[]` value is longer than the backend accepts. */
export function checkQueryLength(params: Params, limit: QueryLengthLimit): void {
  for (const name of ['query', 'match[]']) {
    for (const value of params.get(name) ?? []) {
      if (!longerThan(value, limit.maxBytes)) continue;
      const bytes = Buffer.byteLength(value, 'utf8');
      throw new SelectorLimitError(
        'query_too_long',
        `parameter "${name}" is ${bytes} bytes long; the metrics backend runs queries of at most ${limit.maxBytes} bytes (${limit.source}): shorten it, for example with a regular expression instead of a long list of alternatives`,
      );
    }
  }
}

// Raw bytes the parameters other than `query` and `match[]` take together, names, `=` and `&`
// included: time, start, end, step, timeout, limit and the like are short numbers or durations.
const OTHER_PARAMS_BYTES = 4096;
// Raw bytes of one `match[]` value besides the value itself: `&match%5B%5D=`.
const MATCH_NAME_BYTES = 16;
// A decoded byte is at most three raw ones (`%XX`).
const ENCODED_BYTES_PER_BYTE = 3;

/** The most raw bytes of parameters a valid request to one endpoint takes, and what to say above it. */
export interface RawParamsBound {
  maxBytes: number;
  reason: SelectorLimitReason;
  /** The limits the bound comes from, as the client is told. */
  limits: string;
  /** What the client can do. */
  advice: string;
}

/**
 * The raw bound of `endpoint`: every selector it accepts at its longest, fully percent-encoded,
 * plus room for the other parameters. A request above it breaks a selector limit whatever it holds.
 */
export function rawParamsBound(endpoint: Endpoint, queryLength: QueryLengthLimit, match: MatchLimits): RawParamsBound {
  const allowed = PARAM_RULES[endpoint].allowed;
  let maxBytes = OTHER_PARAMS_BYTES;
  const limits: string[] = [];
  if (allowed.has('query')) {
    maxBytes += ENCODED_BYTES_PER_BYTE * queryLength.maxBytes;
    limits.push(`a query of at most ${queryLength.maxBytes} bytes (${queryLength.source})`);
  }
  if (allowed.has('match[]')) {
    maxBytes += ENCODED_BYTES_PER_BYTE * match.maxMatcherBytes + MATCH_NAME_BYTES * match.maxMatchers;
    limits.push(`at most ${match.maxMatchers} match[] selectors of ${match.maxMatcherBytes} bytes together (LAYER_PROXY_MAX_MATCHERS, LAYER_PROXY_MAX_MATCHER_BYTES)`);
  }
  const lookup = allowed.has('match[]');
  return {
    maxBytes,
    reason: lookup ? 'matchers_over_limit' : 'query_too_long',
    limits: limits.join(' and ') || 'no selectors',
    advice: lookup ? 'send fewer or shorter selectors' : 'shorten the query',
  };
}

/** Refuses a request whose query string and body take more raw bytes than `bound` allows; nothing of them is decoded. */
export function checkRawParamsSize(bytes: number, bound: RawParamsBound): void {
  if (bytes <= bound.maxBytes) return;
  throw new SelectorLimitError(
    bound.reason,
    `the request's parameters take ${bytes} bytes, more than ${bound.maxBytes}, the most that ${bound.limits} can take even fully percent-encoded: ${bound.advice}`,
  );
}
