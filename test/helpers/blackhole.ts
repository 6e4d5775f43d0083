/**
 * A TCP listener that never accepts: a child node process listens with backlog 1 and then blocks
 * its event loop, and we fill the kernel's accept queue, so the next connect() hangs (Linux drops
 * the SYN). A fault no well-behaved server produces on demand: used to test connect timeouts.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** A listener whose accept queue is full; close() kills the child and drops the fillers. */
export interface Blackhole {
  port: number;
  close(): Promise<void>;
}

const CHILD = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  // Writes to a pipe are synchronous on Linux, so the port is out before the loop blocks.
  console.log(server.address().port);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});`;

/** Whether a connect to port completes within ms. */
function connects(port: number, ms: number, keep: Socket[]): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    keep.push(socket);
    socket.on('error', () => resolve(false));
    socket.once('connect', () => resolve(true));
    setTimeout(() => resolve(false), ms).unref();
  });
}

/** Starts a blackhole listener and fills its queue until a connect hangs. */
export async function startBlackhole(): Promise<Blackhole> {
  const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout.setEncoding('utf8'), 'data')) as [string];
  const port = Number(line.trim());
  const fillers: Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  };
  try {
    // Past the accept queue (backlog + 1 on Linux), connects stop completing.
    for (let i = 0; i < 10; i++) {
      if (!(await connects(port, 300, fillers))) return { port, close };
    }
    throw new Error('the blackhole listener kept accepting connections');
  } catch (err) {
    await close();
    throw err;
  }
}
