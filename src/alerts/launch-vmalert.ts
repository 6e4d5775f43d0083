/**
 * One vmalert process, from spawn until its /health answers OK, or a coded failure with the
 * process already gone. Restarts are the supervisor's business (vmalert.ts). Spawned like vmsingle
 * (launch.ts): its own session, secrets only in its environment, one SIGINT to stop.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { probeHealth } from '../backend/health.ts';
import { guardChild } from '../backend/orphan-guard.ts';
import { createOutputTail, type OutputTail } from '../backend/output-tail.ts';
import { stopChild, whenClosed, type ExitInfo } from '../backend/stop-child.ts';
import { childEnvironment } from '../backend/vmsingle-auth.ts';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Why vmalert could not be started; `code` says which way. */
export class VmalertError extends StartupError {
  override name = 'VmalertError';
  constructor(code: 'ERR_VMALERT_BINARY_MISSING' | 'ERR_VMALERT_SPAWN' | 'ERR_VMALERT_EXITED' | 'ERR_VMALERT_START_TIMEOUT' | 'ERR_VMALERT_STOPPED', message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** The URLs and settings one vmalert runs with. */
export interface VmalertArgsOptions {
  /** The rules file (-rule). */
  rulesPath: string;
  /** Prometheus query API the rules read, and where alert state is restored from (-datasource.url, -remoteRead.url). */
  backendUrl: string;
  /** Where ALERTS and ALERTS_FOR_STATE are written (-remoteWrite.url; /api/v1/write is appended). */
  writeUrl: string;
  /** Alertmanager-compatible receiver (-notifier.url; /api/v2/alerts is appended). */
  notifierUrl: string;
  /** -evaluationInterval in milliseconds. */
  evalIntervalMs: number;
  /** Loopback port for -httpListenAddr. */
  port: number;
  /** The gateway's URL, the source named in notifications (-external.url). */
  externalUrl: string;
}

/** The command-line flags for vmalert (pure); secrets go through the environment. */
export function buildVmalertArgs(options: VmalertArgsOptions): string[] {
  return [
    '-rule', options.rulesPath,
    '-datasource.url', options.backendUrl,
    '-remoteRead.url', options.backendUrl,
    '-remoteWrite.url', options.writeUrl,
    '-notifier.url', options.notifierUrl,
    '-evaluationInterval', `${options.evalIntervalMs}ms`,
    // State written between two flushes is lost when vmalert dies, so a pending alert restored
    // after a restart needs its ALERTS_FOR_STATE written within one evaluation (default flush: 5 s).
    '-remoteWrite.flushInterval', `${Math.min(options.evalIntervalMs, 5000)}ms`,
    '-httpListenAddr', `127.0.0.1:${options.port}`,
    '-external.url', options.externalUrl,
    '-envflag.enable',
  ];
}

/** What one launch needs. */
export interface LaunchVmalertOptions {
  binary: string;
  args: readonly string[];
  /** The flag environment (-envflag.enable), secrets among them. */
  flagEnv: Readonly<Record<string, string>>;
  /** http://127.0.0.1:PORT it listens on. */
  url: string;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  logger: Logger;
  /** Aborting stops the process and rejects with ERR_VMALERT_STOPPED. */
  signal: AbortSignal;
}

/** A running, healthy vmalert. */
export interface VmalertProcess {
  readonly pid: number;
  /** Resolves when the process has exited and its output is drained. */
  readonly closed: Promise<ExitInfo>;
  readonly output: OutputTail;
  /** One SIGINT, SIGKILL after the stop timeout; idempotent. */
  stop(): Promise<ExitInfo>;
}

const POLL_MS = 50;

/** Starts vmalert and resolves once /health answers OK; on any failure the process is gone. */
export async function launchVmalert(options: LaunchVmalertOptions): Promise<VmalertProcess> {
  const { logger, binary } = options;
  const child = spawn(binary, options.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: childEnvironment(options.flagEnv) });
  try {
    await once(child, 'spawn');
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw new VmalertError('ERR_VMALERT_BINARY_MISSING', `vmalert binary "${binary}" not found; install Debian's victoria-metrics package (apt-get install victoria-metrics) or set LAYER_VMALERT_BINARY`, { cause: err });
    }
    throw new VmalertError('ERR_VMALERT_SPAWN', `cannot run vmalert binary "${binary}": ${err.message}`, { cause: err });
  }
  const pid = child.pid as number;
  guardChild(child);
  child.on('error', (err) => logger.warn({ err, pid }, 'vmalert process error'));
  const output = createOutputTail(50, (line) => logger.debug({ pid }, `vmalert: ${line}`));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => output.push(chunk));
  }
  const closed = whenClosed(child);
  let stopping: Promise<ExitInfo> | undefined;
  const stop = () => (stopping ??= stopChild(child, closed, options.stopTimeoutMs, logger, 'vmalert'));
  let exit: ExitInfo | undefined;
  void closed.then((info) => {
    exit = info;
  });
  logger.info({ pid, binary, args: options.args }, 'vmalert started; waiting for /health');
  const deadline = Date.now() + options.startTimeoutMs;
  while (exit === undefined && !options.signal.aborted && Date.now() < deadline) {
    if (await probeHealth(options.url, Math.max(1, Math.min(1000, deadline - Date.now())))) {
      if (!options.signal.aborted) return { pid, closed, output, stop };
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, POLL_MS).unref()), closed]);
  }
  const said = () => (output.lines().length > 0 ? `; its last output:\n${output.lines().slice(-10).join('\n')}` : '');
  if (exit !== undefined) {
    const how = exit.signal !== null ? `signal ${exit.signal}` : `code ${exit.code}`;
    throw new VmalertError('ERR_VMALERT_EXITED', `vmalert exited with ${how} while starting${said()}`);
  }
  await stop();
  if (options.signal.aborted) throw new VmalertError('ERR_VMALERT_STOPPED', 'vmalert was stopped while starting');
  throw new VmalertError('ERR_VMALERT_START_TIMEOUT', `vmalert did not answer ${options.url}/health within ${options.startTimeoutMs} ms${said()}`);
}
