/**
 * startGateway wires the pieces from a config: data-directory lock, tokens, metrics, health,
 * cache monitor, the backend (bundled vmsingle or LAYER_VM_URL), and the HTTP server. main.ts adds
 * the process concerns (signals, exit codes); tests call this directly.
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createApp } from './app.ts';
import { createTokenStore, type TokenStore } from './auth/token-store.ts';
import { loadBackendCredentials } from './backend/credentials.ts';
import { startExternalProbe } from './backend/external-probe.ts';
import type { ScrapeTarget, ScrapeTls } from './backend/scrape-config.ts';
import { pruneScrapeTls, writeScrapeTls } from './backend/scrape-tls.ts';
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
import { createTokenCheck } from './edge/token-check.ts';
import { createMetricBatch } from './metrics/batch.ts';
import { runtimeCollectors } from './metrics/runtime.ts';
import { createLimiter } from './proxy/limiter.ts';
import { createQuarantine } from './proxy/quarantine.ts';
import { createUpstream } from './proxy/upstream.ts';
import { isLoopbackHost, loadTlsPair, reloadTlsPair, tlsServerOptions } from './server/tls.ts';
import { createRequestValidator } from './validation.ts';

/** A running gateway. */
export interface RunningGateway {
  /** http://host:port the gateway listens on (https:// with LAYER_TLS_CERT_FILE). */
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
  /** Re-reads everything SIGHUP re-reads: the token file, the backend credentials file, the TLS pair. */
  reload(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish within the deadline, stops vmsingle once. */
  stop(): Promise<void>;
}

/** Settings of the HTTP server that are not operator configuration; tests shorten them. */
export interface ServerOptions {
  /** How long a client may take to send a request's line and headers. (default: 10000) */
  headersTimeoutMs?: number;
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
    const tlsFiles = config.tlsCertFile && config.tlsKeyFile ? { certFile: config.tlsCertFile, keyFile: config.tlsKeyFile } : undefined;
    const tlsPair = tlsFiles ? await loadTlsPair(tlsFiles) : undefined;

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
    // The backend's own credentials: read from LAYER_VM_*_FILE, or generated for the bundled vmsingle.
    const credentials = await loadBackendCredentials(config, logger);
    const authorization = () => (config.vmUrl ? credentials.header() : vmsingle?.authorization);
    const upstream = createUpstream({ baseUrl: backendUrl, timeoutMs: config.vmTimeoutMs, retryStale: Boolean(config.vmUrl), authorization });
    cleanups.push(() => upstream.close());
    const redact = () => {
      // The backend may echo the credentials it was sent (vmauth 1.79 quotes an unknown token in its 400).
      const sent = authorization();
      const credential = sent?.slice(sent.indexOf(' ') + 1);
      const secrets = sent === undefined ? [] : [sent, credential!];
      try {
        const url = new URL(backendUrl());
        const prefix = url.pathname.replace(/\/+$/, '');
        return [...secrets, url.origin, url.host, url.hostname, ...(url.port ? [`:${url.port}`] : []), ...(prefix ? [prefix] : [])];
      } catch {
        return secrets;
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
    const httpOptions: http.ServerOptions = {
      requestTimeout: 60_000,
      headersTimeout: headersTimeoutMs,
      keepAliveTimeout: 5_000,
      // Node enforces both timeouts only when it sweeps connections, every 30 s by default, so a
      // client sending its headers a byte at a time held a socket for up to 40 s, not 10.
      connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    };
    const server = tlsPair
      ? https.createServer({ ...httpOptions, ...tlsServerOptions(tlsPair) }, app.callback())
      : http.createServer(httpOptions, app.callback());
    if (!tlsPair && !isLoopbackHost(config.host)) {
      logger.warn({ host: config.host }, 'listening beyond loopback without TLS: API tokens cross the network in clear; set LAYER_TLS_CERT_FILE and LAYER_TLS_KEY_FILE, or terminate TLS in front of the gateway');
    }
    answerClientErrors(server, { headersTimeoutMs, logger });
    const connections = trackConnections(server);
    server.listen(config.port, config.host);
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `${tlsPair ? 'https' : 'http'}://${host}:${port}`;
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

    // What the bundled vmsingle scrapes: the gateway itself, over HTTPS when it serves HTTPS.
    const scrapeHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    let scrapeTls: ScrapeTls | undefined;
    const scrapeTarget = (): ScrapeTarget => ({
      targetHost: scrapeHost, targetPort: port, path: '/metrics', interval: config.scrapeInterval,
      ...(scrapeTokenFile ? { bearerTokenFile: scrapeTokenFile } : {}),
      ...(scrapeTls ? { tls: scrapeTls } : {}),
    });
    const reloadTls = async () => {
      if (!tlsFiles) return;
      const pair = await reloadTlsPair(server as https.Server, tlsFiles, logger);
      if (!pair || !vmsingle) return;
      scrapeTls = await writeScrapeTls(config.dataDir, pair, scrapeHost);
      await vmsingle.reloadScrape(scrapeTarget());
      await pruneScrapeTls(config.dataDir, scrapeTls);
    };

    if (config.vmUrl) {
      const probe = startExternalProbe({ vmUrl: config.vmUrl, intervalMs: 5000, authorization, onState: setBackend });
      cleanups.push(() => probe.stop());
    } else {
      await writeScrapeToken();
      scrapeTls = tlsPair ? await writeScrapeTls(config.dataDir, tlsPair, scrapeHost) : undefined;
      await pruneScrapeTls(config.dataDir, scrapeTls);
      vmsingle = createVmsingle({
        binary: config.vmBinary,
        dataDir: config.dataDir,
        retentionPeriod: config.vmRetention,
        scrape: scrapeTarget(),
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

    const reloadTokens = async () => {
      const result = await tokens.reload();
      if (!result.ok) return; // the store logged why, and the previous tokens stay in force
      logger.info({ count: result.count }, 'API tokens reloaded');
      await writeScrapeToken();
    };

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
      reloadTokens,
      async reload() {
        await reloadTokens();
        await credentials.reload();
        await reloadTls();
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
