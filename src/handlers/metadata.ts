/**
 * GET /v2/metrics/api/v1/metadata: Prometheus's metadata API, answered by the gateway. Every metric
 * name of the catalog has an entry (type = kind, help = description, unit = unit); the backend's
 * answer adds the names the catalog does not list (VictoriaMetrics 1.79 answers none, a Prometheus
 * backend does), and the catalog wins for its own names. A backend that does not answer leaves the
 * catalog's entries, with a warning: the help text of the gateway's own metrics never depends on it.
 */
import type { ServerResponse } from 'node:http';
import type { Middleware } from 'koa';
import { BadRequestError } from '../errors.ts';
import type { components } from '../generated/api-types.ts';
import { servedCatalog } from '../generated/catalog.ts';
import type { GatewayState } from '../edge/request-state.ts';
import { watchClient } from '../passthrough/client.ts';
import type { QueryHandlerDeps } from '../passthrough/deps.ts';
import { forward } from '../passthrough/forward.ts';
import { rejecter } from '../passthrough/passthrough.ts';
import { takeSlot } from '../passthrough/take-slot.ts';
import { UpstreamMetrics } from '../passthrough/upstream-metrics.ts';
import { checkParams } from '../proxy/params.ts';
import { readStream } from '../proxy/read-stream.ts';

type MetricMetadata = components['schemas']['MetricMetadata'];
type MetadataMap = Record<string, MetricMetadata[]>;

/** At most this much of the backend's metadata is read; a larger answer is left out, with a warning. */
const MAX_BACKEND_BYTES = 8 * 1024 * 1024;

const CATALOG: ReadonlyMap<string, MetricMetadata> = new Map(
  servedCatalog.entries.map((entry) => [entry.name, { type: entry.kind, help: entry.description, unit: entry.unit ?? '' }]),
);

const BACKEND_SILENT = 'metadata of metrics outside the catalog is missing: the metrics backend did not answer';

/** Whether `value` is a metadata map in Prometheus's shape (what a backend answers in `data`). */
function isMetadataMap(value: unknown): value is MetadataMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (list) => Array.isArray(list) && list.every((m) => typeof m === 'object' && m !== null && ['type', 'help', 'unit'].every((k) => typeof (m as Record<string, unknown>)[k] === 'string')),
  );
}

/** A numeric parameter as Prometheus reads it (strconv.Atoi), or `fallback` when absent. */
function intParam(params: Map<string, string[]>, name: string, fallback: number): number {
  const raw = params.get(name)?.[0];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[+-]?[0-9]{1,15}$/.test(raw)) throw new BadRequestError(`parameter "${name}" must be an integer, not "${raw.slice(0, 32)}"`);
  return Number(raw);
}

/**
 * Merges the catalog's entries over the backend's and applies Prometheus's parameters: `metric`
 * selects one name, `limit_per_metric` > 0 caps the entries per name, `limit` >= 0 caps the names
 * (in name order; Prometheus's order is unspecified).
 */
export function mergeMetadata(backend: MetadataMap, options: { metric?: string; limit: number; limitPerMetric: number }): MetadataMap {
  const merged = new Map<string, MetricMetadata[]>();
  for (const [name, list] of Object.entries(backend)) if (!CATALOG.has(name)) merged.set(name, list);
  for (const [name, entry] of CATALOG) merged.set(name, [entry]);
  const out: MetadataMap = {};
  let count = 0;
  for (const name of [...merged.keys()].sort()) {
    if (options.metric !== undefined && name !== options.metric) continue;
    if (options.limit >= 0 && count >= options.limit) break;
    const list = merged.get(name)!;
    out[name] = options.limitPerMetric > 0 ? list.slice(0, options.limitPerMetric) : list;
    count++;
  }
  return out;
}

/** Creates the metadata handler; it asks the backend through the passthrough's slot and forward steps. */
export function createMetadataHandler(deps: QueryHandlerDeps): Middleware {
  const endpoint = 'metadata';
  const upstreamMetrics = new UpstreamMetrics(deps.metrics, deps.batch, deps.upstreamInFlight);
  const slots = { deps, reject: rejecter(deps, endpoint) };

  /** The backend's metadata for `metric` (or all), or a warning saying why there is none. */
  async function askBackend(metric: string | undefined, res: ServerResponse): Promise<MetadataMap | string> {
    const { call, started } = forward(deps.upstream, upstreamMetrics, { endpoint, method: 'GET', rawQuery: metric === undefined ? '' : `metric=${encodeURIComponent(metric)}`, headers: { accept: 'application/json' } });
    // A client that leaves aborts its backend request, as on the passthrough routes.
    res.once('close', () => {
      if (!res.writableFinished) call.abort();
    });
    try {
      const response = await call.response;
      upstreamMetrics.answered(endpoint, response.status);
      const bytes = response.bytes ?? (await readStream(response.body, MAX_BACKEND_BYTES + 1));
      if (response.status !== 200 || bytes.length > MAX_BACKEND_BYTES || response.headers['content-encoding']) return BACKEND_SILENT;
      const parsed = JSON.parse(bytes.toString('utf8')) as { status?: unknown; data?: unknown };
      return parsed.status === 'success' && isMetadataMap(parsed.data) ? parsed.data : BACKEND_SILENT;
    } catch (error) {
      upstreamMetrics.failed(endpoint, error);
      return BACKEND_SILENT;
    } finally {
      upstreamMetrics.settled(endpoint, started);
    }
  }

  return async (ctx) => {
    let options: Parameters<typeof mergeMetadata>[1];
    try {
      const params = checkParams(endpoint, ctx.querystring, undefined);
      const metric = params.get('metric')?.[0];
      options = { ...(metric ? { metric } : {}), limit: intParam(params, 'limit', -1), limitPerMetric: intParam(params, 'limit_per_metric', -1) };
    } catch (error) {
      slots.reject('bad_request');
      throw error;
    }
    // Only the backend can add names: a request for one catalog name, or for none, needs no backend.
    const needsBackend = options.limit !== 0 && (options.metric === undefined || !CATALOG.has(options.metric));
    let backend: MetadataMap | string = {};
    if (needsBackend) {
      const client = watchClient(ctx);
      const taken = takeSlot(slots, client, (ctx.state as GatewayState).tokenId, undefined);
      if (taken !== true && !(await taken)) return; // the client left while it waited
      try {
        backend = await askBackend(options.metric, ctx.res);
      } finally {
        client.slot!();
      }
    }
    const body: components['schemas']['PromMetadata'] = { status: 'success', data: mergeMetadata(typeof backend === 'string' ? {} : backend, options) };
    if (typeof backend === 'string') body.warnings = [backend];
    ctx.set('Content-Type', 'application/json');
    ctx.body = JSON.stringify(body);
  };
}
