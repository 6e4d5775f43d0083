/**
 * Child processes of a bench run: started with a name, their stderr kept for error messages, and
 * all stopped by stopAll (each with its own signal, SIGKILL after a deadline), also on errors.
 * vmsingle is started by the gateway's own launchVmsingle and stopped through its stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { findFreePort } from '../src/backend/free-port.ts';

/** A child process the bench started. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The last few KB of its stderr and stdout, for error messages. */
  output(): string;
}

/** Stops one thing the bench started, within `graceMs`. */
type Stopper = (graceMs: number) => Promise<unknown>;

const stoppers: Stopper[] = [];
const KEEP_BYTES = 4096;

/** Has stopAll call `stop` too (for what was not started by startChild). */
export function stopWithAll(stop: Stopper): void {
  stoppers.push(stop);
}

async function stopChild(proc: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const exited = once(proc, 'exit');
  proc.kill(signal);
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Starts `command` and remembers it for stopAll. */
export function startChild(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; signal?: NodeJS.Signals } = {}): Child {
  const proc = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let kept = '';
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString()).slice(-KEEP_BYTES);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  proc.on('error', (error) => keep(Buffer.from(`spawn error: ${error.message}\n`)));
  const child: Child = { name, process: proc, output: () => kept };
  stopWithAll((graceMs) => stopChild(proc, options.signal ?? 'SIGTERM', graceMs));
  return child;
}

/** Stops everything started, last first: its signal once, then SIGKILL after `graceMs`. Never throws. */
export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all(stoppers.splice(0).reverse().map((stop) => stop(graceMs).catch(() => undefined)));
}

const handedOut = new Set<number>();

/**
 * A free TCP port on 127.0.0.1 that this run has not handed out before. The children bind theirs
 * a moment later, and until then the OS may offer the same just-closed port again: two targets
 * given one port would let one answer the other's readiness check.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Polls `url` until it answers `wantStatus`, failing after `timeoutMs` with the child's output. */
export async function waitReady(child: Child, url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with code ${child.process.exitCode}:\n${child.output()}`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} not ready at ${url} after ${timeoutMs} ms (${last}):\n${child.output()}`);
}

/** Resident and peak memory of a process in bytes, from /proc/PID/status (Linux only). */
export async function readRss(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
export const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in clock ticks. */
export async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
