/**
 * The passthrough's refusals that depend on the query text itself, for the bundled backend only
 * (VictoriaMetrics 1.79): a form known to crash it, and a query in quarantine since it panicked.
 * Both answer 400 bad_data. An external backend is neither scanned nor quarantined: its version is
 * not known (1.93 answers these forms with its own 422), and its crashes are not seen.
 */
import { BadRequestError } from '../errors.ts';
import { canonicalQuery } from './canonical-query.ts';
import { findKnownCrash } from './known-crash.ts';
import { evaluatesAsDuration } from './metricsql-duration.ts';
import { fingerprintOf, type Quarantine } from './quarantine.ts';

/** Why a query was refused (the `reason` label of layer_proxy_rejections_total). */
export type QueryRefusalReason = 'known_crash' | 'quarantined';

/** A refused query: the reason to count and the error to answer. */
export interface QueryRefusal {
  reason: QueryRefusalReason;
  error: BadRequestError;
}

/** How to write what the client meant, by the suffix it used. */
function hintFor(text: string): string {
  if (/^[0-9.]+M$/.test(text)) {
    return `use m for minutes (${text.slice(0, -1)}m); MetricsQL has no month unit (M is the number suffix 1e6), so write a month as 30d`;
  }
  if (evaluatesAsDuration(text)) return 'write a subquery step as one positive duration, without a negative part (55m rather than 1h-5m)';
  if (/^[0-9]+(?:\.[0-9]*)?(?:ms|[smhdwyi])/.test(text)) return 'give every part of a duration a number and a unit (1h5m, 1h-5m), and keep it under 292 years';
  return 'write a duration with a unit (ms, s, m, h, d, w, y; m is minutes) or as plain seconds';
}

/**
 * The quarantine key of a request's PromQL and series selectors (`query`, every `match[]`), in
 * order, each in canonical form (whitespace, comments and keyword case do not count); empty when it has none.
 */
export function selectorKey(selectors: readonly string[]): string {
  return selectors.map(canonicalQuery).join('\n');
}

/** Where the scan comes from; tests replace it to let a crashing query reach the real backend. */
export const scanner = { findKnownCrash };

/**
 * Returns why a request carrying these PromQL texts or series selectors must not reach the
 * bundled backend, or undefined when it may. `quarantine` is the bundled backend's; without it
 * (an external backend) nothing is refused. Each text is scanned on its own; the quarantine is
 * keyed by selectorKey, given as `key` when the caller has it already.
 */
export function checkQuery(selectors: readonly string[], quarantine: Quarantine | undefined, key?: string): QueryRefusal | undefined {
  if (quarantine === undefined) return undefined;
  for (const text of selectors) {
    const crash = scanner.findKnownCrash(text);
    if (crash) {
      const message =
        `the query uses "${crash.text}" (at character ${crash.index + 1}) where a duration belongs, and the bundled metrics backend ` +
        `(VictoriaMetrics 1.79) crashes on it: ${hintFor(crash.text)}`;
      return { reason: 'known_crash', error: new BadRequestError(message) };
    }
  }
  const query = key ?? selectorKey(selectors);
  const until = query === '' ? undefined : quarantine.refusedUntil(query);
  if (until) {
    const message = `this query was in flight when the metrics backend crashed; refused until ${until.toISOString()} in case it caused the crash (fingerprint ${fingerprintOf(query)})`;
    return { reason: 'quarantined', error: new BadRequestError(message) };
  }
  return undefined;
}
