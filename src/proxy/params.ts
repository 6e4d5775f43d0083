/**
 * Validation of the passthrough's parameters, read from the raw query string and the raw form body
 * without re-encoding them: the gateway forwards the client's bytes, so it only has to decide
 * whether to forward them at all.
 */
import { BadRequestError } from '../errors.ts';
import { queryParameters, type QueryParameterSpec } from '../generated/query-params.ts';
import { routeOf, type Endpoint } from './endpoints.ts';

export type { Endpoint } from './endpoints.ts';

/** What one endpoint accepts. */
interface ParamRules {
  /** Every accepted parameter. */
  allowed: ReadonlySet<string>;
  /** Present and non-empty in every request (openapi.yaml marks them required). */
  required: readonly string[];
  /** Lists: may be given any number of times. Every other parameter is given at most once. */
  repeatable: ReadonlySet<string>;
}

/** Parameters that carry PromQL or series selectors: line breaks allowed, the crash scan applies. */
export const SELECTOR_PARAMS: ReadonlySet<string> = new Set(['query', 'match[]']);

// The operation of openapi.yaml whose query parameters each endpoint accepts (its GET form; the
// POST form and the alias path take the same ones).
const OPERATION_OF: Readonly<Record<Endpoint, keyof typeof queryParameters>> = {
  query: 'queryInstant',
  query_range: 'queryRange',
  labels: 'labelNames',
  label_values: 'labelValues',
  series: 'series',
  query_exemplars: 'queryExemplars',
  metadata: 'metadata',
};

/** Parameters accepted, required and repeatable per endpoint, as openapi.yaml declares them. */
export const PARAM_RULES: Readonly<Record<Endpoint, ParamRules>> = Object.fromEntries(
  Object.entries(OPERATION_OF).map(([endpoint, operationId]) => {
    const spec: QueryParameterSpec = queryParameters[operationId];
    const rules: ParamRules = { allowed: new Set(spec.allowed), required: spec.required, repeatable: new Set(spec.repeatable) };
    return [endpoint, rules];
  }),
) as Record<Endpoint, ParamRules>;

/** Parameters refused on purpose, with the reason the client is told. */
const REFUSED: Readonly<Record<string, string>> = {
  trace: 'query tracing exposes the backend\'s internals and is not offered through the gateway',
  extra_label: 'it would widen what a query sees',
  'extra_filters[]': 'it would widen what a query sees',
  extra_filters: 'it would widen what a query sees',
};

/** Decodes one form-encoded component; `null` when its percent-encoding or UTF-8 is malformed. */
function decodeComponent(raw: string): string | null {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  // Without a `%` there is nothing to decode and nothing malformed: most names and many values.
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

/** Splits a raw `a=1&b=2` string into decoded pairs; throws a 400 naming the malformed part. */
function decodePairs(raw: string, where: string): [string, string][] {
  // Go's url.ParseQuery, which the backend parses with, refuses a pair holding a raw `;` and the
  // backend then drops that pair without a word (https://github.com/golang/go/issues/25192).
  if (raw.includes(';')) {
    throw new BadRequestError(`the ${where} contains a raw ";", which the metrics backend would silently drop with its parameter; percent-encode it as %3B (encodeURIComponent or curl --data-urlencode)`);
  }
  const pairs: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const name = decodeComponent(rawName);
    const value = decodeComponent(eq === -1 ? '' : part.slice(eq + 1));
    if (name === null || value === null) {
      const shown = (name ?? rawName).slice(0, 40);
      throw new BadRequestError(`malformed percent-encoding or UTF-8 in the ${where} near "${shown}"; encode parameters with encodeURIComponent or curl --data-urlencode`);
    }
    pairs.push([name, value]);
  }
  return pairs;
}

/** A request's decoded parameters: a list per name, in the order given (one element unless repeatable). */
export type Params = Map<string, string[]>;

/**
 * Checks the parameters of one passthrough request: decodable, each given once (in the URL or the
 * body, not both) unless it is a list, known for the endpoint, and the required ones present.
 * Returns the decoded parameters; throws a 400 saying what to fix.
 */
export function checkParams(endpoint: Endpoint, rawQuery: string, rawBody: string | undefined): Params {
  const pairs = decodePairs(rawQuery, 'query string');
  if (rawBody !== undefined) for (const pair of decodePairs(rawBody, 'request body')) pairs.push(pair);

  const params: Params = new Map();
  const rules = PARAM_RULES[endpoint];
  for (const [name, value] of pairs) {
    const refused = REFUSED[name];
    if (refused !== undefined) throw new BadRequestError(`parameter "${name}" is not accepted: ${refused}`);
    if (!rules.allowed.has(name)) {
      throw new BadRequestError(`unknown parameter "${name.slice(0, 64)}" for ${routeOf(endpoint)}; accepted: ${[...rules.allowed].join(', ')}`);
    }
    const seen = params.get(name);
    if (seen && !rules.repeatable.has(name)) {
      throw new BadRequestError(`parameter "${name}" is given more than once (in the URL, the body, or both); give it once`);
    }
    // A line break is whitespace in PromQL, but in any other parameter it is a smuggling attempt.
    if (!SELECTOR_PARAMS.has(name) && /[\r\n]/.test(value)) {
      throw new BadRequestError(`parameter "${name}" contains a line break; remove it`);
    }
    if (seen) seen.push(value);
    else params.set(name, [value]);
  }
  for (const name of rules.required) {
    if (!params.get(name)?.some((value) => value !== '')) throw new BadRequestError(`missing required parameter "${name}" for ${routeOf(endpoint)}`);
  }
  return params;
}
