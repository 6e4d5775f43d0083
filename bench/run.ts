/**
 * `npm run bench [-- --quick]`: starts vmsingle with the synthetic dataset, vmauth, the gateway
 * (external mode) and a bare Koa app on 127.0.0.1, runs each workload against its targets in
 * alternating rounds (A B C C B A ..., so drift hits every target alike), prints the tables and writes
 * bench/results/latest.json. Every child is stopped on exit, on errors and on SIGINT/SIGTERM.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { datasetEnd, GROUP_SIZE, largeRangeQuery, loadDataset, queryUrl, SERIES_COUNT, smallInstantQuery } from './dataset.ts';
import { readRss, stopAll } from './processes.ts';
import { measureStreamMemory } from './stream-memory.ts';
import { FLOOR_TARGETS, formatReport, reportJson, type WorkloadRuns } from './report.ts';
import { benchDir, BENCH_TOKEN, startFrontends, startVmsingle } from './targets.ts';
import { runWrk } from './wrk.ts';

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

interface Workload {
  name: string;
  connections: number;
  targets: Target[];
  /**
   * Give every query request its own evaluation time, so each one costs a backend request even
   * behind a proxy that shares identical requests in flight. (default: false)
   */
  distinctTimes?: boolean;
}

const quick = process.argv.includes('--quick');
// Eight rounds of 2 s rather than fewer, longer ones: this shared machine's noise comes in bursts
// of seconds (one target's req/s swings by a third between neighbouring rounds), targets measured
// closer together share more of it, and a median of eight per-round ratios moves less with one
// bad round than a median of five.
const ROUNDS = quick ? 1 : 8;
const SECONDS = 2;
// Unmeasured seconds per target before round 1: JIT warm-up and connection set-up. Two, because
// the baselines (bare Koa, the reference proxies) start cold while the gateway has served the
// workloads before.
const WARM_UP_SECONDS = quick ? 1 : 2;
const bearer = { Authorization: `Bearer ${BENCH_TOKEN}` };

/** Fetches a target once: it must answer 200; returns the body size. */
async function probe(target: Target): Promise<number> {
  const res = await fetch(target.url, { headers: target.headers ?? {}, signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${target.name} ${target.url}: HTTP ${res.status}: ${body.toString().slice(0, 300)}`);
  return body.length;
}

async function runWorkload(workload: Workload, gatewayPid: number): Promise<WorkloadRuns> {
  const bodyBytes: Record<string, number> = {};
  for (const target of workload.targets) bodyBytes[target.name] = await probe(target);
  for (const target of workload.targets) {
    await runWrk({ url: target.url, connections: workload.connections, seconds: WARM_UP_SECONDS, distinctTimes: workload.distinctTimes ?? false, ...(target.headers ? { headers: target.headers } : {}) });
  }
  const runs = workload.targets.map((t) => ({ target: t.name, rounds: [] as Awaited<ReturnType<typeof runWrk>>[] }));
  const order = [...workload.targets.entries()];
  const reversed = [...order].reverse();
  for (let round = 0; round < ROUNDS; round++) {
    // A B C, then C B A: a drift that lasts a round pair favours no target by its place in the order.
    for (const [i, target] of round % 2 === 0 ? order : reversed) {
      const result = await runWrk({ url: target.url, connections: workload.connections, seconds: SECONDS, distinctTimes: workload.distinctTimes ?? false, ...(target.headers ? { headers: target.headers } : {}) });
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
    const against = (query: typeof small, withFloors = false): Target[] => [
      { name: 'direct', url: queryUrl(vm.url, query) },
      { name: 'vmauth', url: queryUrl(fronts.vmauthUrl, query), headers: bearer },
      { name: 'gateway', url: queryUrl(`${fronts.gatewayUrl}/v2/metrics`, query), headers: bearer },
      // What Node itself reaches with nothing the gateway adds, on the small-query workloads.
      ...(withFloors
        ? [
            { name: FLOOR_TARGETS[0], url: queryUrl(fronts.floorUrls.node, query) },
            { name: FLOOR_TARGETS[1], url: queryUrl(fronts.floorUrls.koa, query) },
          ]
        : []),
    ];
    const workloads: Workload[] = [
      { name: 'instant-small', connections: 16, targets: against(small, true), distinctTimes: true },
      { name: 'range-300k', connections: 16, targets: against(range), distinctTimes: true },
      { name: 'instant-small', connections: 1, targets: against(small, true), distinctTimes: true },
      {
        name: 'catalog',
        connections: 16,
        targets: [
          { name: 'bare-koa', url: fronts.bareKoaUrl },
          { name: 'gateway', url: `${fronts.gatewayUrl}/v2/metrics/catalog`, headers: bearer },
        ],
      },
      {
        name: 'ops',
        connections: 16,
        targets: [
          { name: 'gateway /health', url: `${fronts.gatewayUrl}/health` },
          { name: 'gateway /metrics', url: `${fronts.gatewayUrl}/metrics` },
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
    console.error('bench: 50 concurrent ~10 MB streamed range responses through the gateway');
    const huge = largeRangeQuery(end, SERIES_COUNT / GROUP_SIZE, 2);
    const streaming = await measureStreamMemory(queryUrl(`${fronts.gatewayUrl}/v2/metrics`, huge), bearer, fronts.gatewayPid, 50);
    console.error(`bench: ${ops.name} at ${ops.connections} connection(s)`);
    results.push(await runWorkload(ops, fronts.gatewayPid));

    const rangeBytes = results[1]?.bodyBytes.direct ?? 0;
    console.log(`\nRange query body: ${rangeBytes} bytes (${(rangeBytes / 1024).toFixed(1)} KB); gateway RSS at start ${(rssAtStart.rss / 1048576).toFixed(1)} MB\n`);
    console.log(formatReport(results));
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
