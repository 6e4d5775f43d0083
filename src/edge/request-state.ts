/**
 * What the gateway's request steps (tracking, the token check, the router binding, error
 * rendering, the handlers) share about one request through Koa's `ctx.state`.
 */
import type { Operation } from '../generated/routes.ts';

/** A step told when the request's response closes (answered, or the client gone). */
export interface CloseWatcher {
  onClose(): void;
}

/** The gateway's per-request `ctx.state`. */
export interface GatewayState {
  requestId: string;
  /** The operation the router matched; unset for unknown routes. */
  operation?: Operation;
  /** Error format when no operation matched (a 405 on a query path still answers Prometheus-style). */
  errors?: 'prometheus' | 'json';
  /** Short non-secret id of the API token the request carried (set by the token check). */
  tokenId?: string;
  /**
   * Told when the response closes, by request tracking's one 'close' listener, after it recorded
   * the request: a step that must know when the client leaves sets itself here and adds no
   * listener of its own. Tracking sets it to null first; undefined means nothing will tell it.
   */
  closeWatcher?: CloseWatcher | null;
}
