/**
 * A real VictoriaMetrics single-node started by a test (not the gateway's bundled one): the
 * backend of external mode, which the test can kill and bring back on the same port. Started by
 * the gateway's own launchVmsingle, so tests run vmsingle with the gateway's flags.
 */
import { findFreePort } from '../../src/backend/free-port.ts';
import { launchVmsingle, type VmsingleProcess as LaunchedVmsingle } from '../../src/backend/launch.ts';
import type { ExitInfo } from '../../src/backend/stop-child.ts';
import { silentLogger } from '../../src/logger.ts';

/** A running vmsingle. */
export interface VmsingleProcess extends LaunchedVmsingle {
  /** SIGKILL, then waits. */
  kill(): Promise<ExitInfo>;
  /** Whether the process has exited (and its output is drained). */
  hasExited(): boolean;
}

/** Starts victoria-metrics on 127.0.0.1:`port` (default: a free one) with `dataDir` and extra `args`; resolves once /health answers OK. */
export async function startVmsingleProcess(options: { dataDir: string; port?: number; args?: string[] }): Promise<VmsingleProcess> {
  const vm = await launchVmsingle({
    binary: 'victoria-metrics',
    storageDataPath: options.dataDir,
    retentionPeriod: '1y',
    port: options.port ?? (await findFreePort()),
    startTimeoutMs: 20_000,
    stopTimeoutMs: 15_000,
    logger: silentLogger,
    extraArgs: options.args ?? [],
  });
  let exited = false;
  void vm.closed.then(() => (exited = true));
  return {
    ...vm,
    hasExited: () => exited,
    kill: () => {
      try {
        process.kill(vm.pid, 'SIGKILL');
      } catch {
        // Already gone: `closed` has settled or is about to.
      }
      return vm.closed;
    },
  };
}
