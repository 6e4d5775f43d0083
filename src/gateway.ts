/**
 * startGateway wires the pieces from a config: data-directory lock, tokens, metrics, health,
 * cache monitor, the backend (bundled vmsingle or LAYER_VM_URL), and the HTTP server. main.ts adds
 * the process concerns (signals, exit codes); tests call this directly.
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createApp } from './app.ts';
import { createTokenStore, type TokenStore } from './auth/token-store.ts';
import { startExternalProbe } from './backend/external-probe.ts';
import { createVmsingle, type Vmsingle } from './backend/vmsingle.ts';
import { createCacheMonitor } from './cache/monitor.ts';
import { createNamespaceRegistry, followCacheConnection } from './cache/namespaces.ts';
import type { Config } from './config.ts';
import { catalogVersion } from './generated/catalog.ts';
import { registerMetrics, type MetricHandles } from './generated/metrics.ts';
import { createHandlers } from './handlers/create-handlers.ts';
import { createHealthSnapshot, type HealthSnapshot } from './health/snapshot.ts';
import { acquireDataDirLock } from './lifecycle/data-dir-lock.ts';
import type { Logger } from './logger.ts';
import { answerClientErrors } from './lifecycle/client-errors.ts';
import { trackConnections } from './lifecycle/connections.ts';
import { createTokenCheck } from './edge/token-check.ts';
import { createMetricBatch } from './metrics/batch.ts';
import { runtimeCollectors } from './metrics/runtime.ts';
import { createLimiter } from './proxy/limiter.ts';
import { createQuarantine } from './proxy/quarantine.ts';
import { createUpstream } from './proxy/upstream.ts';
import { createRequestValidator } from './validation.ts';

/** A running gateway. */
export interface RunningGateway {
  /** http://host:port the gateway listens on. */
  readonly url: string;
  readonly port: number;
  readonly health: HealthSnapshot;
  readonly metrics: MetricHandles;
  readonly registry: Registry;
  readonly tokens: TokenStore;
  /** The supervised vmsingle, in bundled mode. */
  readonly vmsingle?: Vmsingle;
  /** Re-reads LAYER_API_TOKENS_FILE (SIGHUP). */
  reloadTokens(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish within the deadline, stops vmsingle once. */
  stop(): Promise<void>;
}

/** Settings of the HTTP server that are not operator configuration; tests shorten them. */
export interface ServerOptions {
  /** How long a client may take to send a request's line and headers. (default: 10000) */
  headersTimeoutMs?: number;
}

const STATES = ['disabled', 'connecting', 'connected', 'disconnected'] as const;
const NS_STATES = ['warm', 'warming', 'cold'] as const;

/** Starts the gateway; resolves once it listens and its backend answers. */
export async function startGateway(config: Config, logger: Logger, serverOptions: ServerOptions = {}): Promise<RunningGateway> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
    cleanups.length = 0;
  };
  try {
    const lock = await acquireDataDirLock(config.dataDir, logger);
    cleanups.push(() => lock.release());

    const tokens = await createTokenStore({ tokens: [...config.apiTokens], ...(config.apiTokensFile ? { file: config.apiTokensFile } : {}), dataDir: config.dataDir, logger });

    const registry = new Registry();
    // Per-request updates of these families queue in `batch`; each flushes it before it is read.
    const batch = createMetricBatch();
    const flush = () => batch.flush();
    const metrics = registerMetrics(registry, {
      collect: {
        ...runtimeCollectors(),
        layer_http_requests_total: flush,
        layer_http_request_duration_seconds: flush,
        layer_upstream_requests_total: flush,
        layer_upstream_request_duration_seconds: flush,
      },
    });
    metrics.layer_catalog_info.set({ version: catalogVersion }, 1);
    const mode = config.vmUrl ? 'external' : 'bundled';
    const health = createHealthSnapshot(mode);
    const setBackend = (state: 'up' | 'down' | 'starting') => {
      health.setBackend(state);
      metrics.layer_backend_up.set({ mode }, state === 'up' ? 1 : 0);
    };
    setBackend('starting');

    // Cache connection and namespaces feed the health snapshot and their gauges.
    const namespaces = createNamespaceRegistry();
    let shownNamespaces: string[] = [];
    namespaces.onChange(() => {
      const list = namespaces.list();
      health.setNamespaces(list);
      for (const gone of shownNamespaces.filter((name) => !list.some((ns) => ns.namespace === name))) {
        for (const state of NS_STATES) metrics.layer_cache_namespace_state.remove({ namespace: gone, state });
      }
      for (const ns of list) for (const state of NS_STATES) metrics.layer_cache_namespace_state.set({ namespace: ns.namespace, state }, ns.state === state ? 1 : 0);
      shownNamespaces = list.map((ns) => ns.namespace);
    });
    const cache = createCacheMonitor({
      ...(config.cacheAddr ? { addr: config.cacheAddr } : {}),
      logger,
      onChange: (snapshot) => {
        health.setCache(snapshot);
        for (const state of STATES) metrics.layer_cache_connection_state.set({ state }, snapshot.state === state ? 1 : 0);
        metrics.layer_cache_reconnect_generation.set(snapshot.reconnect_generation);
        followCacheConnection(namespaces, [...config.cacheNamespaces], snapshot);
      },
    });
    const initialCache = cache.snapshot();
    health.setCache(initialCache);
    for (const state of STATES) metrics.layer_cache_connection_state.set({ state }, initialCache.state === state ? 1 : 0);
    followCacheConnection(namespaces, [...config.cacheNamespaces], initialCache);
    cache.start();
    cleanups.push(() => cache.stop());

    // The backend: the app is built before it runs, so the upstream reads its URL per request.
    let vmsingle: Vmsingle | undefined;
    const backendUrl = () => {
      if (config.vmUrl) return config.vmUrl;
      if (!vmsingle || vmsingle.state !== 'up') throw new Error('bundled vmsingle is not up');
      return vmsingle.url;
    };
    const upstream = createUpstream({ baseUrl: backendUrl, timeoutMs: config.vmTimeoutMs, retryStale: Boolean(config.vmUrl) });
    cleanups.push(() => upstream.close());
    const redact = () => {
      try {
        const url = new URL(backendUrl());
        const prefix = url.pathname.replace(/\/+$/, '');
        return [url.origin, url.host, url.hostname, ...(url.port ? [`:${url.port}`] : []), ...(prefix ? [prefix] : [])];
      } catch {
        return [];
      }
    };

    // Bundled mode only: an external backend's crashes are not seen, and it may be many processes.
    const quarantine = config.vmUrl ? undefined : createQuarantine({ logger });
    const validate = await createRequestValidator();
    const handlers = createHandlers({
      upstream,
      limiter: createLimiter(config.proxyMaxConcurrent, config.proxyMaxConcurrentPerToken),
      bodyReaders: createLimiter(config.proxyMaxConcurrent, config.proxyMaxConcurrentPerToken),
      bodyTimeoutMs: config.proxyBodyTimeoutMs,
      stallTimeoutMs: config.proxyStallTimeoutMs,
      metrics,
      batch,
      validate,
      maxBodyBytes: config.proxyMaxBodyBytes,
      redact,
      health,
      registry,
      ...(quarantine ? { quarantine } : {}),
    });
    const app = createApp({
      logger,
      metrics,
      batch,
      handlers,
      authenticate: createTokenCheck(tokens, (reason) => metrics.layer_auth_failures_total.inc({ reason })),
      metricsAuth: config.metricsAuth,
      validate,
    });

    const headersTimeoutMs = serverOptions.headersTimeoutMs ?? 10_000;
    const server = http.createServer(
      {
        requestTimeout: 60_000,
        headersTimeout: headersTimeoutMs,
        keepAliveTimeout: 5_000,
        // Node enforces both timeouts only when it sweeps connections, every 30 s by default, so a
        // client sending its headers a byte at a time held a socket for up to 40 s, not 10.
        connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
      },
      app.callback(),
    );
    answerClientErrors(server, { headersTimeoutMs, logger });
    const connections = trackConnections(server);
    server.listen(config.port, config.host);
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    logger.info({ url, mode }, 'gateway listening');
    let serverClosed: Promise<void> | undefined;
    const closeServer = () => (serverClosed ??= connections.close(config.shutdownTimeoutMs));
    cleanups.push(closeServer);

    let scrapeTokenFile: string | undefined;
    const writeScrapeToken = async () => {
      if (config.metricsAuth !== 'token') return;
      scrapeTokenFile = join(config.dataDir, 'scrape-token');
      await writeFile(scrapeTokenFile, `${tokens.scrapeToken}\n`, { mode: 0o600 });
    };

    if (config.vmUrl) {
      const probe = startExternalProbe(config.vmUrl, 5000, setBackend);
      cleanups.push(() => probe.stop());
    } else {
      await writeScrapeToken();
      const scrapeHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
      vmsingle = createVmsingle({
        binary: config.vmBinary,
        dataDir: config.dataDir,
        scrape: { targetHost: scrapeHost, targetPort: port, path: '/metrics', interval: config.scrapeInterval, ...(scrapeTokenFile ? { bearerTokenFile: scrapeTokenFile } : {}) },
        logger,
        onState: setBackend,
        onRestart: () => metrics.layer_vmsingle_restarts_total.inc(),
        onUnexpectedExit: () => quarantine?.backendCrashed(),
      });
      const vm = vmsingle;
      cleanups.push(() => vm.stop());
      await vm.start();
      logger.info({ url, mode }, 'gateway ready: metrics backend is up');
    }

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      health,
      metrics,
      registry,
      tokens,
      ...(vmsingle ? { vmsingle } : {}),
      async reloadTokens() {
        const result = await tokens.reload();
        if (!result.ok) return; // the store logged why, and the previous tokens stay in force
        logger.info({ count: result.count }, 'API tokens reloaded');
        await writeScrapeToken();
      },
      stop() {
        // The server first: cleanups run in reverse order of start, which would stop vmsingle
        // (started after the server listens) while in-flight queries still stream from it and
        // while new connections are still accepted, only to fail with 502.
        stopping ??= (async () => {
          try {
            await closeServer();
          } finally {
            await cleanup();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
