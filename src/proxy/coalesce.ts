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
import { Dictionary, type DictionaryEntry, type KeyKind } from '../util/dictionary.ts';
import type { Endpoint } from './endpoints.ts';
import type { AnswerListing, SharedAnswer } from './shared-answer.ts';

/** The most clients that share one backend answer; more identical requests are forwarded on their own. */
export const MAX_SHARED_READERS = 100;

/** How long a complete range answer may still be joined. */
export const LINGER_MS = 1000;

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

/** The canonical text of a coalescing key: equal for identical requests, and only for them. */
export function coalesceKey(endpoint: Endpoint, labelName: string | undefined, method: string, params: ReadonlyMap<string, readonly string[]>, headers: Readonly<Record<string, string>>): string {
  // Joined with `+`, with no closure per call.
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

// Per process, so that no set of requests collides in every process.
const SEED = (Math.random() * 0x1_0000_0000) >>> 0;

// 32-bit FNV-1a steps over a text's UTF-16 code units, then its length.
function mixText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ text.length, 0x01000193);
}

/**
 * The key under which identical requests share an answer. Its hash is computed from the request's
 * parts as they are, with parameters combined in any order; its canonical text (`coalesceKey`) is
 * built only to tell two keys of equal hash apart. A request that finds no identical one in flight,
 * the common case, never builds it.
 */
export class CoalesceKey {
  readonly hash: number;
  private canonical: string | undefined = undefined;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly labelName: string | undefined,
    private readonly method: string,
    private readonly params: ReadonlyMap<string, readonly string[]>,
    private readonly headers: Readonly<Record<string, string>>,
  ) {
    let hash = mixText(SEED ^ 0x811c9dc5, endpoint);
    hash = mixText(hash, labelName ?? '');
    hash = mixText(hash, method);
    hash = mixText(hash, headers['accept'] ?? '');
    hash = mixText(hash, headers['accept-encoding'] ?? '');
    // A sum of each parameter's hash: the same whatever order the parameters came in.
    let sum = 0;
    for (const [name, values] of params) {
      let one = mixText(SEED, name);
      for (let i = 0; i < values.length; i++) one = mixText(one, values[i]!);
      sum = (sum + one) | 0;
    }
    this.hash = Math.imul(hash ^ sum, 0x01000193) >>> 0;
  }

  /** The canonical text, built once when first needed. */
  get text(): string {
    return (this.canonical ??= coalesceKey(this.endpoint, this.labelName, this.method, this.params, this.headers));
  }

  equals(other: CoalesceKey): boolean {
    return this.hash === other.hash && this.text === other.text;
  }
}

const COALESCE_KEYS: KeyKind<CoalesceKey> = { hash: (key) => key.hash, equal: (a, b) => a.equals(b) };

/** Where an answer in flight is listed: removed by this handle once it can no longer be joined. */
type Listed = DictionaryEntry<CoalesceKey, SharedAnswer>;

/** The answers in flight that identical requests may join, by coalescing key. */
export interface InFlightAnswers {
  /** A joinable answer to an identical request, if one is in flight. */
  find(key: CoalesceKey): SharedAnswer | undefined;
  /** Offers `answer` to identical requests for as long as it is joinable. */
  add(key: CoalesceKey, answer: SharedAnswer): void;
  readonly size: number;
}

/** Creates the table of answers in flight. */
export function createInFlightAnswers(): InFlightAnswers {
  // A Dictionary, not a Map: a Map's old tables would keep answers (each with its request, its
  // response and its body) alive long after they were removed (see dictionary.ts).
  const byKey = new Dictionary<CoalesceKey, SharedAnswer>(COALESCE_KEYS);
  const listing: AnswerListing<Listed> = {
    // The entry itself: no second hash of the key, and no comparison of its text.
    unlist(listed, answer) {
      if (listed.value === answer) byKey.remove(listed);
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
      answer.listIn(listing, byKey.set(key, answer));
    },
  };
}
