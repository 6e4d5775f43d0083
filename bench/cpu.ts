/**
 * `npm run bench:cpu -- NAME=DIR [NAME=DIR ...] [--rounds N] [--seconds S]`: CPU per request of
 * compiled gateways side by side, each started as its checkout's `npm start` runs it, from
 * /proc/<pid>/stat (utime + stime of the gateway process), for the catalog route, the small
 * instant query and a Prometheus-text /metrics scrape, under wrk at 16 connections. Each DIR is a
 * checkout with a built dist/main.js (`npm run build` there); all gateways run in external mode
 * against one vmsingle with the bench dataset, and each round measures them in turn, the order
 * reversed every other round, so drift on a shared machine falls on all of them alike.
 */
import { join, resolve } from 'node:path';
import { datasetEnd, loadDataset, queryUrl, smallInstantQuery } from './dataset.ts';
import { cpuTicks, freePort, startChild, stopAll, TICKS_PER_SECOND, waitReady } from './processes.ts';
import { BENCH_TOKEN, benchDir, startVmsingle } from './targets.ts';
import { median } from './report.ts';
import { gatewayArgs } from './start-command.ts';
import { runWrk } from './wrk.ts';

const USAGE = 'usage: npm run bench:cpu -- NAME=DIR [NAME=DIR ...] [--rounds N] [--seconds S]';
function parseArgs(argv: string[]): { builds: { name: string; dir: string }[]; rounds: number; seconds: number } {
  const builds: { name: string; dir: string }[] = [];
  let rounds = 6;
  let seconds = 4;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rounds') rounds = Number(argv[++i]);
    else if (arg === '--seconds') seconds = Number(argv[++i]);
    else if (/^[\w-]+=/.test(arg)) builds.push({ name: arg.slice(0, arg.indexOf('=')), dir: resolve(arg.slice(arg.indexOf('=') + 1)) });
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (builds.length === 0 || !(rounds > 0) || !(seconds > 0)) throw new Error(USAGE);
  return { builds, rounds, seconds };
}

async function main(): Promise<void> {
  const { builds, rounds, seconds } = parseArgs(process.argv.slice(2));
  const { dir, remove } = await benchDir();
  try {
    const vm = await startVmsingle(dir);
    const end = datasetEnd(Date.now());
    await loadDataset(vm.url, end);
    const gateways = [];
    for (const build of builds) {
      const port = await freePort();
      const child = startChild(build.name, process.execPath, gatewayArgs(build.dir), {
        env: {
          ...process.env,
          LAYER_GATEWAY_HOST: '127.0.0.1',
          LAYER_GATEWAY_PORT: String(port),
          LAYER_DATA_DIR: join(dir, `gateway-${build.name}`),
          LAYER_VM_URL: vm.url,
          LAYER_API_TOKENS: BENCH_TOKEN,
          LAYER_LOG_LEVEL: 'warn',
          LAYER_PROXY_MAX_CONCURRENT: '256',
          LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '256',
        },
      });
      const url = `http://127.0.0.1:${port}`;
      await waitReady(child, `${url}/health`);
      gateways.push({ ...build, url, pid: child.process.pid! });
    }
    // The small query without its time, which each request gets distinct (see bench/wrk.ts): the
    // cost of one request, with nothing shared between identical requests in flight.
    const small = smallInstantQuery(end);
    const { time, ...smallParams } = small.params;
    const workloads: { name: string; path: (url: string) => string; vary?: Record<string, number> }[] = [
      { name: 'catalog', path: (url: string) => `${url}/v2/metrics/catalog` },
      { name: 'small query', path: (url: string) => queryUrl(`${url}/v2/metrics`, { ...small, params: smallParams }), vary: { time: Number(time) } },
      { name: 'metrics (Prometheus text)', path: (url: string) => `${url}/metrics` },
    ];
    const headers = { Authorization: `Bearer ${BENCH_TOKEN}` };
    const perRequest = new Map<string, number[]>();
    for (const workload of workloads) {
      // One unmeasured second per gateway: connections, JIT.
      const vary = workload.vary ? { vary: workload.vary } : {};
      for (const gw of gateways) await runWrk({ url: workload.path(gw.url), connections: 16, seconds: 1, headers, ...vary });
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? gateways : [...gateways].reverse();
        for (const gw of order) {
          const before = await cpuTicks(gw.pid);
          const result = await runWrk({ url: workload.path(gw.url), connections: 16, seconds, headers, ...vary });
          const ticks = (await cpuTicks(gw.pid)) - before;
          if (result.errors > 0) throw new Error(`${gw.name} ${workload.name}: ${result.errors} errors`);
          const us = (ticks / TICKS_PER_SECOND / result.requests) * 1e6;
          const key = `${workload.name}\t${gw.name}`;
          perRequest.set(key, [...(perRequest.get(key) ?? []), us]);
          console.log(`round ${round + 1} ${workload.name} ${gw.name}: ${us.toFixed(1)} µs CPU/request, ${Math.round(result.rps)} req/s`);
        }
      }
    }
    console.log('\nworkload\tgateway\tmedian µs CPU/request\trounds');
    for (const [key, values] of perRequest) console.log(`${key}\t${median(values).toFixed(1)}\t${values.map((v) => v.toFixed(1)).join(' ')}`);
  } finally {
    await stopAll();
    await remove();
  }
}

await main();
