/**
 * A synthetic layer for `npm run demo`: it drives an embedded gateway through the public API only,
 * as the real layer process would. Queries across a few pipelines and namespaces with a
 * log-normal latency mix and an occasional slow burst (long enough for QueryP99High's condition to
 * hold), stage counts that move and back up during a burst, and a cache that connects, warms, and
 * now and then drops and reconnects.
 */
import type { Gateway, NamespaceState, PipelineStage, QueryStatus } from '../index.ts';

/** Timing and randomness of the simulation; tests shorten them. */
export interface SyntheticLayerOptions {
  /** How often queries are recorded and stage counts move, in ms. (default: 250) */
  tickMs?: number;
  /** Queries recorded per tick. (default: 5) */
  queriesPerTick?: number;
  /** Quiet time before the first slow burst, in ms. (default: 60000) */
  firstBurstAfterMs?: number;
  /** Time between the starts of two slow bursts, in ms. (default: 480000) */
  burstEveryMs?: number;
  /** How long a slow burst lasts, in ms. (default: 180000) */
  burstMs?: number;
  /** Time between two cache drops, in ms. (default: 240000) */
  dropEveryMs?: number;
  /** The cache's life after each (re)connection, in ms. (default: CACHE_TIMINGS) */
  cacheTimings?: CacheTimings;
  /** Uniform random numbers in [0, 1). (default: Math.random) */
  random?: () => number;
  /** Told once when the cache state is not the demo's to report (LAYER_CACHE_ADDR is set). (default: none) */
  onCacheOwned?(error: Error): void;
}

/** A running simulation. */
export interface SyntheticLayer {
  /** Stops every timer; the gateway keeps running. */
  stop(): void;
}

/** The pipelines and their median latency in seconds. */
const PIPELINES: readonly [string, number][] = [
  ['search', 0.03],
  ['ingest', 0.08],
  ['analytics', 0.4],
  ['export', 0.9],
];
const NAMESPACES = ['products', 'users', 'orders', 'logs'] as const;
const STAGES: readonly PipelineStage[] = ['pending', 'planning', 'fetching', 'merging', 'done'];
/** Typical number of queries in each stage, outside a burst. */
const STAGE_BASE: Readonly<Record<PipelineStage, number>> = { pending: 40, planning: 12, fetching: 60, merging: 20, done: 150 };

/** The cache's life: cold on connection, then warming, then warm namespace by namespace. */
export interface CacheTimings {
  /** From start to the first connection. */
  firstConnectMs: number;
  /** From a connection to warming. */
  warmingAfterMs: number;
  /** From a connection to the first namespace being warm. */
  warmAfterMs: number;
  /** Between two namespaces becoming warm; the cache is warm after the last. */
  namespaceStaggerMs: number;
  /** How long a drop lasts before the reconnection. */
  disconnectedMs: number;
}

/** The demo's cache timings. */
export const CACHE_TIMINGS: Readonly<CacheTimings> = { firstConnectMs: 1500, warmingAfterMs: 4000, warmAfterMs: 14_000, namespaceStaggerMs: 3000, disconnectedMs: 8000 };

/** Starts the simulation against `gateway`. */
export function startSyntheticLayer(gateway: Gateway, options: SyntheticLayerOptions = {}): SyntheticLayer {
  const {
    tickMs = 250,
    queriesPerTick = 5,
    firstBurstAfterMs = 60_000,
    burstEveryMs = 480_000,
    burstMs = 180_000,
    dropEveryMs = 240_000,
    cacheTimings: t = CACHE_TIMINGS,
    random = Math.random,
  } = options;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const started = Date.now();
  // The first burst comes after a quiet while, so the dashboards show both regimes early.
  const inBurst = () => {
    const since = Date.now() - started - firstBurstAfterMs;
    return since >= 0 && since % burstEveryMs < burstMs;
  };

  // Box-Muller: a standard normal from two uniforms.
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  function recordQuery(): void {
    const [pipeline_id, median] = pick(PIPELINES);
    const namespace = pick(NAMESPACES);
    const roll = random();
    // Timeouts stay well under 1% of queries, so outside a burst the 99th percentile is below 5 s.
    const status: QueryStatus = roll < 0.97 ? 'ok' : roll < 0.99 ? 'error' : roll < 0.993 ? 'timeout' : 'canceled';
    let seconds = median * Math.exp(0.6 * normal());
    if (status === 'timeout') seconds = 30;
    else if (inBurst() && random() < 0.08) seconds = 6 + 14 * random(); // the slow burst: well past QueryP99High's 5 s
    gateway.pipeline.observeQuery({ pipeline_id, namespace, status }, seconds);
  }

  const counts = new Map<PipelineStage, number>(STAGES.map((stage) => [stage, STAGE_BASE[stage]]));
  function moveStages(): void {
    for (const stage of STAGES) {
      // A burst backs the pipeline up: pending climbs well past PipelineBacklogHigh's 1000.
      const target = STAGE_BASE[stage] * (inBurst() && stage !== 'done' ? (stage === 'pending' ? 30 : 3) : 1);
      const now = counts.get(stage)!;
      const next = Math.max(0, Math.round(now + (target - now) * 0.05 + normal() * Math.sqrt(target)));
      counts.set(stage, next);
      gateway.pipeline.setStageCount(stage, next);
    }
  }

  let cacheOwned = false;
  function reportCache(state: 'warm' | 'warming' | 'cold' | 'disconnected'): void {
    if (cacheOwned) return;
    try {
      gateway.cache.report(state);
    } catch (error) {
      cacheOwned = true;
      options.onCacheOwned?.(error as Error);
    }
  }
  function setNamespaces(state: NamespaceState): void {
    for (const namespace of NAMESPACES) gateway.namespaces.set(namespace, state);
  }
  // One connection's life: cold, warming, warm namespace by namespace, then a drop and a
  // reconnect. Each connection's timers act only while it is the current one.
  let connection = 0;
  function connect(): void {
    const mine = ++connection;
    const during = (ms: number, fn: () => void) => later(ms, () => {
      if (connection === mine) fn();
    });
    reportCache('cold');
    setNamespaces('cold');
    during(t.warmingAfterMs, () => {
      reportCache('warming');
      setNamespaces('warming');
    });
    NAMESPACES.forEach((namespace, i) => during(t.warmAfterMs + i * t.namespaceStaggerMs, () => gateway.namespaces.set(namespace, 'warm')));
    during(t.warmAfterMs + (NAMESPACES.length - 1) * t.namespaceStaggerMs, () => reportCache('warm'));
    during(dropEveryMs * (0.75 + 0.5 * random()), () => {
      connection += 1;
      reportCache('disconnected');
      setNamespaces('cold');
      later(t.disconnectedMs, connect);
    });
  }

  reportCache('disconnected');
  later(t.firstConnectMs, connect);
  moveStages();
  const ticker = setInterval(() => {
    for (let i = 0; i < queriesPerTick; i++) recordQuery();
    moveStages();
  }, tickMs);

  return {
    stop() {
      clearInterval(ticker);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
