/**
 * startGateway wires the pieces from a config: data-directory lock, tokens, metrics, health,
 * cache monitor, the backend (bundled vmsingle or LAYER_VM_URL), and the HTTP server. main.ts adds
 * the process concerns (signals, exit codes); tests call this directly.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createApp } from './app.ts';
import { createTokenStore, type TokenStore } from './auth/token-store.ts';
import { startExternalProbe } from './backend/external-probe.ts';
import { createVmsingle, type Vmsingle } from './backend/vmsingle.ts';
import type { ReportedCacheState } from './cache/cache-health.ts';
import { startCacheOwner, type GatewayRole } from './cache/cache-owner.ts';
import type { NamespaceRegistry } from './cache/namespaces.ts';
import type { Config } from './config.ts';
import { catalogVersion } from './generated/catalog.ts';
import { registerMetrics, type MetricHandles } from './generated/metrics.ts';
import { createHandlers } from './handlers/create-handlers.ts';
import { createHealthSnapshot, type HealthSnapshot } from './health/snapshot.ts';
import { acquireDataDirLock } from './lifecycle/data-dir-lock.ts';
import type { Logger } from './logger.ts';
import { answerClientErrors } from './lifecycle/client-errors.ts';
import { trackConnections } from './lifecycle/connections.ts';
import { createTokenCheck } from './middleware/auth.ts';
import { createMetricBatch } from './metrics/batch.ts';
import { runtimeCollectors } from './metrics/runtime.ts';
import { createLimiter } from './proxy/limiter.ts';
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
  /** Per-namespace cache state: the embedding host's, or the standalone policy's. */
  readonly namespaces: NamespaceRegistry;
  /** An embedding host's cache report; throws while LAYER_CACHE_ADDR makes the monitor the owner. */
  reportCache(state: ReportedCacheState): void;
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

/** The first plaintext token the operator configured, for vmsingle to scrape a protected /metrics. */
async function scrapeToken(config: Config, tokens: TokenStore): Promise<string | undefined> {
  if (config.apiTokens[0]) return config.apiTokens[0];
  const file = config.apiTokensFile ?? tokens.generatedPath;
  if (!file) return undefined;
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('#'));
}

/**
 * Starts the gateway; resolves once it listens and its backend answers. `role` says who owns the
 * cache namespaces: the standalone policy (LAYER_CACHE_NAMESPACES) or an embedding host.
 */
export async function startGateway(config: Config, logger: Logger, serverOptions: ServerOptions = {}, role: GatewayRole = 'standalone'): Promise<RunningGateway> {
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

    const cache = startCacheOwner({ config, role, logger, metrics, health });
    cleanups.push(() => cache.stop());

    // The backend: the app is built before it runs, so the upstream reads its URL per request.
    let vmsingle: Vmsingle | undefined;
    const backendUrl = () => {
      if (config.vmUrl) return config.vmUrl;
      if (!vmsingle || vmsingle.state !== 'up') throw new Error('bundled vmsingle is not up');
      return vmsingle.url;
    };
    const upstream = createUpstream({ baseUrl: backendUrl, timeoutMs: config.vmTimeoutMs });
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

    const validate = await createRequestValidator();
    const handlers = createHandlers({
      upstream,
      limiter: createLimiter(config.proxyMaxConcurrent),
      metrics,
      batch,
      validate,
      maxBodyBytes: config.proxyMaxBodyBytes,
      redact,
      health,
      registry,
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
      const token = await scrapeToken(config, tokens);
      if (!token) return;
      scrapeTokenFile = join(config.dataDir, 'scrape-token');
      await writeFile(scrapeTokenFile, `${token}\n`, { mode: 0o600 });
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
      namespaces: cache.namespaces,
      reportCache: (state) => cache.report(state),
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
