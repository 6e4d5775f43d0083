/**
 * The longest PromQL text the passthrough forwards. VictoriaMetrics refuses a `query` longer than
 * its `-search.maxQueryLen` (16384 bytes of UTF-8 by default, counted after form decoding) with
 * 422, but only after the gateway has scanned it; the gateway refuses it first, before any scan,
 * so a long crafted text costs one length comparison. A `match[]` value is held to the same bound:
 * no query the backend runs is longer, so no lookup needs a longer selector.
 */
import { BadRequestError } from '../errors.ts';
import type { Params } from './params.ts';

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
