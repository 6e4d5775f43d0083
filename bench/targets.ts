/**
 * The systems under test, all on 127.0.0.1: vmsingle, vmauth in front of it with a bearer token,
 * the gateway in external mode (a child process, so its RSS is its own and it does not share the
 * bench's event loop), the bare Koa baseline for the catalog route, and two reference proxies
 * (bench/floor-proxy.ts) for the passthrough workloads.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchVmsingle } from '../src/backend/launch.ts';
import { freePort, startChild, stopWithAll, waitReady, type Child } from './processes.ts';
import { gatewayArgs } from './start-command.ts';
import { silentLogger } from '../src/logger.ts';

/** The token vmauth and the gateway both require. */
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

/** Everything a run needs to reach the targets. */
export interface Targets {
  /** vmsingle, no auth. */
  vmUrl: string;
  /** vmauth in front of vmsingle, bearer token. */
  vmauthUrl: string;
  /** The gateway, external mode, bearer token. */
  gatewayUrl: string;
  gatewayPid: number;
  /** The gateway's child process. */
  gatewayChild: Child;
  /** The bare Koa catalog server. */
  bareKoaUrl: string;
  /** Reference proxies with nothing the gateway adds: plain node:http, and the same inside Koa. */
  floorUrls: { node: string; koa: string };
  /** The reference proxies' process ids, to read their CPU time. */
  floorPids: { node: number; koa: number };
  /** Removes the temporary directory (call after the children are stopped). */
  cleanup(): Promise<void>;
}

const REPO = new URL('..', import.meta.url).pathname;
const auth = { headers: { Authorization: `Bearer ${BENCH_TOKEN}` } };

/** Starts vmsingle only; the dataset goes in before the front ends start. */
export async function startVmsingle(dir: string): Promise<{ url: string }> {
  const vm = await launchVmsingle({
    binary: 'victoria-metrics',
    storageDataPath: join(dir, 'vm'),
    retentionPeriod: '1y',
    port: await freePort(),
    startTimeoutMs: 30_000,
    stopTimeoutMs: 10_000,
    logger: silentLogger,
    // A plain vmsingle as an operator would run it: its response cache on and the default latency
    // offset, overriding the bundled store's settings (vmsingle takes the last of a repeated flag).
    extraArgs: ['-search.disableCache=false', '-search.latencyOffset=30s', '-loggerLevel=ERROR'],
  });
  stopWithAll(() => vm.stop());
  return { url: vm.url };
}

/** Starts vmauth, the gateway and the bare Koa app in front of / beside vmsingle at `vmUrl`. */
export async function startFrontends(dir: string, vmUrl: string): Promise<Omit<Targets, 'vmUrl' | 'cleanup'>> {
  const authConfig = join(dir, 'vmauth.yml');
  await writeFile(authConfig, `users:\n  - bearer_token: "${BENCH_TOKEN}"\n    url_prefix: "${vmUrl}"\n`);
  const vmauthPort = await freePort();
  const vmauth = startChild('vmauth', 'vmauth', [`-auth.config=${authConfig}`, `-httpListenAddr=127.0.0.1:${vmauthPort}`, '-loggerLevel=ERROR']);
  const vmauthUrl = `http://127.0.0.1:${vmauthPort}`;

  // The compiled gateway (npm run bench builds it first), as `npm start` runs it: plain node with
  // its options, so the RSS read is the gateway's alone, without tsx's loader thread.
  const gatewayPort = await freePort();
  const gateway = startChild('gateway', process.execPath, gatewayArgs(REPO), {
    env: {
      ...process.env,
      LAYER_GATEWAY_HOST: '127.0.0.1',
      LAYER_GATEWAY_PORT: String(gatewayPort),
      LAYER_DATA_DIR: join(dir, 'gateway'),
      LAYER_VM_URL: vmUrl,
      LAYER_API_TOKENS: BENCH_TOKEN,
      LAYER_LOG_LEVEL: 'warn',
      // Above the fan-in workload's 300 connections of one token: a request that shares another's
      // answer takes a share of its token's cap.
      LAYER_PROXY_MAX_CONCURRENT: '512',
      LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '512',
    },
  });
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

  const barePort = await freePort();
  const bare = startChild('bare-koa', process.execPath, ['--import', 'tsx', join(REPO, 'bench/bare-koa.ts')], {
    env: { ...process.env, BARE_KOA_PORT: String(barePort) },
  });
  const bareKoaUrl = `http://127.0.0.1:${barePort}`;

  const floorUrls = { node: '', koa: '' };
  const floors = await Promise.all(
    (['node', 'koa'] as const).map(async (kind) => {
      const port = await freePort();
      const child = startChild(`${kind}-floor`, process.execPath, ['--import', 'tsx', join(REPO, 'bench/floor-proxy.ts')], {
        env: { ...process.env, FLOOR_KIND: kind, FLOOR_UPSTREAM: vmUrl, FLOOR_PORT: String(port) },
      });
      floorUrls[kind] = `http://127.0.0.1:${port}`;
      return { kind, child, url: `${floorUrls[kind]}/api/v1/query?query=1` };
    }),
  );

  await waitReady(vmauth, `${vmauthUrl}/api/v1/labels`, auth);
  await waitReady(gateway, `${gatewayUrl}/health`);
  await waitReady(bare, bareKoaUrl);
  for (const floor of floors) await waitReady(floor.child, floor.url);
  if (gateway.process.pid === undefined) throw new Error('gateway has no pid');
  const floorPids = { node: 0, koa: 0 };
  for (const floor of floors) floorPids[floor.kind] = floor.child.process.pid ?? 0;
  return { vmauthUrl, gatewayUrl, gatewayPid: gateway.process.pid, gatewayChild: gateway, bareKoaUrl, floorUrls, floorPids };
}

/** A fresh temporary directory for vmsingle's data, the gateway's data dir and vmauth's config. */
export async function benchDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'layer-bench-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
