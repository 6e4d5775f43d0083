/**
 * Runs wrk against one URL and parses what the report needs: requests per second, p50 and p99
 * latency (with --latency), and the count of non-2xx/3xx responses and socket errors. With `vary`,
 * a Lua script gives every request its own value of those parameters (a few microseconds apart),
 * so that no two requests in flight are identical and none shares another's backend answer.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One wrk run's figures. */
export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx/3xx responses plus socket errors: anything but 0 makes the run suspect. */
  errors: number;
}

/** wrk settings; threads default to min(2, connections) since wrk needs connections >= threads. */
export interface WrkOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Parameters (unix seconds) appended to the URL with a value distinct per request: base + n / 1e6. (default: none, every request the same) */
  vary?: Record<string, number>;
}

/** The Lua script of `vary`: each thread counts its requests; thread i of t takes the numbers i, i + t, i + 2t ... */
export function varyScript(url: string, vary: Record<string, number>, threads: number): string {
  const target = new URL(url);
  const names = Object.keys(vary);
  const lua = (s: string) => JSON.stringify(s);
  return [
    'local counter = 0',
    'local created = 0',
    'function setup(thread) thread:set("id", created); created = created + 1 end',
    `local path = ${lua(`${target.pathname}${target.search}`)}`,
    `local names = { ${names.map(lua).join(', ')} }`,
    `local values = { ${names.map((n) => String(vary[n])).join(', ')} }`,
    'request = function()',
    '  counter = counter + 1',
    `  local d = (counter * ${threads} + id) / 1000000`,
    '  local q = ""',
    '  for i = 1, #names do q = q .. "&" .. names[i] .. "=" .. string.format("%.6f", values[i] + d) end',
    '  return wrk.format(nil, path .. q)',
    'end',
    '',
  ].join('\n');
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function latencyMs(output: string, percentile: string): number {
  const match = new RegExp(`^\\s+${percentile}%\\s+([0-9.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
  if (!match) throw new Error(`wrk output has no ${percentile}% latency line:\n${output}`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

/** Parses wrk's text report (exported for a quick check by hand). */
export function parseWrk(output: string): WrkResult {
  const rps = /^Requests\/sec:\s+([0-9.]+)/m.exec(output);
  const requests = /^\s+(\d+) requests in/m.exec(output);
  if (!rps || !requests) throw new Error(`unexpected wrk output:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { rps: Number(rps[1]), p50Ms: latencyMs(output, '50'), p99Ms: latencyMs(output, '99'), requests: Number(requests[1]), errors: non2xx + socketErrors };
}

/** Runs wrk; the run is bounded by -d plus a 10 s safety margin after which wrk is killed. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const threads = Math.min(2, options.connections);
  const args = ['-t', String(threads), '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '5s', '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  const scriptDir = options.vary ? await mkdtemp(join(tmpdir(), 'layer-bench-wrk-')) : undefined;
  if (scriptDir && options.vary) {
    const script = join(scriptDir, 'vary.lua');
    await writeFile(script, varyScript(options.url, options.vary, threads));
    args.push('-s', script);
  }
  args.push(options.url);
  try {
    return await spawnWrk(args, options.seconds);
  } finally {
    if (scriptDir) await rm(scriptDir, { recursive: true, force: true });
  }
}

async function spawnWrk(args: string[], seconds: number): Promise<WrkResult> {
  const proc = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), (seconds + 10) * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', resolve);
  }).finally(() => clearTimeout(timer));
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`);
  return parseWrk(output);
}
