/**
 * `npm run bench [-- --quick]`: starts vmsingle with the synthetic dataset, vmauth, the gateway
 * (external mode) and a bare Koa app on 127.0.0.1, runs each workload against its targets in
 * alternating rounds (A B C C B A ..., so drift hits every target alike), prints the tables and writes
 * bench/results/latest.json. Every child is stopped on exit, on errors and on SIGINT/SIGTERM.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { datasetEnd, GROUP_SIZE, largeRangeQuery, loadDataset, queryUrl, SERIES_COUNT, smallInstantQuery, type BenchQuery } from './dataset.ts';
import { comparedWithDirect, formatFanIn, runFanIn, variedUrls, type FanInResult } from './fan-in.ts';
import { cpuTicks, readRss, stopAll, TICKS_PER_SECOND, waitReady } from './processes.ts';
import { measureStreamMemory } from './stream-memory.ts';
import { FLOOR_TARGETS, formatGoals, formatReport, goals, reportJson, type Round, type WorkloadRuns } from './report.ts';
import { benchDir, BENCH_TOKEN, startFrontends, startVmsingle } from './targets.ts';
import { runWrk } from './wrk.ts';

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** The process serving it, when the bench started it: its CPU per request is measured. */
  pid?: number;
  /** Time parameters given a distinct value per request (see bench/wrk.ts), so nothing is coalesced. */
  vary?: Record<string, number>;
}

interface Workload {
  name: string;
  connections: number;
  targets: Target[];
}

const quick = process.argv.includes('--quick');
// Eight rounds of 2 s rather than fewer, longer ones: this shared machine's noise comes in bursts
// of seconds (one target's req/s swings by a third between neighbouring rounds), targets measured
// closer together share more of it, and a median of eight per-round ratios moves less with one
// bad round than a median of five.
const ROUNDS = quick ? 1 : 8;
const SECONDS = 2;
// Unmeasured seconds per target before round 1: JIT warm-up and connection set-up. The first
// workload finds every Node target cold, and V8 keeps optimising the gateway's larger code for
// longer than the reference proxies': with two seconds its first measured round of the small
// query cost 10-30 µs more CPU per request than the rounds after it (docs/performance.md).
const WARM_UP_SECONDS = quick ? 2 : 5;
// Seconds of each fan-in run (per target and viewer count).
const FAN_IN_SECONDS = quick ? 8 : 20;
const bearer = { Authorization: `Bearer ${BENCH_TOKEN}` };

/** The target's URL with its varied parameters at their base values. */
function baseUrl(target: Target): string {
  const extra = Object.entries(target.vary ?? {}).map(([name, value]) => `&${name}=${value}`);
  return `${target.url}${extra.join('')}`;
}

/** Fetches a target once: it must answer 200; returns the body size. */
async function probe(target: Target): Promise<number> {
  const res = await fetch(baseUrl(target), { headers: target.headers ?? {}, signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${target.name} ${target.url}: HTTP ${res.status}: ${body.toString().slice(0, 300)}`);
  return body.length;
}

function wrkExtras(target: Target): { headers?: Record<string, string>; vary?: Record<string, number> } {
  return { ...(target.headers ? { headers: target.headers } : {}), ...(target.vary ? { vary: target.vary } : {}) };
}

/** The query without its time parameters, and those as the base values of `vary`. */
function varied(query: BenchQuery): { query: BenchQuery; vary: Record<string, number> } {
  const params = { ...query.params };
  const vary: Record<string, number> = {};
  for (const name of ['time', 'start', 'end']) {
    if (params[name] === undefined) continue;
    vary[name] = Number(params[name]);
    delete params[name];
  }
  return { query: { ...query, params }, vary };
}

/**
 * The backend's count of range queries, read once it has held still for 2 s (vmsingle shows it a
 * second or so late) and no search is running (queries of clients that left still run there).
 */
async function rangeRequests(vmUrl: string): Promise<number> {
  let last = -1;
  let since = performance.now();
  for (;;) {
    const lines = (await (await fetch(`${vmUrl}/metrics`)).text()).split('\n');
    const value = (name: string) => Number(lines.find((l) => l.startsWith(`${name} `))?.split(' ').pop() ?? 0);
    const now = value('vm_http_requests_total{path="/api/v1/query_range"}');
    if (now !== last || value('vm_concurrent_select_current') > 0) [last, since] = [now, performance.now()];
    else if (performance.now() - since >= 2000) return now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function runWorkload(workload: Workload, gatewayPid: number): Promise<WorkloadRuns> {
  const bodyBytes: Record<string, number> = {};
  for (const target of workload.targets) bodyBytes[target.name] = await probe(target);
  for (const target of workload.targets) {
    await runWrk({ url: target.url, connections: workload.connections, seconds: WARM_UP_SECONDS, ...wrkExtras(target) });
  }
  const runs = workload.targets.map((t) => ({ target: t.name, rounds: [] as Round[] }));
  const order = [...workload.targets.entries()];
  const reversed = [...order].reverse();
  for (let round = 0; round < ROUNDS; round++) {
    // A B C, then C B A: a drift that lasts a round pair favours no target by its place in the order.
    for (const [i, target] of round % 2 === 0 ? order : reversed) {
      // The serving process's CPU over the round, per request answered: what bench:cpu measures, here in the same run as the ratios.
      const ticksBefore = target.pid === undefined ? 0 : await cpuTicks(target.pid);
      const wrk = await runWrk({ url: target.url, connections: workload.connections, seconds: SECONDS, ...wrkExtras(target) });
      const result: Round = target.pid === undefined ? wrk : { ...wrk, cpuUsPerRequest: (((await cpuTicks(target.pid)) - ticksBefore) / TICKS_PER_SECOND / wrk.requests) * 1e6 };
      runs[i]!.rounds.push(result);
      console.error(`  ${workload.name} round ${round + 1}/${ROUNDS} ${target.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms${result.errors ? `, ${result.errors} ERRORS` : ''}`);
    }
  }
  return { workload: workload.name, connections: workload.connections, bodyBytes, targets: runs, gatewayRss: await readRss(gatewayPid) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = await benchDir();
  try {
    console.error(`bench: ${quick ? 'quick, ' : ''}${ROUNDS} round(s) of ${SECONDS} s per target per workload`);
    const vm = await startVmsingle(tmp.dir);
    const end = datasetEnd(Date.now());
    const importBytes = await loadDataset(vm.url, end);
    console.error(`bench: imported ${SERIES_COUNT} series (${(importBytes / 1048576).toFixed(1)} MB of text) into ${vm.url}`);
    const fronts = await startFrontends(tmp.dir, vm.url);
    const rssAtStart = await readRss(fronts.gatewayPid);

    const small = smallInstantQuery(end);
    const range = largeRangeQuery(end);
    const against = (pinned: BenchQuery, withFloors = false): Target[] => {
      const { query, vary } = varied(pinned);
      return [
        { name: 'direct', url: queryUrl(vm.url, query), vary },
        { name: 'vmauth', url: queryUrl(fronts.vmauthUrl, query), headers: bearer, vary },
        { name: 'gateway', url: queryUrl(`${fronts.gatewayUrl}/v2/metrics`, query), headers: bearer, vary, pid: fronts.gatewayPid },
        // What Node itself reaches with nothing the gateway adds, on the small-query workloads.
        ...(withFloors
          ? [
              { name: FLOOR_TARGETS[0], url: queryUrl(fronts.floorUrls.node, query), vary, pid: fronts.floorPids.node },
              { name: FLOOR_TARGETS[1], url: queryUrl(fronts.floorUrls.koa, query), vary, pid: fronts.floorPids.koa },
            ]
          : []),
      ];
    };
    const workloads: Workload[] = [
      { name: 'instant-small', connections: 16, targets: against(small, true) },
      { name: 'range-300k', connections: 16, targets: against(range) },
      { name: 'instant-small', connections: 1, targets: against(small, true) },
      {
        name: 'catalog',
        connections: 16,
        targets: [
          { name: 'bare-koa', url: fronts.bareKoaUrl },
          { name: 'gateway', url: `${fronts.gatewayUrl}/v2/metrics/catalog`, headers: bearer, pid: fronts.gatewayPid },
        ],
      },
      {
        name: 'ops',
        connections: 16,
        targets: [
          { name: 'gateway /health', url: `${fronts.gatewayUrl}/health`, pid: fronts.gatewayPid },
          { name: 'gateway /metrics', url: `${fronts.gatewayUrl}/metrics`, pid: fronts.gatewayPid },
        ],
      },
    ];

    const results: WorkloadRuns[] = [];
    const ops = workloads.pop()!;
    for (const workload of workloads) {
      console.error(`bench: ${workload.name} at ${workload.connections} connection(s)`);
      results.push(await runWorkload(workload, fronts.gatewayPid));
    }
    // The streams run after the query and catalog workloads and before the /health and /metrics
    // one: hammering /metrics at 16 connections (over a thousand renders a second, no scraper's
    // pace) leaves anywhere from 140 to 210 MB of RSS behind until V8 collects it, which would
    // measure V8's timing rather than what the streams cost. The ops row shows that RSS.
    const fanIn: FanInResult[] = [];
    for (const viewers of [10, 50]) {
      for (const [target, base, headers] of [
        ['direct', vm.url, {}],
        ['vmauth', fronts.vmauthUrl, bearer],
        ['gateway', `${fronts.gatewayUrl}/v2/metrics`, bearer],
      ] as const) {
        console.error(`bench: dashboard fan-in, ${viewers} viewers, ${target}`);
        const result = await runFanIn({ target, base, headers, viewers, seconds: FAN_IN_SECONDS, endSeconds: end, backendCount: () => rangeRequests(vm.url) });
        console.error(`  ${result.rps.toFixed(0)} panels/s, p50 ${result.p50Ms.toFixed(1)} ms, ${result.refreshes} refreshes, backend ${result.backendRequests}, ${result.errors} errors`);
        fanIn.push(result);
      }
    }

    console.error('bench: 50 concurrent ~10 MB streamed range responses through the gateway');
    const huge = largeRangeQuery(end, SERIES_COUNT / GROUP_SIZE, 2);
    const streaming = await measureStreamMemory(queryUrl(`${fronts.gatewayUrl}/v2/metrics`, huge), bearer, fronts.gatewayPid, 50);
    // The streams leave vmsingle busy for a while; the gateway's probe may report it down meanwhile.
    await waitReady(fronts.gatewayChild, `${fronts.gatewayUrl}/health`, {}, 60_000);
    console.error(`bench: ${ops.name} at ${ops.connections} connection(s)`);
    results.push(await runWorkload(ops, fronts.gatewayPid));

    const rangeBytes = results[1]?.bodyBytes.direct ?? 0;
    console.log(`\nRange query body: ${rangeBytes} bytes (${(rangeBytes / 1024).toFixed(1)} KB); gateway RSS at start ${(rssAtStart.rss / 1048576).toFixed(1)} MB\n`);
    console.log(formatReport(results));
    console.log(`\nGoals (each the median over rounds of the per-round figure, with the rounds' range):\n${formatGoals(goals(results))}`);
    console.log(`\nDashboard fan-in (12 panels, refreshes compressed; ${FAN_IN_SECONDS} s per target):`);
    console.log(formatFanIn(fanIn));
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
    console.log(
      `\nstream-10mb c${streaming.concurrency}: body ${mb(streaming.bodyBytes)} MB each, ${streaming.seconds.toFixed(1)} s, ` +
        `gateway RSS ${mb(streaming.rssBeforeBytes)} MB before, peak ${mb(streaming.rssPeakBytes)} MB during, ${streaming.failures} failed`,
    );

    const context = {
      date: new Date().toISOString(),
      quick,
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` },
      dataset: { series: SERIES_COUNT, importBytes, smallQuery: small, rangeQuery: range, rangeBodyBytes: rangeBytes },
      gatewayRssAtStart: rssAtStart,
      streamMemory: streaming,
      fanIn: fanIn.map((result) => {
        const { bodies, ...rest } = result;
        return { ...rest, distinctAnswers: bodies.size, urlsWithSeveralAnswers: variedUrls(result), answersVsDirect: comparedWithDirect(result, fanIn) ?? null };
      }),
    };
    const out = new URL('results/latest.json', import.meta.url);
    await mkdir(new URL('.', out), { recursive: true });
    await writeFile(out, `${JSON.stringify(reportJson(results, context), null, 2)}\n`);
    console.log(`\nwrote ${out.pathname} (${context.durationSeconds} s)`);
  } finally {
    await stopAll();
    await tmp.remove();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping children`);
    void stopAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
