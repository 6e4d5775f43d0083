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
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['trace', 'query tracing exposes the backend\'s internals and is not offered through the gateway'],
  ['extra_label', 'it would widen what a query sees'],
  ['extra_filters[]', 'it would widen what a query sees'],
  ['extra_filters', 'it would widen what a query sees'],
]);

const LINE_BREAK = /[\r\n]/;

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

/** Adds one decoded parameter to `params`; returns what is wrong with it instead, if anything. */
function addParam(endpoint: Endpoint, params: Params, name: string, value: string): string | undefined {
  const refused = REFUSED.get(name);
  if (refused !== undefined) return `parameter "${name}" is not accepted: ${refused}`;
  const rules = PARAM_RULES[endpoint];
  if (!rules.allowed.has(name)) return `unknown parameter "${name.slice(0, 64)}" for ${routeOf(endpoint)}; accepted: ${[...rules.allowed].join(', ')}`;
  const seen = params.get(name);
  if (seen && !rules.repeatable.has(name)) return `parameter "${name}" is given more than once (in the URL, the body, or both); give it once`;
  // A line break is whitespace in PromQL, but in any other parameter it is a smuggling attempt.
  if (!SELECTOR_PARAMS.has(name) && LINE_BREAK.test(value)) return `parameter "${name}" contains a line break; remove it`;
  if (seen) seen.push(value);
  else params.set(name, [value]);
  return undefined;
}

/**
 * Decodes a raw `a=1&b=2` string into `params`, in one pass with no list of pairs. Malformed
 * encoding throws a 400 at once; the first other problem is returned (after `problem`, the one
 * found before), so that every part is still decoded and malformed encoding anywhere is the
 * answer, as the backend's parser would refuse it first.
 */
function decodeInto(raw: string, where: string, endpoint: Endpoint, params: Params, problem: string | undefined): string | undefined {
  // Go's url.ParseQuery, which the backend parses with, refuses a pair holding a raw `;` and the
  // backend then drops that pair without a word (https://github.com/golang/go/issues/25192).
  if (raw.includes(';')) {
    throw new BadRequestError(`the ${where} contains a raw ";", which the metrics backend would silently drop with its parameter; percent-encode it as %3B (encodeURIComponent or curl --data-urlencode)`);
  }
  // The next `=` at or after `start` (or the end): looked up again only once passed, so a string of
  // parts without one is scanned once, not once per part.
  let eq = -1;
  for (let start = 0; start <= raw.length; ) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = raw.length;
    if (end > start) {
      if (eq < start) {
        eq = raw.indexOf('=', start);
        if (eq === -1) eq = raw.length;
      }
      const nameEnd = eq > end ? end : eq;
      const rawName = raw.slice(start, nameEnd);
      const name = decodeComponent(rawName);
      const value = nameEnd === end ? '' : decodeComponent(raw.slice(nameEnd + 1, end));
      if (name === null || value === null) {
        const shown = (name ?? rawName).slice(0, 40);
        throw new BadRequestError(`malformed percent-encoding or UTF-8 in the ${where} near "${shown}"; encode parameters with encodeURIComponent or curl --data-urlencode`);
      }
      if (problem === undefined) problem = addParam(endpoint, params, name, value);
    }
    start = end + 1;
  }
  return problem;
}

/** A request's decoded parameters: a list per name, in the order given (one element unless repeatable). */
export type Params = Map<string, string[]>;

/**
 * Checks the parameters of one passthrough request: decodable, each given once (in the URL or the
 * body, not both) unless it is a list, known for the endpoint, and the required ones present.
 * Returns the decoded parameters; throws a 400 saying what to fix.
 */
export function checkParams(endpoint: Endpoint, rawQuery: string, rawBody: string | undefined): Params {
  const params: Params = new Map();
  let problem = decodeInto(rawQuery, 'query string', endpoint, params, undefined);
  if (rawBody !== undefined) problem = decodeInto(rawBody, 'request body', endpoint, params, problem);
  if (problem !== undefined) throw new BadRequestError(problem);
  for (const name of PARAM_RULES[endpoint].required) {
    if (!hasValue(params.get(name))) throw new BadRequestError(`missing required parameter "${name}" for ${routeOf(endpoint)}`);
  }
  return params;
}

/** Whether a parameter was given with a value that is not empty. */
function hasValue(values: readonly string[] | undefined): boolean {
  if (values === undefined) return false;
  for (const value of values) if (value !== '') return true;
  return false;
}
