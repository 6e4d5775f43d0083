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
 * answer's SHA-256 is kept by URL, and the answers of the gateway and vmauth are compared with the
 * direct answers to the same URLs.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
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
  /** SHA-256 of each answer body, by URL path. */
  hashes: Map<string, string>;
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
  const hashes = new Map<string, string>();
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
              else if (!hashes.has(path)) hashes.set(path, createHash('sha256').update(res.body).digest('hex'));
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
    hashes,
  };
}

/** How many of `result`'s answers were compared with `direct`'s for the same URL, and how many differ. */
export function compareBytes(result: FanInResult, direct: FanInResult): { compared: number; differ: number } {
  let compared = 0;
  let differ = 0;
  for (const [path, hash] of result.hashes) {
    const want = direct.hashes.get(path);
    if (want === undefined) continue;
    compared++;
    if (want !== hash) differ++;
  }
  return { compared, differ };
}

/** The fan-in table as text. */
export function formatFanIn(results: FanInResult[]): string {
  const rows = results.map((r) => {
    const direct = results.find((d) => d.target === 'direct' && d.viewers === r.viewers);
    const bytes = direct && r !== direct ? compareBytes(r, direct) : undefined;
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
      bytes ? `${bytes.compared} compared, ${bytes.differ} differ` : '',
      ratio('vmauth'),
      ratio('direct'),
    ];
  });
  return table(['workload', 'target', 'panels/s', 'p50 ms', 'p99 ms', 'errors', 'refreshes', 'backend reqs', 'per panel query', 'bytes vs direct', 'x vmauth', 'x direct'], rows);
}
