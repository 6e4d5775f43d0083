/**
 * Cutting a connection whose peer stopped reading. A plain destroy() closes the descriptor but
 * leaves the kernel holding the unsent bytes and the FIN behind them, retrying against the peer's
 * zero window for minutes: the memory stays taken, and the peer learns of the close only if it
 * reads again before the kernel gives up. A reset frees both ends at once.
 */
import net from 'node:net';
import tls from 'node:tls';

/**
 * Resets a plain TCP connection (RST, unsent bytes dropped). A TLS connection is destroyed
 * instead: Node resets only sockets it holds as raw TCP.
 */
export function resetConnection(socket: net.Socket): void {
  if (socket instanceof tls.TLSSocket || socket.destroyed) socket.destroy();
  else socket.resetAndDestroy();
}
