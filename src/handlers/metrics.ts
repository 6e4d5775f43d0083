/**
 * GET /metrics: the gateway's own registry in the Prometheus text format, or in OpenMetrics when
 * Accept asks for `application/openmetrics-text`.
 *
 * prom-client's OpenMetrics rendering (Registry#metrics with the OpenMetrics content type) renames
 * every counter it renders, dropping `_total` from the metric object's `name` for good; rendered
 * from the shared objects, one OpenMetrics scrape would rename the counters of every later
 * Prometheus scrape. So OpenMetrics is rendered from per-request views: each view reads its
 * metric's values and carries its own name, and the shared metric objects are never written.
 *
 * What the renderer reads from a registered metric (name, type, help, get, getForPromString) is
 * prom-client's internal contract, not its typed API: the version is pinned and
 * test/library-internals.test.ts fails when it changes (docs/decisions.md).
 */
import type { Middleware } from 'koa';
import { Registry, type Metric, type OpenMetricsContentType } from 'prom-client';

/** A registered metric as Registry#getMetricsAsArray returns it. */
type RegisteredMetric = ReturnType<Registry['getMetricsAsArray']>[number];

const OPENMETRICS = /application\/openmetrics-text/i;

/** A metric's values as prom-client's renderer reads them; only the name matters here. */
interface MetricData {
  readonly name: string;
}

/** What Registry#metrics reads from a registered metric: its name and type, and its values. */
interface MetricView {
  name: string;
  readonly type: string;
  readonly help: string;
  get(): Promise<MetricData>;
  getForPromString?(): Promise<MetricData>;
}

interface MetricInternals {
  readonly type: string;
  readonly help: string;
  get(): Promise<MetricData> | MetricData;
  getForPromString?(): Promise<MetricData>;
}

/**
 * A view of `metric` for one OpenMetrics render. OpenMetrics names a counter family without
 * `_total` and its samples with it: the renderer appends `_total` to each sample of a family whose
 * values come back named without it.
 */
function openMetricsView(metric: RegisteredMetric): MetricView {
  const source = metric as unknown as MetricInternals;
  const family = (data: MetricData): MetricData => (source.type === 'counter' ? { ...data, name: data.name.replace(/_total$/, '') } : data);
  const view: MetricView = {
    name: metric.name,
    type: source.type,
    help: source.help,
    get: async () => family(await source.get()),
  };
  // Histograms render their buckets from getForPromString (their get() splays labels for JSON).
  if (source.getForPromString) {
    const forPromString = source.getForPromString.bind(source);
    view.getForPromString = async () => family(await forPromString());
  }
  return view;
}

/** Renders `registry` as OpenMetrics without writing to any of its metrics. */
export function renderOpenMetrics(registry: Registry): Promise<string> {
  const renderer = new Registry<OpenMetricsContentType>();
  renderer.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  for (const metric of registry.getMetricsAsArray()) renderer.registerMetric(openMetricsView(metric) as unknown as Metric);
  return renderer.metrics();
}

/** Creates the /metrics handler over the registry registerMetrics filled. */
export function createMetricsHandler(registry: Registry): Middleware {
  return async (ctx) => {
    if (OPENMETRICS.test(ctx.get('Accept'))) {
      ctx.body = await renderOpenMetrics(registry);
      ctx.type = Registry.OPENMETRICS_CONTENT_TYPE;
      return;
    }
    ctx.body = await registry.metrics();
    ctx.type = registry.contentType;
  };
}
