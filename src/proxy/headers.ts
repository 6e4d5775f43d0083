/**
 * Header allowlists of the passthrough. Allowlists rather than blocklists (vmauth strips only the
 * RFC 7230 section 6.1 hop-by-hop headers and passes the rest): nothing from the client can
 * identify or steer the backend (Authorization, Cookie, Host, X-Forwarded-*), and nothing from the
 * backend can identify it (X-Server-Hostname) or change the gateway's policy (Access-Control-*,
 * Set-Cookie).
 */
import type { IncomingHttpHeaders } from 'node:http';

const REQUEST_HEADERS = ['accept', 'accept-encoding', 'content-type'] as const;
const RESPONSE_HEADERS = ['content-type', 'content-encoding', 'content-length', 'vary', 'retry-after', 'cache-control'] as const;

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** The client headers forwarded to the backend. */
export function forwardRequestHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return pick(headers, REQUEST_HEADERS);
}

/** The backend headers passed back to the client. */
export function forwardResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return pick(headers, RESPONSE_HEADERS);
}
