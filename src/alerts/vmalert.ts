/**
 * Supervises the bundled vmalert: writes the catalog's rules file, starts vmalert on a free
 * loopback port locked down with generated credentials, restarts it with capped backoff when it
 * dies, and stops it with exactly one SIGINT. Each launch reads its targets afresh, and
 * followTargets() restarts it when they changed: a vmsingle that came back on another port, or
 * backend credentials re-read on SIGHUP.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../backend/free-port.ts';
import type { VmsingleAuth } from '../backend/vmsingle-auth.ts';
import type { Logger } from '../logger.ts';
import { createBackoff } from '../util/backoff.ts';
import { createInflight } from '../util/inflight.ts';
import { buildVmalertArgs, launchVmalert, VmalertError, type VmalertArgsOptions, type VmalertProcess } from './launch-vmalert.ts';
import { generateVmalertAuth, vmalertFlagEnv, type VmalertOutboundAuth } from './vmalert-env.ts';

/** The name of the rules file written into the data directory. */
export const RULES_FILE = 'vmalert-rules.yml';

/** Where vmalert reads, writes and notifies, read at each launch. */
export type VmalertTargets = Omit<VmalertArgsOptions, 'rulesPath' | 'port'> & { auth: VmalertOutboundAuth };

/** Options of createVmalert; every default is written out. */
export interface VmalertOptions {
  /** Path or name of the binary. */
  binary: string;
  /** The gateway's data directory; the rules file goes there. */
  dataDir: string;
  /** The rules file's content (YAML; JSON is YAML too). */
  rules: string;
  /** The URLs and credentials for the next launch. */
  targets(): VmalertTargets;
  logger: Logger;
  /** How long start() waits for /health. (default: 30000) */
  startTimeoutMs?: number;
  /** Restart backoff bounds. (default: 500 / 30000) */
  backoff?: { initialMs: number; maxMs: number };
  /** After the one SIGINT, how long stop() waits before SIGKILL. (default: 15000) */
  stopTimeoutMs?: number;
}

/** A supervised vmalert. */
export interface Vmalert {
  /** http://127.0.0.1:PORT of its HTTP API; a restart may change the port. Throws before start(). */
  readonly url: string;
  /** The Authorization value its API needs (HTTP Basic; /health excepted). */
  readonly authorization: string;
  /** The current process id, undefined while none runs. */
  readonly pid: number | undefined;
  /** How many times it was restarted after an unexpected exit. */
  readonly restarts: number;
  /** Resolves once /health answers OK; rejects with a VmalertError. Calling it again returns the same promise. */
  start(): Promise<void>;
  /** Restarts vmalert when targets() no longer gives what it runs with; a no-op otherwise. */
  followTargets(): Promise<void>;
  /** Stops restarting, sends one SIGINT, resolves after exit; idempotent. */
  stop(): Promise<void>;
}

/** Builds the supervisor; nothing runs until start(). */
export function createVmalert(options: VmalertOptions): Vmalert {
  const { binary, dataDir, logger, startTimeoutMs = 30_000, stopTimeoutMs = 15_000 } = options;
  const bounds = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const backoff = createBackoff(bounds);
  const auth: VmsingleAuth = generateVmalertAuth();
  const rulesPath = join(dataDir, RULES_FILE);
  const abort = new AbortController();
  let current: VmalertProcess | undefined;
  let port: number | undefined;
  let upSince = 0;
  let restarts = 0;
  let launchedWith = '';
  const inflight = createInflight();
  let restartTimer: NodeJS.Timeout | undefined;
  let startPromise: Promise<void> | undefined;
  let stopPromise: Promise<void> | undefined;

  async function launch(): Promise<VmalertProcess> {
    // The last port first, so clients' URL survives a restart.
    const tryPort = port ?? (await findFreePort());
    const wanted = options.targets();
    const { auth: outbound, ...targets } = wanted;
    const proc = await launchVmalert({
      binary,
      args: buildVmalertArgs({ ...targets, rulesPath, port: tryPort }),
      flagEnv: vmalertFlagEnv(auth, outbound),
      url: `http://127.0.0.1:${tryPort}`,
      startTimeoutMs, stopTimeoutMs, logger, signal: abort.signal,
    });
    port = tryPort;
    launchedWith = JSON.stringify(wanted);
    return proc;
  }

  function adopt(proc: VmalertProcess): void {
    current = proc;
    upSince = Date.now();
    void proc.closed.then((info) => {
      if (proc !== current || abort.signal.aborted) return;
      current = undefined;
      if (Date.now() - upSince >= bounds.maxMs) backoff.reset();
      logger.error({ pid: proc.pid, ...info, output: proc.output.lines() }, 'vmalert exited unexpectedly; restarting');
      restarts++;
      scheduleRestart();
    });
  }

  function scheduleRestart(): void {
    const wait = backoff.next();
    restartTimer = setTimeout(() => void inflight.track(restart()), wait);
    restartTimer.unref();
  }

  async function restart(): Promise<void> {
    if (abort.signal.aborted) return;
    try {
      const proc = await launch();
      adopt(proc);
      logger.info({ pid: proc.pid, port }, 'vmalert restarted');
    } catch (err) {
      if (abort.signal.aborted) return;
      logger.error({ err }, 'vmalert restart failed');
      // The port may have been taken meanwhile: the next attempt picks a fresh one.
      port = undefined;
      scheduleRestart();
    }
  }

  async function firstStart(): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    await writeFile(rulesPath, options.rules);
    adopt(await launch());
  }

  return {
    get url() {
      if (port === undefined) throw new VmalertError('ERR_VMALERT_STOPPED', 'vmalert url was read before start() picked a port');
      return `http://127.0.0.1:${port}`;
    },
    authorization: auth.authorization,
    get pid() {
      return current?.pid;
    },
    get restarts() {
      return restarts;
    },
    start() {
      if (abort.signal.aborted) return Promise.reject(new VmalertError('ERR_VMALERT_STOPPED', 'vmalert was stopped; create a new one to start again'));
      return (startPromise ??= inflight.track(firstStart()));
    },
    async followTargets() {
      if (abort.signal.aborted || inflight.busy || current === undefined) return;
      if (JSON.stringify(options.targets()) === launchedWith) return;
      const proc = current;
      // Unset first, so that its exit is not taken for a crash.
      current = undefined;
      logger.info({ pid: proc.pid }, 'vmalert targets changed (backend address or credentials); restarting it');
      await inflight.track((async () => {
        await proc.stop();
        await restart();
      })());
    },
    stop() {
      return (stopPromise ??= (async () => {
        abort.abort();
        clearTimeout(restartTimer);
        await inflight.settled();
        const proc = current;
        current = undefined;
        if (proc !== undefined) {
          const info = await proc.stop();
          logger.info({ pid: proc.pid, ...info }, 'vmalert stopped');
        }
      })());
    },
  };
}
