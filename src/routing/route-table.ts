/**
 * The route table: finds a request's operation among the generated operation table's OpenAPI path
 * templates. It replaced @koa/router (issue 6): the router matched every request against a regex
 * per registered layer and ran a koa-compose chain per route, while every path here but one is a
 * fixed string, so the common case is one Map lookup.
 *
 * Matching keeps what the router accepted, so no client that worked before is refused now:
 * literal segments compare case-insensitively, one trailing slash is ignored, and a `{param}`
 * segment matches one non-empty segment, percent-decoded (left as written when it does not decode).
 */

/** One route: a method, an OpenAPI path template, and what the caller attaches to it. */
export interface RouteDef<T> {
  readonly method: string;
  readonly path: string;
  readonly route: T;
}

/** The outcome of a lookup. */
export type RouteLookup<T> =
  | { readonly kind: 'found'; readonly route: T; readonly params: Record<string, string> }
  /** The path is known but not for this method: the routes it has, for 405 and OPTIONS answers. */
  | { readonly kind: 'method'; readonly routes: readonly RouteDef<T>[] }
  | { readonly kind: 'none' };

/** Finds routes by method and raw (still percent-encoded) path. */
export interface RouteTable<T> {
  find(method: string, path: string): RouteLookup<T>;
}

interface Template<T> {
  /** Lower-cased literal segments, or `{ param }` for a parameter. */
  readonly segments: readonly (string | { readonly param: string })[];
  readonly defs: RouteDef<T>[];
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function parseTemplate(path: string): Template<never>['segments'] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      return param ? { param: param[1]! } : segment.toLowerCase();
    });
}

/** Matches `path` against one template; the parameters when it matches. */
function matchTemplate<T>(template: Template<T>, segments: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== template.segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let i = 0; i < segments.length; i++) {
    const want = template.segments[i]!;
    const got = segments[i]!;
    if (typeof want === 'string') {
      if (got.toLowerCase() !== want) return undefined;
    } else {
      if (got === '') return undefined;
      (params ??= {})[want.param] = decodeSegment(got);
    }
  }
  return params ?? NO_PARAMS;
}

/** GET routes answer HEAD too (Koa sends the headers without the body). */
function methodMatches(def: RouteDef<unknown>, method: string): boolean {
  return def.method === method || (method === 'HEAD' && def.method === 'GET');
}

/** Builds the table once at start-up. */
export function createRouteTable<T>(defs: readonly RouteDef<T>[]): RouteTable<T> {
  const templates = new Map<string, Template<T>>();
  for (const def of defs) {
    const template = templates.get(def.path) ?? { segments: parseTemplate(def.path), defs: [] };
    template.defs.push(def);
    templates.set(def.path, template);
  }
  // The fast path: a parameterless route's path exactly as the contract spells it, by method.
  // (Two plain lookups: a `METHOD path` key would build and hash a new string per request.)
  const exact = new Map<string, Map<string, T>>();
  const addExact = (method: string, def: RouteDef<T>) => {
    const paths = exact.get(method) ?? new Map<string, T>();
    paths.set(def.path, def.route);
    exact.set(method, paths);
  };
  for (const def of defs) {
    if (def.path.includes('{')) continue;
    addExact(def.method, def);
    if (def.method === 'GET') addExact('HEAD', def);
  }
  const all = [...templates.values()];

  return {
    find(method, path) {
      const hit = exact.get(method)?.get(path);
      if (hit !== undefined) return { kind: 'found', route: hit, params: NO_PARAMS };

      const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
      const segments = trimmed.split('/').slice(1);
      let known: RouteDef<T>[] | undefined;
      for (const template of all) {
        const params = matchTemplate(template, segments);
        if (!params) continue;
        const def = template.defs.find((d) => methodMatches(d, method));
        if (def) return { kind: 'found', route: def.route, params };
        (known ??= []).push(...template.defs);
      }
      return known ? { kind: 'method', routes: known } : { kind: 'none' };
    },
  };
}
