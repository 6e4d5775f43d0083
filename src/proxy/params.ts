/**
 * Validation of the passthrough's parameters, read from the raw query string and the raw form body
 * without re-encoding them: the gateway forwards the client's bytes, so it only has to decide
 * whether to forward them at all.
 */
import { BadRequestError } from '../errors.ts';

/** The two backend endpoints the passthrough reaches; nothing else is ever requested upstream. */
export type Endpoint = 'query' | 'query_range';

// Prometheus's own parameters plus the read parameters VictoriaMetrics' own clients send.
const COMMON = ['query', 'timeout', 'limit', 'lookback_delta', 'stats', 'nocache', 'round_digits', 'latency_offset', 'max_lookback'];

/** Parameters accepted per endpoint. */
export const ALLOWED_PARAMS: Readonly<Record<Endpoint, ReadonlySet<string>>> = {
  query: new Set([...COMMON, 'time', 'step']),
  query_range: new Set([...COMMON, 'start', 'end', 'step']),
};

/** Parameters refused on purpose, with the reason the client is told. */
const REFUSED: Readonly<Record<string, string>> = {
  trace: 'query tracing exposes the backend\'s internals and is not offered through the gateway',
  extra_label: 'it would widen what a query sees',
  'extra_filters[]': 'it would widen what a query sees',
  extra_filters: 'it would widen what a query sees',
};

/** Required per endpoint (openapi.yaml marks them required). */
const REQUIRED: Readonly<Record<Endpoint, readonly string[]>> = {
  query: ['query'],
  query_range: ['query', 'start', 'step'],
};

/** Decodes one form-encoded component; `null` when its percent-encoding or UTF-8 is malformed. */
function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
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

/**
 * Checks the parameters of one passthrough request: decodable, each given once (in the URL or the
 * body, not both), known for the endpoint, and the required ones present. Returns the decoded
 * parameters; throws a 400 saying what to fix.
 */
export function checkParams(endpoint: Endpoint, rawQuery: string, rawBody: string | undefined): Map<string, string> {
  const fromUrl = decodePairs(rawQuery, 'query string');
  const fromBody = rawBody === undefined ? [] : decodePairs(rawBody, 'request body');

  const params = new Map<string, string>();
  const allowed = ALLOWED_PARAMS[endpoint];
  for (const [name, value] of [...fromUrl, ...fromBody]) {
    const refused = REFUSED[name];
    if (refused !== undefined) throw new BadRequestError(`parameter "${name}" is not accepted: ${refused}`);
    if (!allowed.has(name)) {
      throw new BadRequestError(`unknown parameter "${name.slice(0, 64)}" for /api/v1/${endpoint}; accepted: ${[...allowed].join(', ')}`);
    }
    if (params.has(name)) {
      throw new BadRequestError(`parameter "${name}" is given more than once (in the URL, the body, or both); give it once`);
    }
    // A line break is whitespace in PromQL, but in any other parameter it is a smuggling attempt.
    if (name !== 'query' && /[\r\n]/.test(value)) {
      throw new BadRequestError(`parameter "${name}" contains a line break; remove it`);
    }
    params.set(name, value);
  }
  for (const name of REQUIRED[endpoint]) {
    if (!params.get(name)) throw new BadRequestError(`missing required parameter "${name}" for /api/v1/${endpoint}`);
  }
  return params;
}
