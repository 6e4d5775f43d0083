/**
 * The "dashboard fan-in" workload: N viewers of one 12-panel dashboard that refreshes every 5 s.
 * Grafana aligns each panel's range to its step, so viewers refreshing at about the same time send
 * identical range queries. Refreshes are compressed in time: each refresh starts as soon as every
 * viewer has its previous one (the viewers refresh together, as a wall of screens does). Refresh r
 * shows the hour ending r minutes after the dataset's start (cycling over 59 windows), aligned to
 * the panel's step: consecutive refreshes never ask the same, as refreshes 5 s apart in real
 * time would not share an answer. The figure is how many panel answers per second a target
 * sustains, and how many backend requests one refresh of the 12 panels costs.
 *
 * Each viewer has its own keep-alive agent of 6 connections, a browser's limit per host. Every
 * distinct answer is kept by URL, and each answer of the gateway and vmauth is compared with direct's
 * answers to the same URL: byte for byte one of them, or one of them up to float rounding, which is
 * as far as vmsingle itself answers one URL alike (answer-compare.ts), or neither.
 */
import http from 'node:http';
import { matchAny } from './answer-compare.ts';
import { SPAN_SECONDS } from './dataset.ts';
import { median, table } from './report.ts';

/** The dashboard: 12 panels over the dataset, with their steps. */
const PANELS: { query: string; step: number }[] = [
  { query: 'sum(rate(bench_value[1m]))', step: 15 },
  { query: 'sum by (group) (bench_value)', step: 15 },
  { query: 'avg by (instance) (bench_value)', step: 15 },
  { query: 'max(bench_value)', step: 15 },
  { query: 'min by (instance) (bench_value)', step: 30 },
  { query: 'count by (instance) (bench_value)', step: 30 },
  { query: 'quantile(0.9, bench_value)', step: 15 },
  { query: 'topk(5, bench_value)', step: 15 },
  { query: 'bench_value{group="g1"}', step: 15 },
  { query: 'sum by (instance) (rate(bench_value[5m]))', step: 30 },
  { query: 'stddev(bench_value)', step: 60 },
  { query: 'sum_over_time(bench_value{group=~"g[0-3]"}[5m])', step: 30 },
];
/** A browser's connections per host. */
const CONNECTIONS_PER_VIEWER = 6;

/** One target's run of the workload. */
export interface FanInResult {
  target: string;
  viewers: number;
  refreshes: number;
  seconds: number;
  answers: number;
  /** Panel answers per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 200, and transfer errors. */
  errors: number;
  /** Range queries the backend received meanwhile. */
  backendRequests: number;
  /** Panel queries per refresh (12) times refreshes: one backend request for each is the least a target can do without a cache. */
  panelQueries: number;
  /** Each distinct answer body, by URL path. */
  bodies: Map<string, Buffer[]>;
}

/** The URL path (under the API prefix) of panel `p` at refresh `r`. */
function panelPath(endSeconds: number, p: number, r: number): string {
  const { query, step } = PANELS[p]!;
  // A minute further each refresh, round again after 59: every window ends within the dataset.
  const now = endSeconds - SPAN_SECONDS + 60 + (r % 59) * 60;
  const end = Math.floor(now / step) * step;
  const start = end - SPAN_SECONDS;
  return `/api/v1/query_range?${new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) }).toString()}`;
}

function get(agent: http.Agent, base: URL, path: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: base.hostname, port: base.port, path: `${base.pathname.replace(/\/$/, '')}${path}`, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * Adds `body` to the answers kept for `path` unless an equal one is there. Compared byte for byte
 * rather than hashed: a comparison with the one or two answers a URL gets costs the bench's client
 * far less than hashing every answer, which would take CPU from the targets on a shared machine.
 */
function keepDistinct(bodies: Map<string, Buffer[]>, path: string, body: Buffer): void {
  const kept = bodies.get(path);
  if (kept === undefined) bodies.set(path, [body]);
  else if (!kept.some((other) => other.equals(body))) kept.push(body);
}

/**
 * Runs `viewers` viewers against `base` (the target's API prefix) for about `seconds`;
 * `backendCount` reads the backend's range-query counter, settled.
 */
export async function runFanIn(options: {
  target: string;
  base: string;
  headers?: Record<string, string>;
  viewers: number;
  seconds: number;
  endSeconds: number;
  backendCount: () => Promise<number>;
}): Promise<FanInResult> {
  const base = new URL(options.base);
  const headers = options.headers ?? {};
  const agents = Array.from({ length: options.viewers }, () => new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_VIEWER }));
  const latencies: number[] = [];
  const bodies = new Map<string, Buffer[]>();
  let errors = 0;
  const backendBefore = await options.backendCount();
  const started = performance.now();
  let refreshes = 0;
  try {
    while (performance.now() - started < options.seconds * 1000) {
      const r = refreshes++;
      await Promise.all(
        agents.flatMap((agent) =>
          PANELS.map(async (_, p) => {
            const path = panelPath(options.endSeconds, p, r);
            const t0 = performance.now();
            try {
              const res = await get(agent, base, path, headers);
              latencies.push(performance.now() - t0);
              if (res.status !== 200) errors++;
              else keepDistinct(bodies, path, res.body);
            } catch {
              errors++;
            }
          }),
        ),
      );
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const backendRequests = (await options.backendCount()) - backendBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    target: options.target,
    viewers: options.viewers,
    refreshes,
    seconds,
    answers: latencies.length,
    rps: latencies.length / seconds,
    p50Ms: median(latencies),
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    errors,
    backendRequests,
    panelQueries: PANELS.length * refreshes,
    bodies,
  };
}

/** How `result`'s answers compare with direct's, URL by URL (see answer-compare.ts). */
export interface ByteComparison {
  /** URLs both answered. */
  compared: number;
  /** URLs where every answer of `result` was byte for byte one of direct's. */
  identical: number;
  /** URLs where some answer was one of direct's only up to float rounding. */
  rounding: number;
  /** URLs where some answer was neither. */
  differ: number;
}

/** Compares `result`'s answers with `direct`'s to the same URLs. */
export function compareBytes(result: FanInResult, direct: FanInResult): ByteComparison {
  const counts: ByteComparison = { compared: 0, identical: 0, rounding: 0, differ: 0 };
  for (const [path, answers] of result.bodies) {
    const wanted = direct.bodies.get(path);
    if (wanted === undefined) continue;
    counts.compared++;
    counts[matchAny(answers, wanted)]++;
  }
  return counts;
}

/** How many URLs `result` got more than one answer to: for direct, vmsingle's own variation. */
export function variedUrls(result: FanInResult): number {
  let varied = 0;
  for (const answers of result.bodies.values()) if (answers.length > 1) varied++;
  return varied;
}

/** The byte comparison of `result` with the direct run of as many viewers; undefined for direct itself, or without one. */
export function comparedWithDirect(result: FanInResult, results: readonly FanInResult[]): ByteComparison | undefined {
  const direct = results.find((d) => d.target === 'direct' && d.viewers === result.viewers);
  return direct && result !== direct ? compareBytes(result, direct) : undefined;
}

/** The fan-in table as text. */
export function formatFanIn(results: FanInResult[]): string {
  const rows = results.map((r) => {
    const bytes = comparedWithDirect(r, results);
    const ratio = (name: string) => {
      const other = results.find((o) => o.target === name && o.viewers === r.viewers);
      return other && other !== r ? (r.rps / other.rps).toFixed(2) : '';
    };
    return [
      `fan-in ${r.viewers} viewers`,
      r.target,
      r.rps.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      String(r.errors),
      String(r.refreshes),
      String(r.backendRequests),
      (r.backendRequests / r.panelQueries).toFixed(2),
      bytes
        ? `${bytes.identical} identical, ${bytes.rounding} rounding, ${bytes.differ} differ`
        : `${variedUrls(r)} of ${r.bodies.size} URLs answered 2+ ways`,
      ratio('vmauth'),
      ratio('direct'),
    ];
  });
  return table(['workload', 'target', 'panels/s', 'p50 ms', 'p99 ms', 'errors', 'refreshes', 'backend reqs', 'per panel query', 'answers vs direct (URLs)', 'x vmauth', 'x direct'], rows);
}
