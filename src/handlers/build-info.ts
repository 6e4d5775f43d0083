/**
 * GET and POST /v2/metrics/api/v1/status/buildinfo: the gateway's own answer in Prometheus's shape.
 * Its `version` is the Prometheus release whose label APIs the gateway's passthrough matches, so
 * that Grafana's Prometheus data source uses `label/<name>/values` with `match[]` (openapi.yaml
 * says why). It takes no parameters, by either method: the router refuses any in the query string,
 * and this handler any in a POST's form body, in the same words.
 */
import type { Middleware } from 'koa';
import { BadRequestError } from '../errors.ts';
import type { components } from '../generated/api-types.ts';
import { readBody } from '../proxy/read-body.ts';

/** The Prometheus release that added `match[]` to the label names and values APIs. */
export const PROMETHEUS_API_VERSION = '2.24.0';

const BODY = Buffer.from(
  JSON.stringify({
    status: 'success',
    data: { version: PROMETHEUS_API_VERSION, revision: '', branch: '', buildUser: 'layer-metrics-gateway', buildDate: '', goVersion: '' },
  } satisfies components['schemas']['PromBuildInfo']),
);

/** Limits for reading a POST body. */
export interface BuildInfoOptions {
  /** LAYER_PROXY_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** LAYER_PROXY_BODY_TIMEOUT_MS. */
  bodyTimeoutMs: number;
}

/** The names in a form body, `&`-separated and up to each `=`; `+` and percent-escapes as written. */
function formNames(body: string): string[] {
  return body.split('&').filter((part) => part !== '').map((part) => part.split('=', 1)[0]!);
}

/** Creates the buildinfo handler; the body is the same for every request that has no parameters. */
export function createBuildInfoHandler(options: BuildInfoOptions): Middleware {
  return async (ctx) => {
    if (ctx.method === 'POST') {
      const body = await readBody(ctx.req, options.maxBodyBytes, options.bodyTimeoutMs);
      if (body.length > 0 && !ctx.is('application/x-www-form-urlencoded')) {
        throw new BadRequestError('POST bodies must be application/x-www-form-urlencoded (Content-Type header); /api/v1/status/buildinfo takes no parameters, so send none');
      }
      const names = formNames(body.toString('latin1'));
      if (names.length > 0) {
        throw new BadRequestError(`invalid request: body must NOT have additional properties (${JSON.stringify(names[0]!.slice(0, 64))}); /api/v1/status/buildinfo takes no parameters`);
      }
    }
    ctx.set('Content-Type', 'application/json');
    ctx.body = BODY;
  };
}
