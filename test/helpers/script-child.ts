/**
 * A Node script as a child process, for tests of what a user runs by hand (an example, the demo):
 * its output collected, a line awaited with a deadline, and a signal-then-wait stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** How a child ended. */
export interface ScriptExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running script. */
export interface ScriptChild {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in its output; rejects after timeoutMs or when it exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  exited: Promise<ScriptExit>;
  /** Sends `signal` once and waits for the exit; SIGKILL and a rejection after timeoutMs. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<ScriptExit>;
}

/** Spawns `node ...args` in `cwd` with exactly `env`. */
export function startScript(args: string[], cwd: string, env: NodeJS.ProcessEnv): ScriptChild {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as ScriptExit);
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (done) throw new Error(`exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal, timeoutMs) {
      if (done) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      if (exit.signal === 'SIGKILL') throw new Error(`did not exit within ${timeoutMs} ms of ${signal}:\n${output}`);
      return exit;
    },
  };
}
