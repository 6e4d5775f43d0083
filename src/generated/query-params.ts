/**
 * GENERATED from openapi.yaml by `npm run generate`. Do not edit by hand:
 * change openapi.yaml and run `npm run generate` again.
 */

/** The query parameters of one operation. */
export interface QueryParameterSpec {
  /** Every accepted name, in the contract's order. */
  readonly allowed: readonly string[];
  /** Names the contract marks required. */
  readonly required: readonly string[];
  /** Names with an array schema (`match[]`): given any number of times. */
  readonly repeatable: readonly string[];
}

/** The query parameters of every operation that declares any, keyed by operationId, in document order. */
export const queryParameters = {
  queryInstant: {"allowed":["query","time","timeout","limit","lookback_delta","stats","step","nocache","round_digits","latency_offset","max_lookback"],"required":["query"],"repeatable":[]},
  queryInstantAlias: {"allowed":["query","time","timeout","limit","lookback_delta","stats","step","nocache","round_digits","latency_offset","max_lookback"],"required":["query"],"repeatable":[]},
  queryRange: {"allowed":["query","start","end","step","timeout","limit","lookback_delta","stats","nocache","round_digits","latency_offset","max_lookback"],"required":["query","start","step"],"repeatable":[]},
  queryRangeAlias: {"allowed":["query","start","end","step","timeout","limit","lookback_delta","stats","nocache","round_digits","latency_offset","max_lookback"],"required":["query","start","step"],"repeatable":[]},
  labelNames: {"allowed":["match[]","start","end","limit"],"required":[],"repeatable":["match[]"]},
  labelValues: {"allowed":["match[]","start","end","limit"],"required":[],"repeatable":["match[]"]},
  series: {"allowed":["match[]","start","end","limit"],"required":["match[]"],"repeatable":["match[]"]},
  queryExemplars: {"allowed":["query","start","end"],"required":["query"],"repeatable":[]},
  metadata: {"allowed":["metric","limit","limit_per_metric"],"required":[],"repeatable":[]},
  getRules: {"allowed":["type"],"required":[],"repeatable":[]},
} as const satisfies Record<string, QueryParameterSpec>;
