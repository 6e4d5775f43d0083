/**
 * How the router matches paths. Literal segments compare case-insensitively and one trailing
 * slash is ignored, as clients of the gateway have always been served (`/V2/metrics/catalog/`
 * finds the catalog); a `{param}` segment matches one non-empty segment, percent-decoded by the
 * router (left as written when it does not decode).
 */
import type { RouterOptions } from '@koa/router';

/** The options every router of the gateway is built with. */
export const routerOptions: RouterOptions = Object.freeze({
  /** Literal path segments match in any case. (default: false) */
  sensitive: false,
  /** One trailing slash is ignored. (default: false) */
  strict: false,
  /** Only the last registered route for a method and path runs; every operation has one. (default: false) */
  exclusive: true,
});
