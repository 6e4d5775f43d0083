/**
 * Raw HTTP over a net.Socket, for requests no HTTP client would send: absolute-form targets,
 * CONNECT, bytes outside the URL character set, headers dribbled a byte at a time.
 */
import net from 'node:net';

/** What came back on the socket until it closed or the deadline passed. */
export interface RawExchange {
  /** Everything received, as latin1 text. */
  raw: string;
  /** The status of the first response, or 0 when none arrived. */
  status: number;
  /** The first response's body (after the blank line), as text. */
  body: string;
  /** Whether the server closed the connection before the deadline. */
  closedByServer: boolean;
  /** Milliseconds from connect to close (or to the deadline). */
  ms: number;
}

/** Sends `bytes` to host:port and collects the answer until close or `timeoutMs`. */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 5000, host = '127.0.0.1'): Promise<RawExchange> {
  return dribble(port, [bytes], 0, timeoutMs, host);
}

/** Sends `parts` one after another, `intervalMs` apart, and collects the answer like rawExchange. */
export function dribble(port: number, parts: readonly (string | Buffer)[], intervalMs: number, timeoutMs: number, host = '127.0.0.1'): Promise<RawExchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, host);
    const chunks: Buffer[] = [];
    let closedByServer = false;
    let next = 0;
    const send = () => {
      if (next >= parts.length || socket.destroyed) return;
      socket.write(parts[next++]!);
      if (next < parts.length) sender = setTimeout(send, intervalMs);
    };
    let sender: NodeJS.Timeout | undefined;
    socket.on('connect', send);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {
      closedByServer = true; // a reset is the server closing too
    });
    socket.on('end', () => {
      closedByServer = true;
    });
    const deadline = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('close', () => {
      clearTimeout(deadline);
      clearTimeout(sender);
      const raw = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      const split = raw.indexOf('\r\n\r\n');
      resolve({ raw, status, body: split === -1 ? '' : raw.slice(split + 4), closedByServer, ms: performance.now() - started });
    });
  });
}
