/**
 * Bounds on the series selectors of one lookup. Each distinct `match[]` value costs the backend
 * memory of its own (VictoriaMetrics compiles and caches every regular expression), so the number
 * of values and their total size per request are capped (LAYER_PROXY_MAX_MATCHERS,
 * LAYER_PROXY_MAX_MATCHER_BYTES); docs/passthrough.md says why the defaults fit Grafana and promtool.
 */
import type { Params } from './params.ts';
import { SelectorLimitError } from './query-length.ts';

/** The caps on one request's `match[]` values. */
export interface MatchLimits {
  /** Most values. */
  maxMatchers: number;
  /** Most UTF-8 bytes of all values together. */
  maxMatcherBytes: number;
}

/** Refuses a request with more `match[]` values, or more bytes of them, than the caps allow. */
export function checkMatchLimits(params: Params, limits: MatchLimits): void {
  const values = params.get('match[]');
  if (values === undefined) return;
  if (values.length > limits.maxMatchers) {
    throw new SelectorLimitError(
      'matchers_over_limit',
      `the request carries ${values.length} match[] selectors; the gateway forwards at most ${limits.maxMatchers} per request (LAYER_PROXY_MAX_MATCHERS): split the lookup into several requests`,
    );
  }
  let bytes = 0;
  for (const value of values) bytes += Buffer.byteLength(value, 'utf8');
  if (bytes > limits.maxMatcherBytes) {
    throw new SelectorLimitError(
      'matchers_over_limit',
      `the request's match[] selectors total ${bytes} bytes; the gateway forwards at most ${limits.maxMatcherBytes} per request (LAYER_PROXY_MAX_MATCHER_BYTES): split the lookup into several requests`,
    );
  }
}
