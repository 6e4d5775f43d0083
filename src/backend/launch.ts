/**
 * One vmsingle process, from spawn until /health answers OK, or a coded failure with the process
 * already gone. Restarts and port retries are the supervisor's business (vmsingle.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { VmsingleError } from './vmsingle-error.ts';
import { probeHealth } from './health.ts';
import type { Logger } from '../logger.ts';
import { guardChild } from './orphan-guard.ts';
import { createOutputTail, type OutputTail } from './output-tail.ts';
import { stopChild, whenClosed, type ExitInfo } from './stop-child.ts';
import { childEnvironment } from './vmsingle-auth.ts';

/** What one launch needs. */
export interface LaunchOptions {
  /** Binary path or name looked up in PATH. */
  binary: string;
  /** -storageDataPath. */
  storageDataPath: string;
  /** -retentionPeriod, e.g. 30d. */
  retentionPeriod: string;
  /** -promscrape.config file. (default: no scraping) */
  scrapeConfigPath?: string;
  /** -enableTCP6: vmsingle 1.79 dials IPv4 only without it, so an IPv6 scrape target needs it. (default: false) */
  enableTCP6?: boolean;
  /** Loopback port for -httpListenAddr. */
  port: number;
  /** -search.maxConcurrentRequests. (default: vmsingle's own, min(2 x CPUs, 16)) */
  maxConcurrentRequests?: number;
  /** How long to wait for /health. */
  startTimeoutMs: number;
  /** How long stop() waits after SIGINT before SIGKILL. */
  stopTimeoutMs: number;
  logger: Logger;
  /** Aborting stops the process and rejects with ERR_VM_STOPPED. (default: none) */
  signal?: AbortSignal;
  /** Flags after the built ones, for tests and the bench; vmsingle takes the last of a repeated flag. (default: none) */
  extraArgs?: readonly string[];
  /** Flags given through the environment (-envflag.enable), secrets among them; nothing else of the gateway's environment is passed. (default: none) */
  flagEnv?: Readonly<Record<string, string>>;
  /** Authorization value for the readiness probe. (default: none) */
  authorization?: string;
}

/** A running, healthy vmsingle. */
export interface VmsingleProcess {
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Resolves when the process has exited and its output is drained. */
  readonly closed: Promise<ExitInfo>;
  /** Its last lines of output. */
  readonly output: OutputTail;
  /** One SIGINT, SIGKILL after stopTimeoutMs; resolves on exit; idempotent. */
  stop(): Promise<ExitInfo>;
}

/** The command-line flags for vmsingle (pure). */
export function buildVmsingleArgs(
  options: Pick<LaunchOptions, 'storageDataPath' | 'retentionPeriod' | 'scrapeConfigPath' | 'enableTCP6' | 'port' | 'maxConcurrentRequests'>,
): string[] {
  const args = [
    '-storageDataPath', options.storageDataPath,
    '-httpListenAddr', `127.0.0.1:${options.port}`,
    '-retentionPeriod', options.retentionPeriod,
    // vmsingle 1.79 caches query results, and a query asked before the first scrape kept answering
    // "no data" after the series appeared (measured); the bundled store is small, so correctness
    // wins over the cache. The 1 s latency offset (default 30 s) shows the newest scrape of a known
    // series at once. A brand-new series still takes about 10 s to become searchable in 1.79,
    // within the two scrape intervals (30 s by default) the README promises.
    '-search.disableCache',
    '-search.latencyOffset', '1s',
    // Secrets (the auth flags) come through the environment, which `ps` does not show.
    '-envflag.enable',
  ];
  if (options.maxConcurrentRequests !== undefined) args.push('-search.maxConcurrentRequests', String(options.maxConcurrentRequests));
  if (options.scrapeConfigPath !== undefined) args.push('-promscrape.config', options.scrapeConfigPath);
  // Listening stays IPv4: -httpListenAddr names 127.0.0.1 whatever this flag says.
  if (options.enableTCP6 === true) args.push('-enableTCP6');
  return args;
}

/** How often start polls /health; vmsingle on an empty directory is up in ~0.1 s. */
const POLL_MS = 50;

/** Turns an exit during start into the error that says what to do, reading vmsingle's own words. */
function exitError(options: LaunchOptions, info: ExitInfo, output: string[]): VmsingleError {
  const text = output.join('\n');
  const said = output.length > 0 ? `; its last output:\n${output.slice(-10).join('\n')}` : '';
  if (text.includes('cannot acquire lock')) {
    return new VmsingleError(
      'ERR_VM_LOCKED',
      `vmsingle could not lock ${options.storageDataPath}: another vmsingle is using that directory; stop it or set LAYER_DATA_DIR to another directory`,
      { output },
    );
  }
  if (text.includes('address already in use')) {
    return new VmsingleError('ERR_VM_PORT_TAKEN', `vmsingle could not listen on 127.0.0.1:${options.port}: the port is taken`, { output });
  }
  const how = info.signal !== null ? `signal ${info.signal}` : `code ${info.code}`;
  return new VmsingleError('ERR_VM_EXITED', `vmsingle exited with ${how} while starting${said}`, { output });
}

/** Resolves on spawn, rejects with the coded reason when the binary cannot be run. */
function spawned(child: ChildProcess, binary: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      child.off('spawn', onSpawn);
      if (err.code === 'ENOENT') {
        reject(new VmsingleError(
          'ERR_VM_BINARY_MISSING',
          `vmsingle binary "${binary}" not found; install Debian's victoria-metrics package (apt-get install victoria-metrics) or set LAYER_VM_URL`,
          { cause: err },
        ));
      } else {
        reject(new VmsingleError('ERR_VM_SPAWN', `cannot run vmsingle binary "${binary}": ${err.message}`, { cause: err }));
      }
    };
    const onSpawn = () => {
      child.off('error', onError);
      resolve();
    };
    child.once('error', onError);
    child.once('spawn', onSpawn);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts vmsingle and resolves once /health answers OK; on any failure the process is gone. */
export async function launchVmsingle(options: LaunchOptions): Promise<VmsingleProcess> {
  const { logger, port } = options;
  if (options.signal?.aborted) throw new VmsingleError('ERR_VM_STOPPED', 'vmsingle was stopped before it started');
  const args = [...buildVmsingleArgs(options), ...(options.extraArgs ?? [])];
  const began = Date.now();
  // detached: its own session, so a terminal's Ctrl-C (SIGINT to the whole foreground group)
  // does not reach it as well as our own SIGINT from stop(): two SIGINTs kill it uncleanly.
  const env = childEnvironment(options.flagEnv ?? {});
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  await spawned(child, options.binary);
  const pid = child.pid as number;
  guardChild(child);
  // After spawn, an 'error' can only come from kill(); log it rather than crash the process.
  child.on('error', (err) => logger.warn({ err, pid }, 'vmsingle process error'));
  const output = createOutputTail(50, (line) => logger.debug({ pid }, `vmsingle: ${line}`));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => output.push(chunk));
  }
  const closed = whenClosed(child);
  let stopping: Promise<ExitInfo> | undefined;
  const stop = () => (stopping ??= stopChild(child, closed, options.stopTimeoutMs, logger));
  const url = `http://127.0.0.1:${port}`;
  logger.info({ pid, binary: options.binary, args }, 'vmsingle started; waiting for /health');

  let exit: ExitInfo | undefined;
  void closed.then((info) => {
    exit = info;
  });
  const aborted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
  const deadline = began + options.startTimeoutMs;
  while (exit === undefined && !options.signal?.aborted && Date.now() < deadline) {
    const probeMs = Math.max(1, Math.min(1000, deadline - Date.now()));
    const healthy = await Promise.race([probeHealth(url, probeMs, { authorization: options.authorization }), aborted.then(() => false)]);
    if (healthy && !options.signal?.aborted) {
      // It may have answered and then died at once; the supervisor sees that through `closed`.
      logger.info({ pid, port, ms: Date.now() - began }, 'vmsingle is healthy');
      return { pid, port, url, closed, output, stop };
    }
    await Promise.race([delay(POLL_MS), closed, aborted]);
  }
  if (options.signal?.aborted) {
    await stop();
    throw new VmsingleError('ERR_VM_STOPPED', 'vmsingle was stopped while starting', { output: output.lines() });
  }
  if (exit !== undefined) {
    // 'close' comes after the output pipes drained, so the tail holds its last words.
    throw exitError(options, exit, output.lines());
  }
  await stop();
  const lines = output.lines();
  throw new VmsingleError(
    'ERR_VM_START_TIMEOUT',
    `vmsingle did not answer ${url}/health within ${options.startTimeoutMs} ms` +
      (lines.length > 0 ? `; its last output:\n${lines.slice(-10).join('\n')}` : '; it printed nothing'),
    { output: lines },
  );
}
