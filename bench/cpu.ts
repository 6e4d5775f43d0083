/**
 * `npm run bench:cpu -- NAME=DIR [NAME=DIR ...] [options]` (bench/cpu-args.ts): CPU per request of
 * compiled gateways side by side, each started as its checkout's `npm start` runs it, from
 * /proc/<pid>/stat (utime + stime of the gateway process), for the catalog route, the small
 * instant query and a Prometheus-text /metrics scrape, under wrk (16 connections unless told),
 * at LAYER_LOG_LEVEL=warn unless told (--log-level info: an access line per request, as users get).
 * Each DIR is a checkout with a built dist/main.js (`npm run build` there); all gateways run in
 * external mode against one vmsingle with the bench dataset, and each round measures them in
 * turn, the order reversed every other round, so drift on a shared machine falls on all of them
 * alike. Every build after the first is also compared with the first round by round: the median
 * difference, and in how many rounds it was lower. Two processes of one build can differ by a few
 * µs per request for as long as they run (docs/performance.md), so `--processes K` starts each
 * build K times and takes a round's figure of a build as the mean of its processes.
 */
import { join } from 'node:path';
import { datasetEnd, loadDataset, queryUrl, smallInstantQuery } from './dataset.ts';
import { cpuTicks, freePort, startChild, stopAll, TICKS_PER_SECOND, waitReady } from './processes.ts';
import { BENCH_TOKEN, benchDir, startVmsingle } from './targets.ts';
import { median, paired } from './report.ts';
import { gatewayArgs } from './start-command.ts';
import { runWrk } from './wrk.ts';
import { parseCpuArgs, type CpuArgs, type WorkloadKey } from './cpu-args.ts';

async function main({ builds, rounds, seconds, connections, workloads: chosen, processes, logLevel }: CpuArgs): Promise<void> {
  const { dir, remove } = await benchDir();
  try {
    const vm = await startVmsingle(dir);
    const end = datasetEnd(Date.now());
    await loadDataset(vm.url, end);
    // Interleaved (a#1 b#1 a#2 b#2 ...), so each build's processes are spread over a round.
    const gateways = [];
    for (let k = 1; k <= processes; k++) for (const build of builds) gateways.push({ ...build, label: processes === 1 ? build.name : `${build.name}#${k}`, url: '', pid: 0 });
    for (const gw of gateways) {
      const port = await freePort();
      const child = startChild(gw.label, process.execPath, gatewayArgs(gw.dir), {
        env: {
          ...process.env,
          LAYER_GATEWAY_HOST: '127.0.0.1',
          LAYER_GATEWAY_PORT: String(port),
          LAYER_DATA_DIR: join(dir, `gateway-${gw.label}`),
          LAYER_VM_URL: vm.url,
          LAYER_API_TOKENS: BENCH_TOKEN,
          LAYER_LOG_LEVEL: logLevel,
          LAYER_PROXY_MAX_CONCURRENT: '256',
          LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '256',
        },
      });
      gw.url = `http://127.0.0.1:${port}`;
      gw.pid = child.process.pid!;
      await waitReady(child, `${gw.url}/health`);
    }
    // The small query without its time, which each request gets distinct (see bench/wrk.ts): the
    // cost of one request, with nothing shared between identical requests in flight.
    const small = smallInstantQuery(end);
    const { time, ...smallParams } = small.params;
    const all: { key: WorkloadKey; name: string; path: (url: string) => string; vary?: Record<string, number> }[] = [
      { key: 'catalog', name: 'catalog', path: (url: string) => `${url}/v2/metrics/catalog` },
      { key: 'small', name: 'small query', path: (url: string) => queryUrl(`${url}/v2/metrics`, { ...small, params: smallParams }), vary: { time: Number(time) } },
      { key: 'metrics', name: 'metrics (Prometheus text)', path: (url: string) => `${url}/metrics` },
    ];
    const workloads = all.filter((workload) => chosen.has(workload.key));
    const headers = { Authorization: `Bearer ${BENCH_TOKEN}` };
    const perRequest = new Map<string, number[]>();
    for (const workload of workloads) {
      // One unmeasured second per gateway: connections, JIT.
      const vary = workload.vary ? { vary: workload.vary } : {};
      for (const gw of gateways) await runWrk({ url: workload.path(gw.url), connections, seconds: 1, headers, ...vary });
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? gateways : [...gateways].reverse();
        const sums = new Map<string, number>();
        for (const gw of order) {
          const before = await cpuTicks(gw.pid);
          const result = await runWrk({ url: workload.path(gw.url), connections, seconds, headers, ...vary });
          const ticks = (await cpuTicks(gw.pid)) - before;
          if (result.errors > 0) throw new Error(`${gw.label} ${workload.name}: ${result.errors} errors`);
          const us = (ticks / TICKS_PER_SECOND / result.requests) * 1e6;
          sums.set(gw.name, (sums.get(gw.name) ?? 0) + us);
          console.log(`round ${round + 1} ${workload.name} ${gw.label}: ${us.toFixed(1)} µs CPU/request, ${Math.round(result.rps)} req/s`);
        }
        for (const build of builds) {
          const key = `${workload.name}\t${build.name}`;
          perRequest.set(key, [...(perRequest.get(key) ?? []), sums.get(build.name)! / processes]);
        }
      }
    }
    console.log(`\nLAYER_LOG_LEVEL=${logLevel}, ${connections} connections, ${seconds} s per round`);
    console.log(`workload\tgateway\tmedian µs CPU/request\trounds${processes > 1 ? ` (each the mean of ${processes} processes)` : ''}`);
    for (const [key, values] of perRequest) console.log(`${key}\t${median(values).toFixed(1)}\t${values.map((v) => v.toFixed(1)).join(' ')}`);
    if (builds.length > 1) {
      const first = builds[0]!.name;
      console.log(`\nworkload\tgateway\tmedian difference from ${first}, µs\tlower\thigher`);
      for (const workload of workloads) {
        for (const build of builds.slice(1)) {
          const p = paired(perRequest.get(`${workload.name}\t${first}`)!, perRequest.get(`${workload.name}\t${build.name}`)!);
          console.log(`${workload.name}\t${build.name}\t${p.medianDifference >= 0 ? '+' : ''}${p.medianDifference.toFixed(1)}\t${p.lower} of ${p.rounds}\t${p.higher} of ${p.rounds}`);
        }
      }
    }
  } finally {
    await stopAll();
    await remove();
  }
}

let args: CpuArgs | undefined;
try {
  args = parseCpuArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
if (args) await main(args);
