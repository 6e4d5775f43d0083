/**
 * Edge auth: the request must carry an accepted API token in the Authorization header, either
 * as `Bearer <token>` (RFC 6750) or as HTTP Basic credentials (RFC 7617) for clients that only
 * speak Basic. With Basic, the token is the password when a password is given (promtool's
 * `basic_auth` and Grafana's data source put secrets there, with any user name) and the user name
 * when the password is empty (`curl -u <token>:`).
 */
import { hash } from 'node:crypto';
import type { Context } from 'koa';
import type { TokenStore } from '../auth/token-store.ts';
import { UnauthorizedError } from '../errors.ts';
import type { GatewayState } from './request-state.ts';

/** Why a request was refused; the values of layer_auth_failures_total's `reason` label. */
export type AuthFailureReason = 'missing' | 'malformed' | 'invalid' | 'query_string';

// RFC 6750 section 2.3 defines access_token; the others are what clients commonly try. URLs land
// in access logs, proxies and browser history, so a token there is refused even when valid.
const QUERY_TOKEN_PARAMS = new Set(['access_token', 'token', 'api_key', 'apikey']);

const HOW = 'send Authorization: Bearer <token>; tokens come from LAYER_API_TOKENS or LAYER_API_TOKENS_FILE, or, when neither is set, from the file the gateway generated: api-token in its data directory (LAYER_DATA_DIR)';

// Only fixed texts: a message must never echo any part of the header, which may be the token.
const MESSAGES: Record<Exclude<AuthFailureReason, 'query_string'>, string> = {
  missing: `this route requires an API token: ${HOW}`,
  malformed: `the Authorization header cannot be read: ${HOW}`,
  invalid: `the API token is not valid (unknown or revoked): ${HOW}`,
};

type Parsed = { token: string } | { problem: string };

// A parameter name (the text before '=') that spells one of them, or is percent-encoded and might.
// Values are not looked at: PromQL in `query=` is nearly always percent-encoded.
const MAY_CARRY_TOKEN = /(?:^|&)[^=&]*(?:token|api_?key|%)/i;

/** The name of the first token-carrying parameter in a raw query string, if any. */
function tokenParamIn(querystring: string): string | undefined {
  // Most query strings cannot name such a parameter, even percent-encoded: skip decoding them.
  if (!MAY_CARRY_TOKEN.test(querystring)) return undefined;
  for (const pair of querystring.split('&')) {
    const rawName = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName; // bad percent-encoding: compare it as written
    }
    name = name.toLowerCase();
    if (QUERY_TOKEN_PARAMS.has(name)) return name;
  }
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

function parseBasic(credentials: string): Parsed {
  if (!BASE64.test(credentials)) return { problem: 'Basic credentials are not base64' };
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  // RFC 7617 section 2: the user-id cannot contain ':', so the first ':' splits user and password.
  const colon = decoded.indexOf(':');
  if (colon === -1) return { problem: "Basic credentials lack the ':' between user and password" };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const token = password !== '' ? password : user;
  return token === '' ? { problem: 'Basic credentials carry no token' } : { token };
}

/** Extracts the token from an Authorization header value. */
function parseAuthorization(header: string): Parsed {
  // RFC 9110 section 11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ];
  // the scheme is case-insensitive.
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +(.*))?$/.exec(header.trim());
  if (!match) return { problem: 'no scheme' };
  const scheme = match[1]!.toLowerCase();
  const credentials = (match[2] ?? '').trim();
  if (scheme !== 'bearer' && scheme !== 'basic') return { problem: 'unsupported scheme' };
  if (credentials === '') return { problem: 'empty credentials' };
  if (scheme === 'basic') return parseBasic(credentials);
  if (/\s/.test(credentials)) return { problem: 'a Bearer token has no whitespace' };
  return { token: credentials };
}

/** The Authorization header a connection last presented with success, under which token generation, and its token's id. */
interface Verified {
  header: string;
  generation: number;
  tokenId: string;
}

/**
 * A short id that names a token in logs and per-token limits without revealing it: the first 8 hex
 * digits of its SHA-256 (the digest the token store keeps). Bearer and Basic carrying the same
 * token get the same id.
 */
export function tokenIdOf(token: string): string {
  return hash('sha256', token, 'hex').slice(0, 8);
}

/**
 * Checks a request's credentials, throwing the 401 to answer when there is no accepted token and
 * calling `onFailure(reason)` once per refusal (the app counts them in layer_auth_failures_total).
 * Synchronous, so the app can run it inline rather than as one more middleware layer.
 *
 * A keep-alive connection that presents the same Authorization header again, under the same token
 * generation, passes without hashing it again: keep-alive clients (Grafana, promtool, scripts)
 * send the same header on every request, and hashing and comparing it is a measurable share of a
 * small request's CPU. The plain string comparison only ever compares what this connection sent with
 * what the same connection sent before, so its timing reveals nothing the client did not already
 * know; a different header, or a token set changed by a reload (SIGHUP), gets the full check.
 */
export function createTokenCheck(store: TokenStore, onFailure: (reason: AuthFailureReason) => void): (ctx: Context) => void {
  const verified = new WeakMap<object, Verified>();

  function refuse(reason: AuthFailureReason, message: string): never {
    onFailure(reason);
    throw new UnauthorizedError(message);
  }

  return (ctx) => {
    const param = tokenParamIn(ctx.querystring);
    if (param !== undefined) {
      refuse(
        'query_string',
        `credentials in the URL (query parameter "${param}") are refused because URLs end up in logs; ` +
          `remove the parameter and send the token in the Authorization header instead: ${HOW}`,
      );
    }
    const header = ctx.req.headers.authorization ?? '';
    if (header === '') refuse('missing', MESSAGES.missing);
    const socket = ctx.req.socket;
    const known = verified.get(socket);
    if (known !== undefined && known.header === header && known.generation === store.generation) {
      (ctx.state as GatewayState).tokenId = known.tokenId;
      return;
    }
    const parsed = parseAuthorization(header);
    if ('problem' in parsed) refuse('malformed', `${MESSAGES.malformed} (${parsed.problem})`);
    const generation = store.generation;
    if (!store.verify(parsed.token)) {
      verified.delete(socket);
      refuse('invalid', MESSAGES.invalid);
    }
    const tokenId = tokenIdOf(parsed.token);
    (ctx.state as GatewayState).tokenId = tokenId;
    verified.set(socket, { header, generation, tokenId });
  };
}
