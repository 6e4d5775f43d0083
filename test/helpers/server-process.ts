/**
 * A real server binary started by a test (Prometheus, vmauth): spawned with its arguments, ready
 * once `readyPath` answers 2xx, stopped with one SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Exit } from './child-gateway.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { pollUntil } from './poll-until.ts';

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  output(): string;
  /** One SIGTERM, then waits; SIGKILL after 10 s. */
  stop(): Promise<Exit>;
}

/** Options of startServerProcess. */
export interface ServerProcessOptions {
  command: string;
  /** Its arguments, given the port it must listen on. */
  args: (port: number) => string[];
  /** Path answering 2xx once it serves. */
  readyPath: string;
  /** Extra environment. (default: none) */
  env?: Record<string, string>;
}

/** Polls `url` until it answers 2xx; throws (and SIGKILLs the child) when it exits first or after 20 s. */
async function untilServing(what: { name: string; url: string; child: ChildProcess; gone: () => boolean; output: () => string }): Promise<void> {
  const outcome = await pollUntil(
    `${what.name} to answer ${what.url}`,
    async () => (what.gone() ? 'exited' : (await fetch(what.url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)) && 'serving'),
    20_000,
  ).catch(() => 'late' as const);
  if (outcome === 'serving') return;
  what.child.kill('SIGKILL');
  const why = outcome === 'exited' ? 'exited while starting' : `did not answer ${what.url} within 20 s`;
  throw new Error(`${what.name} ${why}:\n${what.output().slice(-2000)}`);
}

/** Starts the server on a free loopback port and resolves once readyPath answers 2xx (20 s at most). */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const child = spawn(options.command, options.args(port), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  await untilServing({ name: options.command, url: `${url}${options.readyPath}`, child, gone: () => gone, output: () => output });
  let stopping: Promise<Exit> | undefined;
  return {
    child,
    port,
    url,
    output: () => output,
    stop: () =>
      (stopping ??= (async () => {
        if (!gone) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      })()),
  };
}
