/**
 * Collapsed forwarding: identical passthrough requests in flight share one backend request and its
 * answer (see shared-answer.ts). Identical means the same backend endpoint (and label name), the
 * same method, the same parameters once decoded (their order and percent-encoding do not matter,
 * the order of a repeated `match[]` does) and the same forwarded headers (Accept-Encoding decides
 * the bytes). The API token is not part of it: an answer depends on the query, not on who asks.
 * A request joins only an answer that is buffered whole so far and under its bound of readers,
 * while its backend request is in flight; a range answer also for LINGER_MS after the backend's
 * last byte (its start and end are pinned, so it does not go stale as an instant query's "now"
 * does, and a dashboard's viewers arrive spread over more than one answer's time). Any other
 * request is forwarded on its own.
 */
import { Dictionary } from '../util/dictionary.ts';
import type { Endpoint } from './endpoints.ts';
import type { AnswerListing, SharedAnswer } from './shared-answer.ts';

/** The most clients that share one backend answer; more identical requests are forwarded on their own. */
export const MAX_SHARED_READERS = 100;

/** How long a complete range answer may still be joined. */
export const LINGER_MS = 1000;

/** The answers in flight that identical requests may join, by coalescing key. */
export interface InFlightAnswers {
  /** A joinable answer to an identical request, if one is in flight. */
  find(key: string): SharedAnswer | undefined;
  /** Offers `answer` to identical requests for as long as it is joinable. */
  add(key: string, answer: SharedAnswer): void;
  readonly size: number;
}

// Every part length-prefixed, a name's with `=` and a value's with `:`: no value, whatever
// characters it holds, can run into the next part or pass for a name.
function part(text: string): string {
  return text.length + ':' + text;
}

function paramPart(name: string, values: readonly string[]): string {
  let out = name.length + '=' + name;
  for (const value of values) out += value.length + ':' + value;
  return out;
}

/** The key under which identical requests share an answer. */
export function coalesceKey(endpoint: Endpoint, labelName: string | undefined, method: string, params: ReadonlyMap<string, readonly string[]>, headers: Readonly<Record<string, string>>): string {
  // Joined with `+`, with no closure per call: built for every passthrough request.
  let key = endpoint + ' ' + part(labelName ?? '') + method + ' ' + part(headers['accept'] ?? '') + part(headers['accept-encoding'] ?? '');
  // The names in sorted order, each the least one after the name before: a route takes a handful
  // of parameters, and a scan of them allocates nothing where a sorted copy of the names would.
  let after: string | undefined;
  for (let left = params.size; left > 0; left--) {
    let least: string | undefined;
    for (const name of params.keys()) if ((after === undefined || name > after) && (least === undefined || name < least)) least = name;
    key += paramPart(least!, params.get(least!)!);
    after = least;
  }
  return key;
}

/** Creates the table of answers in flight. */
export function createInFlightAnswers(): InFlightAnswers {
  // A Dictionary, not a Map: a Map's old tables would keep answers (each with its request, its
  // response and its body) alive long after they were removed (see dictionary.ts).
  const byKey = new Dictionary<SharedAnswer>();
  const listing: AnswerListing = {
    unlist(key, answer) {
      if (byKey.get(key) === answer) byKey.delete(key);
    },
  };
  return {
    get size() {
      return byKey.size;
    },
    find(key) {
      const answer = byKey.get(key);
      if (answer === undefined) return undefined;
      if (answer.joinable) return answer;
      byKey.delete(key);
      return undefined;
    },
    add(key, answer) {
      byKey.set(key, answer);
      answer.listIn(listing, key);
    },
  };
}
