/**
 * A real server binary started by a test (Prometheus, vmauth): spawned with its arguments, ready
 * once `readyPath` answers 2xx, stopped with one SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Exit } from './child-gateway.ts';
import { freePort } from './vmsingle-process.ts';

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
export async function untilServing(what: { name: string; url: string; child: ChildProcess; gone: () => boolean; output: () => string }): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (what.gone()) throw new Error(`${what.name} exited while starting:\n${what.output().slice(-2000)}`);
    const ok = await fetch(what.url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) {
      what.child.kill('SIGKILL');
      throw new Error(`${what.name} did not answer ${what.url} within 20 s:\n${what.output().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the server on a free loopback port and resolves once readyPath answers 2xx (20 s at most). */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
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
