/**
 * Supervises the bundled VictoriaMetrics single-node (vmsingle): starts it on a free loopback
 * port, restarts it with capped backoff when it dies, reports up/down from a background /health
 * poll, and stops it with exactly one SIGINT.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackoff } from '../util/backoff.ts';
import { createInflight } from '../util/inflight.ts';
import { VmsingleError } from './vmsingle-error.ts';
import { findFreePort } from './free-port.ts';
import { probeHealth } from './health.ts';
import { launchVmsingle, type VmsingleProcess } from './launch.ts';
import type { Logger } from '../logger.ts';
import { renderScrapeConfig, type ScrapeTarget } from './scrape-config.ts';
import { generateVmsingleAuth, type VmsingleAuth } from './vmsingle-auth.ts';

/** What the supervisor reports: starting (first start only), up (healthy) or down. */
export type VmsingleState = 'starting' | 'up' | 'down';

/** Options of createVmsingle; every default is written out. */
export interface VmsingleOptions {
  /** Path or name of the binary, e.g. 'victoria-metrics'. */
  binary: string;
  /** The gateway's data directory; storage goes to join(dataDir, 'vmsingle'). */
  dataDir: string;
  /** Makes vmsingle scrape the gateway's own /metrics. (default: no scraping) */
  scrape?: ScrapeTarget;
  /** -retentionPeriod. (default: '30d') */
  retentionPeriod?: string;
  /** -search.maxConcurrentRequests, passed explicitly so the gateway's caps follow it. (default: vmsingle's own) */
  maxConcurrentRequests?: number;
  /** How long start() waits for /health to answer OK. (default: 30000) */
  startTimeoutMs?: number;
  /** Restart backoff bounds; resets once a process has stayed up for maxMs. (default: 500 / 30000) */
  backoff?: { initialMs: number; maxMs: number };
  /** Background /health poll period while running. (default: 2000) */
  healthIntervalMs?: number;
  /** After the one SIGINT, how long stop() waits before SIGKILL. (default: 15000) */
  stopTimeoutMs?: number;
  logger: Logger;
  /** Called on every state change. (default: none) */
  onState?(state: VmsingleState): void;
  /** Called once when a running process exits without being asked to, before its restart is scheduled. (default: none) */
  onUnexpectedExit?(info: UnexpectedExit): void;
  /** Called once per restart attempt after an unexpected exit, whether or not it comes up. (default: none) */
  onRestart?(): void;
  /** Picks the listen port; injected by tests to force a taken port. (default: findFreePort) */
  pickPort?: () => Promise<number>;
  /** Its credentials. (default: generateVmsingleAuth(), new random ones) */
  auth?: VmsingleAuth;
}

/** How a running vmsingle ended without being asked to. */
export interface UnexpectedExit {
  pid: number;
  code: number | null;
  signal: string | null;
  /** A panic: exit status 1 or 2 and a `panic:` line or stack trace in its last output; never a kill (SIGKILL, SIGTERM, the OOM killer). */
  panicked: boolean;
}

/** A line of a Go stack trace: `goroutine 21 [running]:`, a frame's `\tpath/file.go:334 +0xdcd`, `created by ...`. */
const STACK_LINE = /^(?:panic: |goroutine \d+ \[|created by |\t.+\.go:\d+(?: \+0x[0-9a-f]+)?$)/;

/**
 * Whether an exit with this status, signal and last output was a panic: a request handler's panic
 * is printed as `panic: ...` and a stack trace and exits with status 1 (vmsingle 1.79 recovers it
 * to print it), any other goroutine's with Go's status 2. A deep stack pushes the `panic:` line
 * out of the kept tail, so the trace's own lines count as well.
 */
export function isPanicExit(code: number | null, signal: string | null, output: readonly string[]): boolean {
  return signal === null && (code === 1 || code === 2) && output.some((line) => STACK_LINE.test(line));
}

/** A supervised vmsingle. */
export interface Vmsingle {
  /** http://127.0.0.1:PORT of the current process; read it per request, a restart may change the port. Throws ERR_VM_NOT_STARTED before start(). */
  readonly url: string;
  /** The current state. */
  readonly state: VmsingleState;
  /** The Authorization value every request to it needs (HTTP Basic; /health excepted). */
  readonly authorization: string;
  /** The current process id, undefined while none runs. */
  readonly pid: number | undefined;
  /** Resolves once /health answers OK; rejects with a VmsingleError. Calling it again returns the same promise. */
  start(): Promise<void>;
  /** Stops restarting, sends one SIGINT, resolves after exit; idempotent. */
  stop(): Promise<void>;
  /** Rewrites the scrape config (a rotated certificate, say) and makes the running process reload it (SIGHUP). */
  reloadScrape(scrape: ScrapeTarget): Promise<void>;
}

/** Port attempts per launch: the picked port can be taken before vmsingle binds it. */
const PORT_ATTEMPTS = 3;

/** The name of the scrape config file written into the data directory. */
export const SCRAPE_CONFIG_FILE = 'vmsingle-scrape.yml';

/** Builds the supervisor; nothing runs until start(). */
export function createVmsingle(options: VmsingleOptions): Vmsingle {
  const {
    binary, dataDir, logger,
    retentionPeriod = '30d',
    startTimeoutMs = 30_000,
    backoff: backoffBounds = { initialMs: 500, maxMs: 30_000 },
    healthIntervalMs = 2000,
    stopTimeoutMs = 15_000,
    pickPort = findFreePort,
    auth = generateVmsingleAuth(),
  } = options;
  let scrape = options.scrape;
  const storageDataPath = join(dataDir, 'vmsingle');
  const scrapeConfigPath = scrape === undefined ? undefined : join(dataDir, SCRAPE_CONFIG_FILE);
  // Without -enableTCP6, vmsingle 1.79 fails every scrape of [::1]:PORT ("no suitable address").
  const enableTCP6 = scrape !== undefined && scrape.targetHost.includes(':');
  const backoff = createBackoff(backoffBounds);
  // A probe slower than a second on loopback counts as hung; shorter would flap under load.
  const healthTimeoutMs = Math.max(1000, healthIntervalMs);
  const abort = new AbortController();

  let state: VmsingleState = 'down';
  let current: VmsingleProcess | undefined;
  let port: number | undefined;
  let upSince = 0;
  const inflight = createInflight();
  let restartTimer: NodeJS.Timeout | undefined;
  let healthTimer: NodeJS.Timeout | undefined;
  let startPromise: Promise<void> | undefined;
  let stopPromise: Promise<void> | undefined;

  function setState(next: VmsingleState): void {
    if (next === state) return;
    state = next;
    if (next === 'up') upSince = Date.now();
    options.onState?.(next);
  }

  /** Launches on `preferred` (the last port, so the URL survives a restart) or a fresh one. */
  async function launch(preferred: number | undefined): Promise<VmsingleProcess> {
    let lastError: unknown;
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      const tryPort = attempt === 0 && preferred !== undefined ? preferred : await pickPort();
      try {
        const proc = await launchVmsingle({
          binary, storageDataPath, retentionPeriod, scrapeConfigPath, enableTCP6, port: tryPort,
          ...(options.maxConcurrentRequests === undefined ? {} : { maxConcurrentRequests: options.maxConcurrentRequests }),
          startTimeoutMs, stopTimeoutMs, logger, signal: abort.signal,
          flagEnv: auth.env, authorization: auth.authorization,
        });
        port = tryPort;
        return proc;
      } catch (err) {
        if (!(err instanceof VmsingleError) || err.code !== 'ERR_VM_PORT_TAKEN') throw err;
        logger.warn({ port: tryPort, attempt: attempt + 1 }, 'vmsingle port was taken; trying another');
        lastError = err;
      }
    }
    throw lastError;
  }

  function adopt(proc: VmsingleProcess): void {
    current = proc;
    setState('up');
    void proc.closed.then((info) => onExit(proc, info));
    scheduleHealth(proc);
  }

  function onExit(proc: VmsingleProcess, info: { code: number | null; signal: string | null }): void {
    if (proc !== current || abort.signal.aborted) return;
    current = undefined;
    clearTimeout(healthTimer);
    setState('down');
    // Only a process that stayed up as long as the longest wait earns a fresh backoff; one that
    // dies soon after each start keeps backing off.
    if (Date.now() - upSince >= backoffBounds.maxMs) backoff.reset();
    const output = proc.output.lines();
    const panicked = isPanicExit(info.code, info.signal, output);
    logger.error({ pid: proc.pid, ...info, panicked, output }, 'vmsingle exited unexpectedly; restarting');
    options.onUnexpectedExit?.({ pid: proc.pid, ...info, panicked });
    scheduleRestart();
  }

  function scheduleRestart(): void {
    const wait = backoff.next();
    logger.info({ waitMs: wait, attempt: backoff.attempt }, 'vmsingle restart scheduled');
    restartTimer = setTimeout(() => void inflight.track(restart()), wait);
    restartTimer.unref();
  }

  async function restart(): Promise<void> {
    if (abort.signal.aborted) return;
    options.onRestart?.();
    try {
      const proc = await launch(port);
      if (abort.signal.aborted) {
        await proc.stop();
        return;
      }
      adopt(proc);
      logger.info({ pid: proc.pid, port }, 'vmsingle restarted');
    } catch (err) {
      if (abort.signal.aborted) return;
      logger.error({ err }, 'vmsingle restart failed');
      scheduleRestart();
    }
  }

  function scheduleHealth(proc: VmsingleProcess): void {
    healthTimer = setTimeout(async () => {
      if (proc !== current || abort.signal.aborted) return;
      const healthy = await probeHealth(proc.url, healthTimeoutMs, { authorization: auth.authorization });
      if (proc !== current || abort.signal.aborted) return;
      if (healthy !== (state === 'up')) {
        if (healthy) logger.info({ pid: proc.pid }, 'vmsingle answers /health again');
        else logger.warn({ pid: proc.pid, timeoutMs: healthTimeoutMs }, 'vmsingle does not answer /health');
      }
      setState(healthy ? 'up' : 'down');
      scheduleHealth(proc);
    }, healthIntervalMs);
    healthTimer.unref();
  }

  async function firstStart(): Promise<void> {
    setState('starting');
    try {
      await mkdir(storageDataPath, { recursive: true });
      if (scrape !== undefined && scrapeConfigPath !== undefined) {
        await writeFile(scrapeConfigPath, renderScrapeConfig(scrape));
      }
      const proc = await launch(undefined);
      if (abort.signal.aborted) {
        // stop() came after the process turned healthy; stop() waits for us, so stop it here.
        await proc.stop();
        throw new VmsingleError('ERR_VM_STOPPED', 'vmsingle was stopped while starting');
      }
      adopt(proc);
    } catch (err) {
      setState('down');
      throw err;
    }
  }

  return {
    get url() {
      if (port === undefined) throw new VmsingleError('ERR_VM_NOT_STARTED', 'vmsingle url was read before start() picked a port');
      return `http://127.0.0.1:${port}`;
    },
    get state() {
      return state;
    },
    authorization: auth.authorization,
    get pid() {
      return current?.pid;
    },
    start() {
      if (abort.signal.aborted) return Promise.reject(new VmsingleError('ERR_VM_STOPPED', 'vmsingle was stopped; create a new one to start again'));
      return (startPromise ??= inflight.track(firstStart()));
    },
    async reloadScrape(next) {
      if (scrapeConfigPath === undefined) throw new TypeError('reloadScrape needs a vmsingle created with scrape');
      scrape = next;
      await writeFile(scrapeConfigPath, renderScrapeConfig(next));
      // vmsingle re-reads -promscrape.config on SIGHUP; a restart reads the file anyway.
      const pid = current?.pid;
      if (pid !== undefined && !abort.signal.aborted) process.kill(pid, 'SIGHUP');
    },
    stop() {
      return (stopPromise ??= (async () => {
        abort.abort();
        clearTimeout(restartTimer);
        clearTimeout(healthTimer);
        // A launch in progress sees the abort and stops its own process before settling.
        await inflight.settled();
        const proc = current;
        current = undefined;
        if (proc !== undefined) {
          const info = await proc.stop();
          logger.info({ pid: proc.pid, ...info }, 'vmsingle stopped');
        }
        setState('down');
      })());
    },
  };
}
