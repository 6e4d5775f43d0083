/**
 * GET /v2/metrics/api/v1/status/buildinfo: the gateway's own answer in Prometheus's shape. Its
 * `version` is the Prometheus release whose label APIs the gateway's passthrough matches, so that
 * Grafana's Prometheus data source uses `label/<name>/values` with `match[]` (openapi.yaml says why).
 */
import type { Middleware } from 'koa';
import type { components } from '../generated/api-types.ts';

/** The Prometheus release that added `match[]` to the label names and values APIs. */
export const PROMETHEUS_API_VERSION = '2.24.0';

const BODY = Buffer.from(
  JSON.stringify({
    status: 'success',
    data: { version: PROMETHEUS_API_VERSION, revision: '', branch: '', buildUser: 'layer-metrics-gateway', buildDate: '', goVersion: '' },
  } satisfies components['schemas']['PromBuildInfo']),
);

/** Creates the buildinfo handler; the body is the same for every request. */
export function createBuildInfoHandler(): Middleware {
  return (ctx) => {
    ctx.set('Content-Type', 'application/json');
    ctx.body = BODY;
  };
}
