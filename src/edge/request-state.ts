/**
 * What the gateway's request steps (tracking, the token check, the router binding, error
 * rendering, the handlers) share about one request through Koa's `ctx.state`.
 */
import type { Operation } from '../generated/routes.ts';

/** The gateway's per-request `ctx.state`. */
export interface GatewayState {
  requestId: string;
  /** The operation the router matched; unset for unknown routes. */
  operation?: Operation;
  /** Error format when no operation matched (a 405 on a query path still answers Prometheus-style). */
  errors?: 'prometheus' | 'json';
  /** Short non-secret id of the API token the request carried (set by the token check). */
  tokenId?: string;
}
