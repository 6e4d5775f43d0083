/**
 * The gateway as a child process, exactly as `npm start` runs it (the start script's Node options
 * included) but with `node --import tsx` (the tsx CLI would run it in a grandchild, whose pid we
 * could not signal or measure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startOptions } from '../../bench/start-command.ts';
import { pollUntil } from './poll-until.ts';
import { isAlive } from './process-alive.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** How a child ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A gateway child process. */
export interface GatewayChild {
  child: ChildProcess;
  pid: number;
  /** http://host:port from its "ready on" line. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when it has exited. */
  exited: Promise<Exit>;
  /** Sends `signal` once and waits for the exit; SIGKILL (and a failing test) after timeoutMs. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
  /** The bundled vmsingle's pid and port, from the "vmsingle is healthy" log line. */
  vmsingle(): { pid: number; port: number } | undefined;
}

/** Options of startGatewayChild. */
export interface GatewayChildOptions {
  /** How long to wait for "ready on". (default: 30000) */
  readyTimeoutMs?: number;
  /** Keep only the last this many characters of output, for long runs at info level. (default: all) */
  keepOutputChars?: number;
}

/** Spawns the gateway (port 0, info logs, plus `env`) and resolves once it prints "ready on". */
export async function startGatewayChild(env: Record<string, string>, options: GatewayChildOptions = {}): Promise<GatewayChild> {
  const { readyTimeoutMs = 30_000, keepOutputChars = Infinity } = options;
  const child = spawn(process.execPath, [...startOptions(REPO), '--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, LAYER_GATEWAY_HOST: '127.0.0.1', LAYER_GATEWAY_PORT: '0', LAYER_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += String(chunk);
    if (output.length > keepOutputChars * 2) output = output.slice(-keepOutputChars);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the gateway child has no pid');

  let gone: Exit | undefined;
  void exited.then((exit) => (gone = exit));
  const exitedEarly = exited.then((exit) => {
    throw new Error(`the gateway exited with ${exit.code ?? exit.signal} before it was ready:\n${output.slice(-3000)}`);
  });
  // Handled here so that an exit after the ready line (the caller's business) is no unhandled rejection.
  exitedEarly.catch(() => undefined);
  const ready = pollUntil('the ready line', () => /ready on (https?:\/\/\S+)/.exec(output)?.[1], readyTimeoutMs).catch(() => {
    child.kill('SIGKILL');
    throw new Error(`the gateway was not ready within ${readyTimeoutMs} ms:\n${output.slice(-3000)}`);
  });
  const url = await Promise.race([ready, exitedEarly]);

  const vmsingle = () => {
    const line = output.split('\n').find((l) => l.includes('"msg":"vmsingle is healthy"'));
    if (!line) return undefined;
    const entry = JSON.parse(line) as { pid: number; port: number };
    return { pid: entry.pid, port: entry.port };
  };
  let stopping: Promise<Exit> | undefined;
  return {
    child,
    pid,
    url,
    output: () => output,
    exited,
    vmsingle,
    stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      return (stopping ??= (async () => {
        if (!gone && isAlive(pid)) child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      })());
    },
  };
}
