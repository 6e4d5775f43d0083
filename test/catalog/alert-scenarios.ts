/**
 * Scenarios for every alert of catalog.yaml, as promtool unit-test input: one in which the alert
 * must fire, and the demo's steady state (with its cache drops), through which every alert must
 * stay quiet; some alerts also get a near miss of their own. Series are sampled every 15 s, the
 * default scrape interval.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CACHE_TIMINGS } from '../../src/demo/synthetic-layer.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Writes the alerting rules `npm run catalog:export -- --format rules` gives to `file`, and returns their text. */
export async function exportRules(file: string): Promise<string> {
  await promisify(execFile)(join(REPO, 'node_modules/.bin/tsx'), ['scripts/catalog-export.ts', '--format', 'rules', '--out', file], { cwd: REPO });
  return readFile(file, 'utf8');
}

/** Seconds between samples. */
export const STEP_SECONDS = 15;

/** One input series: its selector and one value per step (undefined: no sample). */
export interface Series {
  series: string;
  values: (number | undefined)[];
}

/** A scenario: the series, and what must happen. */
export interface Scenario {
  name: string;
  minutes: number;
  series: Series[];
  /** The alert that must be firing at `at` minutes with these labels (besides alertname and severity). */
  fires?: { alert: string; at: number; labels: Record<string, string> };
  /** Alerts that must never fire over the whole scenario; `all` for every alert. */
  quiet: string[] | 'all';
  /** Alerts whose condition must not hold at any step, `for` or not. (default: none) */
  conditionNeverHolds?: string[];
}

const steps = (minutes: number) => Math.floor((minutes * 60) / STEP_SECONDS) + 1;
const times = (minutes: number) => Array.from({ length: steps(minutes) }, (_, i) => i * STEP_SECONDS);

/** A gauge: `value(t)` at each step (t in seconds). */
export function gauge(series: string, minutes: number, value: (t: number) => number | undefined): Series {
  return { series, values: times(minutes).map(value) };
}

/** A counter growing by `perSecond(t)` per second during each step, from 0. */
export function counter(series: string, minutes: number, perSecond: (t: number) => number): Series {
  let total = 0;
  return {
    series,
    values: times(minutes).map((t, i) => {
      if (i > 0) total += perSecond(t) * STEP_SECONDS;
      return Math.round(total * 1000) / 1000;
    }),
  };
}

/** A counter that steps up by one at each of `at` (seconds). */
export function events(series: string, minutes: number, at: readonly number[]): Series {
  return gauge(series, minutes, (t) => at.filter((when) => when <= t).length);
}

// --- the demo (src/demo/synthetic-layer.ts) ---

// The demo's default dropEveryMs; a drop comes 0.75 to 1.25 of it after each connection. The
// scenario takes the shortest, the most drops an hour the demo can make.
const DEMO_DROP_EVERY_MS = 240_000;
const CONNECTED_MS = DEMO_DROP_EVERY_MS * 0.75;
const NAMESPACES = ['products', 'users', 'orders', 'logs'];
const CYCLE_MS = CONNECTED_MS + CACHE_TIMINGS.disconnectedMs;

/** The demo's cache at `t` seconds: connected or not, the reported state, namespaces warm so far, and reconnections. */
export function demoCacheAt(t: number): { state: 'warm' | 'warming' | 'cold' | 'disconnected'; warmNamespaces: number; reconnects: number } {
  const ms = t * 1000 - CACHE_TIMINGS.firstConnectMs;
  if (ms < 0) return { state: 'disconnected', warmNamespaces: 0, reconnects: 0 };
  const cycle = Math.floor(ms / CYCLE_MS);
  const inCycle = ms - cycle * CYCLE_MS;
  if (inCycle >= CONNECTED_MS) return { state: 'disconnected', warmNamespaces: 0, reconnects: cycle };
  const warmNamespaces = NAMESPACES.filter((_, i) => inCycle >= CACHE_TIMINGS.warmAfterMs + i * CACHE_TIMINGS.namespaceStaggerMs).length;
  const state = warmNamespaces === NAMESPACES.length ? 'warm' : inCycle >= CACHE_TIMINGS.warmingAfterMs ? 'warming' : 'cold';
  return { state, warmNamespaces, reconnects: cycle };
}

/** Whether /health answers 503 at `t` seconds in the demo: the cache or a namespace is not warm. */
const demoDegradedAt = (t: number) => demoCacheAt(t).state !== 'warm';

// The normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) * k * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const PIPELINE_MEDIANS = [0.03, 0.08, 0.4, 0.9];

/** The share of the demo's queries at or under `le` seconds: log-normal per pipeline, 0.3% timeouts at 30 s; in a burst 8% more take 6 to 20 s. */
function demoQueryShare(le: number, burst: boolean): number {
  const lognormal = PIPELINE_MEDIANS.reduce((sum, median) => sum + normalCdf(Math.log(le / median) / 0.6), 0) / PIPELINE_MEDIANS.length;
  const timeout = 0.003;
  const slow = burst ? 0.08 : 0;
  const slowUnder = le <= 6 ? 0 : le >= 20 ? 1 : (le - 6) / 14;
  return (1 - timeout) * (1 - slow) * lognormal + (1 - timeout) * slow * slowUnder + (le >= 30 ? timeout : 0);
}

/** The query-duration histogram of `queriesPerSecond` queries (the demo records 20 a second), in a burst or not. */
export function queryHistogram(minutes: number, burst: (t: number) => boolean, queriesPerSecond = 20): Series[] {
  const labels = 'pipeline_id="search",namespace="products",status="ok"';
  return [
    ...[...BUCKETS.map(String), '+Inf'].map((le) =>
      counter(`layer_query_duration_seconds_bucket{${labels},le="${le}"}`, minutes, (t) => queriesPerSecond * (le === '+Inf' ? 1 : demoQueryShare(Number(le), burst(t)))),
    ),
    counter(`layer_query_duration_seconds_count{${labels}}`, minutes, () => queriesPerSecond),
  ];
}

/** Who talks to the gateway, per second. */
export interface Traffic {
  /** /health answers 503 at `t` seconds. */
  healthDegraded: (t: number) => boolean;
  /** Successful API queries. (default: 0.05, the observe tab's plots) */
  api?: number;
  /** API answers 502. (default: 0) */
  apiServerErrors?: number;
  /** /health polls. (default: 0.2, the observe tab every 5 s) */
  healthPolls?: number;
  /** /metrics scrapes. (default: 0.2, the demo's 5 s scrape interval) */
  scrapes?: number;
  /** /readyz polls (a load balancer) and /livez (a kubelet). (default: 0) */
  probes?: number;
  /** Client-caused answers: 400, 429 and aborted, each. (default: 0.01) */
  clientMistakes?: number;
}

/** layer_http_requests_total for `traffic`. */
export function httpTraffic(minutes: number, traffic: Traffic): Series[] {
  const { healthDegraded, api = 0.05, apiServerErrors = 0, healthPolls = 0.2, scrapes = 0.2, probes = 0, clientMistakes = 0.01 } = traffic;
  const http = (route: string, code: string) => `layer_http_requests_total{route="${route}",method="GET",code="${code}"}`;
  return [
    counter(http('/v2/metrics/api/v1/query_range', '200'), minutes, () => api),
    counter(http('/v2/metrics/api/v1/query', '502'), minutes, () => apiServerErrors),
    counter(http('/v2/metrics/api/v1/query', '400'), minutes, () => clientMistakes),
    counter(http('/v2/metrics/api/v1/query', '429'), minutes, () => clientMistakes),
    counter(http('/v2/metrics/api/v1/query_range', 'aborted'), minutes, () => clientMistakes),
    counter(http('/metrics', '200'), minutes, () => scrapes),
    counter(http('/health', '200'), minutes, (t) => (healthDegraded(t) ? 0 : healthPolls)),
    counter(http('/health', '503'), minutes, (t) => (healthDegraded(t) ? healthPolls : 0)),
    counter(http('/readyz', '200'), minutes, () => probes),
    counter(http('/livez', '200'), minutes, () => probes),
  ];
}

/** The demo's cache series at each step. */
function demoCache(minutes: number): Series[] {
  const states = ['warm', 'warming', 'cold', 'disconnected', 'disabled'] as const;
  const connections = ['disabled', 'connecting', 'connected', 'disconnected'] as const;
  return [
    ...states.map((state) => gauge(`layer_cache_state{state="${state}"}`, minutes, (t) => (demoCacheAt(t).state === state ? 1 : 0))),
    ...connections.map((connection) =>
      gauge(`layer_cache_connection_state{state="${connection}"}`, minutes, (t) => ((demoCacheAt(t).state === 'disconnected' ? 'disconnected' : 'connected') === connection ? 1 : 0)),
    ),
    gauge('layer_cache_reconnect_generation', minutes, (t) => demoCacheAt(t).reconnects),
    ...NAMESPACES.flatMap((namespace, i) =>
      (['warm', 'warming', 'cold'] as const).map((state) =>
        gauge(`layer_cache_namespace_state{namespace="${namespace}",state="${state}"}`, minutes, (t) => {
          const cache = demoCacheAt(t);
          const now = cache.warmNamespaces > i ? 'warm' : cache.state === 'warming' ? 'warming' : 'cold';
          return now === state ? 1 : 0;
        }),
      ),
    ),
  ];
}

/** Everything else the demo's gateway exposes that an alert reads, at rest. */
function demoRest(minutes: number): Series[] {
  return [
    gauge('layer_pipeline_stage_count{stage="pending"}', minutes, (t) => Math.round(40 + 12 * Math.sin(t / 45))),
    gauge('layer_backend_up{mode="bundled"}', minutes, () => 1),
    counter('layer_vmsingle_restarts_total', minutes, () => 0),
    counter('layer_upstream_errors_total{endpoint="query",reason="aborted"}', minutes, () => 0.05),
    counter('layer_auth_failures_total{reason="missing"}', minutes, () => 0.1),
    counter('layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}', minutes, () => 0),
    counter('layer_metrics_label_overflow_total{metric="layer_query_duration_seconds",label="namespace"}', minutes, () => 0),
  ];
}

const DEMO_MINUTES = 60;

/** The demo outside its slow bursts, with a cache drop every 188 s. */
export const DEMO_STEADY_STATE: Scenario = {
  name: 'the demo steady state with its cache drops: every alert stays quiet',
  minutes: DEMO_MINUTES,
  series: [
    ...httpTraffic(DEMO_MINUTES, { healthDegraded: demoDegradedAt }),
    ...queryHistogram(DEMO_MINUTES, () => false),
    ...demoCache(DEMO_MINUTES),
    ...demoRest(DEMO_MINUTES),
  ],
  quiet: 'all',
  // Conditions that have nothing to do with the cache must not even hold; the cache alerts' do
  // during each drop, and their `for` keeps them quiet.
  conditionNeverHolds: [
    'GatewayHighErrorRate',
    'GatewayUpstreamFailing',
    'GatewayAuthFailuresHigh',
    'UpstreamPartialResponses',
    'MetricsBackendDown',
    'VmsingleRestarting',
    'MetricLabelOverflow',
    'QueryP99High',
    'PipelineBacklogHigh',
    'CacheFlapping',
  ],
};

const always = () => true;
const never = () => false;
/** True from `from` to `to` minutes. */
const between = (from: number, to: number) => (t: number) => t >= from * 60 && t < to * 60;
const flag = (on: (t: number) => boolean) => (t: number) => (on(t) ? 1 : 0);

/** For each alert: a scenario in which it fires, and near misses in which it must not. */
export const ALERT_SCENARIOS: Scenario[] = [
  {
    name: 'QueryP99High fires through a slow burst of 15 minutes',
    minutes: 20,
    series: queryHistogram(20, always),
    fires: { alert: 'QueryP99High', at: 16, labels: {} },
    quiet: [],
  },
  {
    name: 'QueryP99High stays quiet through a two-minute slow burst (its 5-minute window holds it for about 7)',
    minutes: 20,
    series: queryHistogram(20, between(2, 4)),
    quiet: ['QueryP99High'],
  },
  {
    name: 'PipelineBacklogHigh fires when 1200 queries wait for 10 minutes',
    minutes: 12,
    series: [gauge('layer_pipeline_stage_count{stage="pending"}', 12, () => 1200)],
    fires: { alert: 'PipelineBacklogHigh', at: 8, labels: {} },
    quiet: [],
  },
  {
    name: 'GatewayHighErrorRate fires when an eighth of API answers are 502 for 15 minutes',
    minutes: 20,
    series: httpTraffic(20, { healthDegraded: never, api: 2, apiServerErrors: 0.3, probes: 0.2 }),
    fires: { alert: 'GatewayHighErrorRate', at: 18, labels: {} },
    quiet: [],
  },
  {
    name: 'GatewayHighErrorRate stays quiet while /health answers only 503 and clients make mistakes',
    minutes: 30,
    series: httpTraffic(30, { healthDegraded: always, probes: 0.5, clientMistakes: 0.5 }),
    quiet: ['GatewayHighErrorRate'],
  },
  {
    name: 'GatewayUpstreamFailing fires when the backend is unreachable for 10 minutes',
    minutes: 12,
    series: [counter('layer_upstream_errors_total{endpoint="query",reason="unreachable"}', 12, () => 0.5)],
    fires: { alert: 'GatewayUpstreamFailing', at: 11, labels: {} },
    quiet: [],
  },
  {
    name: 'GatewayUpstreamFailing stays quiet when clients leave or stop reading',
    minutes: 15,
    series: [
      counter('layer_upstream_errors_total{endpoint="query",reason="aborted"}', 15, () => 2),
      counter('layer_upstream_errors_total{endpoint="query_range",reason="stalled"}', 15, () => 1),
    ],
    quiet: ['GatewayUpstreamFailing'],
  },
  {
    name: 'GatewayAuthFailuresHigh fires on 10 unknown tokens a second for 15 minutes',
    minutes: 20,
    series: [counter('layer_auth_failures_total{reason="invalid"}', 20, () => 10)],
    fires: { alert: 'GatewayAuthFailuresHigh', at: 18, labels: {} },
    quiet: [],
  },
  {
    name: 'GatewayAuthFailuresHigh stays quiet when requests come without credentials',
    minutes: 20,
    series: [counter('layer_auth_failures_total{reason="missing"}', 20, () => 10)],
    quiet: ['GatewayAuthFailuresHigh'],
  },
  {
    name: 'UpstreamPartialResponses fires when answers stay partial for 10 minutes',
    minutes: 14,
    series: [counter('layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}', 14, () => 1)],
    fires: { alert: 'UpstreamPartialResponses', at: 12, labels: {} },
    quiet: [],
  },
  {
    name: 'UpstreamPartialResponses stays quiet through one minute of partial answers (a storage node restarting)',
    minutes: 20,
    series: [counter('layer_upstream_partial_responses_total{route="/v2/metrics/api/v1/query"}', 20, (t) => (between(3, 4)(t) ? 1 : 0))],
    quiet: ['UpstreamPartialResponses'],
  },
  {
    name: 'CacheDisconnected fires after 5 minutes without the cache',
    minutes: 8,
    series: [gauge('layer_cache_connection_state{state="disconnected"}', 8, () => 1)],
    fires: { alert: 'CacheDisconnected', at: 6, labels: { state: 'disconnected' } },
    quiet: [],
  },
  {
    name: 'CacheDisconnected stays quiet through a 4-minute drop',
    minutes: 15,
    series: [gauge('layer_cache_connection_state{state="disconnected"}', 15, flag(between(2, 6)))],
    quiet: ['CacheDisconnected'],
  },
  {
    name: 'CacheCold fires after 10 minutes cold',
    minutes: 12,
    series: [gauge('layer_cache_state{state="cold"}', 12, () => 1)],
    fires: { alert: 'CacheCold', at: 11, labels: { state: 'cold' } },
    quiet: [],
  },
  {
    name: 'CacheFlapping fires when the cache reconnects every 2 minutes',
    minutes: 16,
    series: [events('layer_cache_reconnect_generation', 16, Array.from({ length: 7 }, (_, i) => 60 + i * 120))],
    fires: { alert: 'CacheFlapping', at: 14, labels: {} },
    quiet: [],
  },
  {
    name: 'CacheNamespaceCold fires after a namespace is cold for 10 minutes',
    minutes: 12,
    series: [gauge('layer_cache_namespace_state{namespace="orders",state="cold"}', 12, () => 1)],
    fires: { alert: 'CacheNamespaceCold', at: 11, labels: { namespace: 'orders', state: 'cold' } },
    quiet: [],
  },
  {
    name: 'MetricsBackendDown fires after 2 minutes down',
    minutes: 4,
    series: [gauge('layer_backend_up{mode="external"}', 4, () => 0)],
    fires: { alert: 'MetricsBackendDown', at: 3, labels: { mode: 'external' } },
    quiet: [],
  },
  {
    name: 'MetricsBackendDown stays quiet through a one-minute restart',
    minutes: 10,
    series: [gauge('layer_backend_up{mode="bundled"}', 10, (t) => (between(2, 3)(t) ? 0 : 1))],
    quiet: ['MetricsBackendDown'],
  },
  {
    name: 'VmsingleRestarting fires on the third restart within 15 minutes',
    minutes: 10,
    series: [events('layer_vmsingle_restarts_total', 10, [60, 180, 300])],
    fires: { alert: 'VmsingleRestarting', at: 6, labels: {} },
    quiet: [],
  },
  {
    name: 'VmsingleRestarting stays quiet after two restarts',
    minutes: 20,
    series: [events('layer_vmsingle_restarts_total', 20, [60, 300])],
    quiet: ['VmsingleRestarting'],
  },
  {
    name: 'MetricLabelOverflow fires once a label overflows',
    minutes: 5,
    series: [events('layer_metrics_label_overflow_total{metric="layer_query_duration_seconds",label="namespace"}', 5, [120])],
    fires: { alert: 'MetricLabelOverflow', at: 4, labels: { metric: 'layer_query_duration_seconds', label: 'namespace' } },
    quiet: [],
  },
  DEMO_STEADY_STATE,
];
