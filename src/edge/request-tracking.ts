/**
 * The first thing done to every request: give it an id, and once the response is done record it in
 * layer_http_requests_total / layer_http_request_duration_seconds and the access log. Routes are
 * labelled by template, never by raw path, so labels stay bounded. The id and the Server header go
 * on the response when its head is written (see `identify`), not here.
 */
import type { Context } from 'koa';
import type { BatchedUpdate, MetricBatch } from '../metrics/batch.ts';
import type { HttpMethod, HttpRoute } from '../metrics/http-labels.ts';
import { httpMethodLabel, httpRouteLabel } from '../metrics/http-labels.ts';
import type { MetricHandles } from '../generated/metrics.ts';
import type { AccessEntry, Logger } from '../logger.ts';
import { nextRequestId } from '../util/request-id.ts';
import type { GatewayState } from './request-state.ts';

// Accept a caller's id only when it is short and plain, so it cannot forge log lines.
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The Server header of every response. */
export const SERVER_NAME = 'layer-metrics-gateway';

/**
 * Sets X-Request-Id and Server on a response whose head is still to be written. Left out of
 * tracking on purpose: with no header set before it, the passthrough writes the backend's head in
 * one `writeHead` with the two fields in its own list (`identityFields`), and Node takes its fast
 * path instead of merging every field into the response's header map one by one.
 */
export function identify(ctx: Context): void {
  const res = ctx.res;
  if (res.headersSent) return;
  res.setHeader('X-Request-Id', (ctx.state as GatewayState).requestId);
  res.setHeader('Server', SERVER_NAME);
}

/** The two fields `identify` sets, as the start of a raw header list for `writeHead`. */
export function identityFields(ctx: Context): string[] {
  return ['X-Request-Id', (ctx.state as GatewayState).requestId, 'Server', SERVER_NAME];
}

/** Creates the function that starts tracking a request (the app calls it first, inline). */
export function trackRequests(metrics: MetricHandles, batch: MetricBatch, logger: Pick<Logger, 'info' | 'isLevelEnabled' | 'accessLine'>): (ctx: Context) => void {
  const logs = logger.isLevelEnabled ? logger.isLevelEnabled('info') : true;
  const accessLine = logger.accessLine ? logger.accessLine.bind(logger) : (entry: AccessEntry) => logger.info(entry, 'request');
  const record: BatchedUpdate<HttpRoute, HttpMethod, string> = (route, method, code, durations) => {
    metrics.layer_http_requests_total.inc({ route, method, code }, durations.length);
    metrics.layer_http_request_duration_seconds.observeEach({ route, method }, durations);
  };
  // Node's req and res directly: each of Koa's delegating getters is a few calls on a path every
  // request takes.
  return (ctx) => {
    const { req, res } = ctx;
    const incoming = req.headers['x-request-id'];
    const state = ctx.state as GatewayState;
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : nextRequestId();
    state.requestId = requestId;
    state.closeWatcher = null;
    const started = performance.now();
    // 'close' comes once per response, so `on` does what `once` would without its wrapper.
    res.on('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const route: HttpRoute = httpRouteLabel(state.operation?.path);
      const method = httpMethodLabel(req.method ?? '');
      // A response cut short (client gone, backend reset) is recorded as such, not as its status.
      const code = res.writableFinished ? String(res.statusCode) : 'aborted';
      batch.add(record, route, method, code, seconds);
      if (logs) {
        // tokenId is the short id edge auth derived from the token, never the token itself.
        accessLine({ requestId, method: req.method, path: ctx.path, route, status: code, ms: Math.round(seconds * 1e4) / 10, tokenId: state.tokenId });
      }
      state.closeWatcher?.onClose();
    });
  };
}
