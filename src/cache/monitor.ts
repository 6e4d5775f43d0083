/**
 * The NVMe cache connection monitor: holds one TCP or unix-socket connection to the cache and
 * reports whether it is up. It never sends or waits for anything on that connection, so a cache
 * that accepts and then hangs cannot block the gateway; snapshot() only reads memory.
 */
import { connect, type Socket } from 'node:net';
import { createBackoff } from '../util/backoff.ts';
import { parseCacheAddr } from './cache-addr.ts';
import type { Logger } from '../logger.ts';

export { CacheAddrError, parseCacheAddr, type CacheAddr } from './cache-addr.ts';

/**
 * disabled: no cache configured. connecting: the first attempt is under way. connected: the
 * connection is open. disconnected: it closed or an attempt failed; retrying with backoff.
 */
export type CacheConnectionState = 'disabled' | 'connecting' | 'connected' | 'disconnected';

/** What /health reports about the cache. */
export interface CacheSnapshot {
  state: CacheConnectionState;
  /** 0 for the first connection, +1 for each connection re-established after that. */
  reconnect_generation: number;
}

/** Options of createCacheMonitor. */
export interface CacheMonitorOptions {
  /** host:port, [ipv6]:port, unix:/path or /path. (default: none, the monitor stays disabled) */
  addr?: string;
  /** How long one connect attempt may take. (default: 2000) */
  connectTimeoutMs?: number;
  /** Reconnect backoff bounds; resets once a connection has stayed up for maxMs. (default: 250 / 10000) */
  backoff?: { initialMs: number; maxMs: number };
  logger: Logger;
  /** Called with the new snapshot on every change. (default: none) */
  onChange?(snapshot: CacheSnapshot): void;
}

/** A running monitor. */
export interface CacheMonitor {
  /** Starts connecting; a no-op when disabled, already started or stopped. */
  start(): void;
  /** Closes the connection and stops retrying; resolves once the socket is closed. Idempotent. */
  stop(): Promise<void>;
  /** The current state, synchronously, without touching the network. */
  snapshot(): CacheSnapshot;
}

/**
 * TCP keepalive idle time. Node 20 cannot set the probe interval or count, so with Linux defaults
 * a peer that vanished without a FIN is noticed only after this plus about 11 minutes.
 */
const KEEPALIVE_MS = 10_000;

/** Builds a monitor; throws CacheAddrError at once for a malformed addr. */
export function createCacheMonitor(options: CacheMonitorOptions): CacheMonitor {
  const { logger, connectTimeoutMs = 2000 } = options;
  const bounds = options.backoff ?? { initialMs: 250, maxMs: 10_000 };
  const target = options.addr === undefined ? undefined : parseCacheAddr(options.addr);
  const backoff = createBackoff(bounds);
  let state: CacheConnectionState = target === undefined ? 'disabled' : 'disconnected';
  let generation = 0;
  let everConnected = false;
  let connectedAt = 0;
  let started = false;
  let stopped = false;
  let socket: Socket | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed: Promise<void> = Promise.resolve();

  const snapshot = (): CacheSnapshot => ({ state, reconnect_generation: generation });

  function setState(next: CacheConnectionState): void {
    if (next === state) return;
    state = next;
    options.onChange?.(snapshot());
  }

  function attempt(): void {
    if (stopped || target === undefined) return;
    const s = connect(target);
    socket = s;
    // The monitor is a bystander: it must never be what keeps the process alive.
    s.unref();
    s.setKeepAlive(true, KEEPALIVE_MS);
    let lastError: Error | undefined;
    const timer = setTimeout(() => s.destroy(new Error(`no connection within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    timer.unref();
    s.once('connect', () => {
      clearTimeout(timer);
      if (everConnected) generation += 1;
      everConnected = true;
      connectedAt = Date.now();
      setState('connected');
      logger.info({ addr: options.addr, reconnect_generation: generation }, 'cache connected');
    });
    // Whatever the cache sends is not ours to read; drop it so its buffers never fill.
    s.on('data', () => undefined);
    s.on('error', (err) => {
      lastError = err;
    });
    closed = new Promise((resolve) => {
      s.once('close', () => {
        clearTimeout(timer);
        resolve();
        if (socket !== s) return;
        socket = undefined;
        if (stopped) return;
        const wasConnected = state === 'connected';
        // Only a connection that lasted as long as the longest wait earns a fresh backoff, so a
        // cache that accepts and drops at once is not hammered.
        if (wasConnected && Date.now() - connectedAt >= bounds.maxMs) backoff.reset();
        setState('disconnected');
        const wait = backoff.next();
        const log = { addr: options.addr, err: lastError?.message, retryInMs: wait, attempt: backoff.attempt };
        if (wasConnected) logger.warn(log, 'cache connection lost; reconnecting');
        else logger.debug(log, 'cache connect attempt failed');
        retryTimer = setTimeout(attempt, wait);
        retryTimer.unref();
      });
    });
  }

  return {
    start() {
      if (started || stopped || target === undefined) return;
      started = true;
      setState('connecting');
      attempt();
    },
    stop() {
      if (stopped) return closed;
      stopped = true;
      clearTimeout(retryTimer);
      socket?.destroy();
      socket = undefined;
      if (state !== 'disabled') setState('disconnected');
      return closed;
    },
    snapshot,
  };
}
