/**
 * A real VictoriaMetrics single-node started by a test (not the gateway's bundled one): the
 * backend of external mode, which the test can kill and bring back on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import type { Exit } from './child-gateway.ts';
import { untilServing } from './server-process.ts';

/** A running vmsingle. */
export interface VmsingleProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  output(): string;
  exited: Promise<Exit>;
  /** One SIGINT (a second would kill it uncleanly), then waits; SIGKILL after timeoutMs. */
  stop(timeoutMs?: number): Promise<Exit>;
  /** SIGKILL, then waits. */
  kill(): Promise<Exit>;
}

/** A free loopback port (the OS picks it; it may be taken again before it is used). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts victoria-metrics on 127.0.0.1:`port` with `dataDir` and `args`, and waits for /health OK. */
export async function startVmsingleProcess(options: { dataDir: string; port?: number; args?: string[] }): Promise<VmsingleProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    'victoria-metrics',
    [`-storageDataPath=${options.dataDir}`, `-httpListenAddr=127.0.0.1:${port}`, '-retentionPeriod=1y', '-loggerLevel=INFO', ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  await untilServing({ name: 'vmsingle', url: `${url}/health`, child, gone: () => gone, output: () => output });
  const end = async (signal: NodeJS.Signals, timeoutMs: number) => {
    if (!gone) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };
  let stopping: Promise<Exit> | undefined;
  return {
    child,
    pid: child.pid!,
    port,
    url,
    output: () => output,
    exited,
    stop: (timeoutMs = 15_000) => (stopping ??= end('SIGINT', timeoutMs)),
    kill: () => (stopping ??= end('SIGKILL', 5000)),
  };
}
