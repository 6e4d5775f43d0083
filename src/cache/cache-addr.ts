/**
 * Where the NVMe cache listens: a TCP host and port or a unix socket path. Parsed once at
 * startup so a typo fails the gateway's start instead of surfacing as endless reconnects.
 */
import net from 'node:net';
import { StartupError } from '../errors.ts';
import { isHostName } from '../util/host-name.ts';

/** A parsed cache address: TCP or unix socket. */
export type CacheAddr = { host: string; port: number } | { path: string };

/** The cache address is not one of the accepted forms; `reason` says what is wrong with it. */
export class CacheAddrError extends StartupError {
  override name = 'CacheAddrError';
  constructor(
    addr: string,
    /** What is wrong with the address, without the list of accepted forms. */
    readonly reason: string,
  ) {
    super('ERR_CACHE_ADDR', `cache address ${JSON.stringify(addr)} ${reason}; use host:port, [ipv6]:port, unix:/path/to.sock or /path/to.sock`);
  }
}

function parsePort(addr: string, text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new CacheAddrError(addr, `has port ${JSON.stringify(text)}, not a number from 1 to 65535`);
  return port;
}

/**
 * Parses 'host:port', '[::1]:port', 'unix:/abs/path' or '/abs/path'; throws CacheAddrError
 * (ERR_CACHE_ADDR) on anything else. The config check and the cache monitor both use it, so what
 * starts the gateway is what the monitor connects to.
 */
export function parseCacheAddr(addr: string): CacheAddr {
  if (addr.startsWith('unix:')) {
    const path = addr.slice('unix:'.length);
    if (path === '') throw new CacheAddrError(addr, 'has no socket path after unix:');
    // A relative socket path would name a different socket whenever the working directory differs.
    if (!path.startsWith('/')) throw new CacheAddrError(addr, 'has a relative socket path; the path must be absolute');
    return { path };
  }
  if (addr.startsWith('/')) return { path: addr };
  if (addr.includes('://')) throw new CacheAddrError(addr, 'is a URL; give host:port without a scheme');
  const bracketed = /^\[([^\]]+)\]:([^:]*)$/.exec(addr);
  if (bracketed !== null) {
    const [, host = '', port = ''] = bracketed;
    if (!net.isIPv6(host)) throw new CacheAddrError(addr, `has ${JSON.stringify(host)} in brackets, not an IPv6 address`);
    return { host, port: parsePort(addr, port) };
  }
  const colon = addr.lastIndexOf(':');
  if (colon <= 0) throw new CacheAddrError(addr, 'has no host:port');
  const host = addr.slice(0, colon);
  if (host.includes(':')) throw new CacheAddrError(addr, 'looks like an IPv6 address without brackets');
  if (!isHostName(host)) throw new CacheAddrError(addr, `has an invalid host ${JSON.stringify(host)}`);
  return { host, port: parsePort(addr, addr.slice(colon + 1)) };
}
