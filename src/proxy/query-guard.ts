/**
 * The passthrough's refusals that depend on the query text itself: a form known to crash the
 * backend, and a query in quarantine since the bundled backend crashed. Both answer 400 bad_data.
 */
import { BadRequestError } from '../errors.ts';
import { findKnownCrash } from './known-crash.ts';
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
  return 'write a duration with a unit (ms, s, m, h, d, w, y; m is minutes) or as plain seconds';
}

/** The quarantine key of a request's PromQL and series selectors (`query`, every `match[]`), in order; empty when it has none. */
export function selectorKey(selectors: readonly string[]): string {
  return selectors.join('\n');
}

/**
 * Returns why a request carrying these PromQL texts or series selectors must not reach the
 * backend, or undefined when it may. Each text is scanned on its own; the quarantine is keyed by
 * selectorKey, so a single `query` is keyed by its own text.
 */
export function checkQuery(selectors: readonly string[], quarantine: Quarantine | undefined): QueryRefusal | undefined {
  for (const text of selectors) {
    const crash = findKnownCrash(text);
    if (crash) {
      const message = `the query uses "${crash.text}" (at character ${crash.index + 1}) as a duration; that is a number, not a duration, and the metrics backend crashes on it: ${hintFor(crash.text)}`;
      return { reason: 'known_crash', error: new BadRequestError(message) };
    }
  }
  if (quarantine === undefined) return undefined;
  const query = selectorKey(selectors);
  const until = query === '' ? undefined : quarantine.refusedUntil(query);
  if (until) {
    const message = `this query was in flight when the metrics backend crashed; refused until ${until.toISOString()} in case it caused the crash (fingerprint ${fingerprintOf(query)})`;
    return { reason: 'quarantined', error: new BadRequestError(message) };
  }
  return undefined;
}
