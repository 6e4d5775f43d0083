/**
 * Turns the rounds of a bench run into medians and ratios, prints them as tables and builds the
 * JSON written to bench/results/latest.json. Pure functions, except printReport's console output.
 */
import type { WrkResult } from './wrk.ts';

/** One wrk round; the gateway's carry the CPU it spent per request answered. */
export type Round = WrkResult & { cpuUsPerRequest?: number };

/** One target's runs within a workload. */
export interface TargetRuns {
  target: string;
  rounds: Round[];
}

/** One workload's runs, with the gateway's memory after it. */
export interface WorkloadRuns {
  workload: string;
  connections: number;
  /** Response body size in bytes, per target. */
  bodyBytes: Record<string, number>;
  targets: TargetRuns[];
  /** Gateway VmRSS and VmHWM in bytes after the workload's last round. */
  gatewayRss: { rss: number; hwm: number };
}

/** A target's medians over rounds. */
export interface TargetSummary {
  target: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Median CPU per request of the serving process, when the bench measured it. */
  cpuUsPerRequest?: number;
}

/** The gateway against one other target: medians over rounds of per-round ratios and differences. */
export interface Ratio {
  workload: string;
  /** The target measured: `gateway`, or a reference proxy. */
  subject: string;
  /** subject / this target. */
  versus: string;
  rps: number;
  p50: number;
  p99: number;
  /** Gateway p50 minus this target's p50, in ms. */
  addedP50Ms: number;
}

/** The reference proxies of bench/floor-proxy.ts, as targets of the small-query workloads. */
export const FLOOR_TARGETS = ['node-http-floor', 'koa-floor'] as const;

/** A workload's name with its connection count, e.g. `instant-small c16`. */
export function label(runs: WorkloadRuns): string {
  return `${runs.workload} c${runs.connections}`;
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How one build compared with another round by round: what a single cut's A/B needs, as drift between rounds falls on both. */
export interface Paired {
  /** The median of the rounds' differences (other minus first). */
  medianDifference: number;
  /** Rounds in which the other build measured lower, and higher. */
  lower: number;
  higher: number;
  rounds: number;
}

/** Compares two builds' measurements of the same rounds, in order. */
export function paired(first: readonly number[], other: readonly number[]): Paired {
  if (first.length !== other.length || first.length === 0) throw new Error(`paired rounds differ in number: ${first.length} and ${other.length}`);
  const differences = other.map((value, i) => value - first[i]!);
  return {
    medianDifference: median(differences),
    lower: differences.filter((d) => d < 0).length,
    higher: differences.filter((d) => d > 0).length,
    rounds: differences.length,
  };
}

/** Medians of one target's rounds; errors are summed. */
export function summarize(runs: TargetRuns): TargetSummary {
  const cpu = runs.rounds.flatMap((r) => (r.cpuUsPerRequest === undefined ? [] : [r.cpuUsPerRequest]));
  return {
    target: runs.target,
    rps: median(runs.rounds.map((r) => r.rps)),
    p50Ms: median(runs.rounds.map((r) => r.p50Ms)),
    p99Ms: median(runs.rounds.map((r) => r.p99Ms)),
    errors: runs.rounds.reduce((sum, r) => sum + r.errors, 0),
    ...(cpu.length === runs.rounds.length && cpu.length > 0 ? { cpuUsPerRequest: median(cpu) } : {}),
  };
}

/**
 * Ratios of the target named `subject` (the gateway unless said otherwise) against every other
 * target of the workload, or only against `versus` when given.
 */
export function ratios(runs: WorkloadRuns, subject = 'gateway', versus?: string): Ratio[] {
  const gw = runs.targets.find((t) => t.target === subject);
  if (!gw) return [];
  return runs.targets
    .filter((t) => t !== gw && (versus === undefined || t.target === versus))
    .map((other) => {
      const per = (f: (g: WrkResult, o: WrkResult) => number) => median(gw.rounds.map((g, i) => f(g, other.rounds[i]!)));
      return {
        workload: label(runs),
        subject,
        versus: other.target,
        rps: per((g, o) => g.rps / o.rps),
        p50: per((g, o) => g.p50Ms / o.p50Ms),
        p99: per((g, o) => g.p99Ms / o.p99Ms),
        addedP50Ms: per((g, o) => g.p50Ms - o.p50Ms),
      };
    });
}

/** A text table; the first two columns left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** The results table and the ratios table as text. */
export function formatReport(workloads: WorkloadRuns[]): string {
  const rows = workloads.flatMap((w) =>
    w.targets.map((t, i) => {
      const s = summarize(t);
      return [
        i === 0 ? label(w) : '',
        t.target,
        s.rps.toFixed(0),
        s.p50Ms.toFixed(2),
        s.p99Ms.toFixed(2),
        String(s.errors),
        s.cpuUsPerRequest === undefined ? '' : s.cpuUsPerRequest.toFixed(1),
        `${((w.bodyBytes[t.target] ?? 0) / 1024).toFixed(1)}`,
        i === 0 ? `${mb(w.gatewayRss.rss)} (peak ${mb(w.gatewayRss.hwm)})` : '',
      ];
    }),
  );
  const all = workloads.flatMap((w) => [...ratios(w), ...FLOOR_TARGETS.flatMap((floor) => ratios(w, floor, 'vmauth'))]);
  const ratioRows = all.map((r) => [r.workload, `${r.subject}/${r.versus}`, r.rps.toFixed(2), r.p50.toFixed(2), r.p99.toFixed(2), r.addedP50Ms.toFixed(2)]);
  return [
    table(['workload', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'body KB', 'gateway RSS MB after'], rows),
    '',
    'Ratios (medians over rounds of per-round ratios; rps < 1 and latency > 1 mean the subject is slower;',
    'the *-floor rows show what a Node proxy with no auth, validation or metrics reaches against vmauth):',
    table(['workload', 'ratio', 'req/s', 'p50', 'p99', '+p50 ms'], ratioRows),
  ].join('\n');
}

/** A goal of the hot path, judged round by round within one run. */
export interface Goal {
  goal: string;
  /** `min` goals are met at or above the bound, `max` goals at or below it. */
  kind: 'min' | 'max';
  bound: number;
  unit: string;
  /** The per-round figures. */
  rounds: number[];
}

/** The per-round figures of `subject` against `versus` in the workload, by `f`. */
function perRound(runs: WorkloadRuns | undefined, subject: string, versus: string | undefined, f: (s: Round, o: Round | undefined) => number | undefined): number[] {
  const s = runs?.targets.find((t) => t.target === subject);
  const o = versus === undefined ? undefined : runs?.targets.find((t) => t.target === versus);
  if (!s || (versus !== undefined && !o)) return [];
  return s.rounds.map((round, i) => f(round, o?.rounds[i])).filter((v): v is number => v !== undefined && Number.isFinite(v));
}

/** The hot path's goals from the small-query workloads of a run. */
export function goals(workloads: WorkloadRuns[]): Goal[] {
  const find = (name: string, connections: number) => workloads.find((w) => w.workload === name && w.connections === connections);
  const c16 = find('instant-small', 16);
  const c1 = find('instant-small', 1);
  return [
    { goal: 'small query c16, gateway / Koa reference proxy (req/s)', kind: 'min', bound: 0.85, unit: 'x', rounds: perRound(c16, 'gateway', FLOOR_TARGETS[1], (g, o) => o && g.rps / o.rps) },
    { goal: 'small query c16, gateway CPU per request', kind: 'max', bound: 70, unit: 'µs', rounds: perRound(c16, 'gateway', undefined, (g) => g.cpuUsPerRequest) },
    { goal: 'small query c1, gateway p50 minus direct p50', kind: 'max', bound: 0.2, unit: 'ms', rounds: perRound(c1, 'gateway', 'direct', (g, o) => o && g.p50Ms - o.p50Ms) },
  ];
}

/** The goals as a text table: median, range over rounds, and in how many rounds each was met. */
export function formatGoals(list: Goal[]): string {
  const rows = list.map((g) => {
    const met = g.rounds.filter((v) => (g.kind === 'min' ? v >= g.bound : v <= g.bound)).length;
    const digits = g.unit === 'µs' ? 1 : 2;
    const fmt = (v: number) => `${v.toFixed(digits)}${g.unit === 'x' ? '' : ` ${g.unit}`}`;
    return g.rounds.length === 0
      ? [g.goal, `${g.kind === 'min' ? '≥' : '≤'} ${g.bound}`, '-', '-', 'not measured']
      : [g.goal, `${g.kind === 'min' ? '≥' : '≤'} ${fmt(g.bound)}`, fmt(median(g.rounds)), `${fmt(Math.min(...g.rounds))} – ${fmt(Math.max(...g.rounds))}`, `${met} of ${g.rounds.length} rounds`];
  });
  return table(['goal', 'bound', 'median', 'range', 'met'], rows);
}

/** The JSON document of a run. */
export function reportJson(workloads: WorkloadRuns[], context: Record<string, unknown>): unknown {
  return {
    ...context,
    goals: goals(workloads),
    workloads: workloads.map((w) => ({
      ...w,
      summary: w.targets.map(summarize),
      ratios: [...ratios(w), ...FLOOR_TARGETS.flatMap((floor) => ratios(w, floor, 'vmauth'))],
    })),
  };
}
