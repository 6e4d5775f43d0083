/**
 * composeGateway wires the pieces from a config, one named step at a time (src/wiring/): the
 * data-directory lock and tokens, metrics and health, the cache state, access to the backend, the
 * app and its HTTP server, then the backend itself (bundled vmsingle or LAYER_VM_URL), the alert
 * evaluation (bundled vmalert or LAYER_RULES_URL), reload and the shutdown order. main.ts adds the
 * process concerns (signals, exit codes); tests call this directly.
 */
import type { Registry } from 'prom-client';
import { createRulesAccess } from './alerts/rules-access.ts';
import type { Vmalert } from './alerts/vmalert.ts';
import { createTokenStore, type TokenStore } from './auth/token-store.ts';
import type { Vmsingle } from './backend/vmsingle.ts';
import type { ReportedCacheState } from './cache/cache-health.ts';
import { startCacheOwner, type GatewayRole } from './cache/cache-owner.ts';
import type { NamespaceStore } from './cache/namespaces.ts';
import type { Config } from './config.ts';
import type { MetricHandles } from './generated/metrics.ts';
import type { HealthSnapshot } from './health/snapshot.ts';
import { acquireDataDirLock } from './storage/data-dir-lock.ts';
import type { Logger } from './logger.ts';
import { startAlerts } from './wiring/alerts.ts';
import { startBackend } from './wiring/backend.ts';
import { createBackendAccess } from './wiring/backend-access.ts';
import { buildHttpApp } from './wiring/http-app.ts';
import { listenHttp, loadServerTls, type ServerOptions } from './wiring/http-server.ts';
import { createObservability } from './wiring/observability.ts';
import { createReloads } from './wiring/reload.ts';
import { createScrape } from './wiring/scrape.ts';
import { createCleanups, drainThenClose, stopInOrder } from './wiring/shutdown.ts';

export type { ServerOptions } from './wiring/http-server.ts';

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
  readonly namespaces: NamespaceStore;
  /** An embedding host's cache report; throws while LAYER_CACHE_ADDR makes the monitor the owner. */
  reportCache(state: ReportedCacheState): void;
  /** The supervised vmsingle, in bundled mode. */
  readonly vmsingle?: Vmsingle;
  /** The supervised vmalert, when this gateway evaluates the alerts itself. */
  readonly vmalert?: Vmalert;
  /** Re-reads LAYER_API_TOKENS_FILE (SIGHUP). */
  reloadTokens(): Promise<void>;
  /** Re-reads everything SIGHUP re-reads: the token file, the backend credentials file, the TLS pair. */
  reload(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish within the deadline, stops vmsingle once. */
  stop(): Promise<void>;
}

/**
 * Starts the gateway; resolves once it listens and its backend answers. `role` says who owns the
 * cache namespaces: the standalone policy (LAYER_CACHE_NAMESPACES) or an embedding host. A failed
 * start gives back everything it had taken before it rejects.
 */
export async function composeGateway(config: Config, logger: Logger, serverOptions: ServerOptions = {}, role: GatewayRole = 'standalone'): Promise<RunningGateway> {
  const cleanups = createCleanups();
  try {
    const lock = await acquireDataDirLock(config.dataDir, logger);
    cleanups.push(() => lock.release());
    const tls = await loadServerTls(config);
    const tokens = await createTokenStore({ tokens: [...config.apiTokens], ...(config.apiTokensFile ? { file: config.apiTokensFile } : {}), dataDir: config.dataDir, logger });
    const observability = createObservability(config);
    const { metrics, health, registry, mode } = observability;

    const cache = startCacheOwner({ config, role, logger, metrics, health });
    cleanups.push(() => cache.stop());
    const access = await createBackendAccess(config, logger);
    cleanups.push(() => access.upstream.close());

    const rules = createRulesAccess(config, access.redact);
    const app = await buildHttpApp({ config, logger, tokens, observability, backend: access, rules });
    const listening = await listenHttp(config, app, tls, serverOptions, logger);
    const { url, port } = listening;
    logger.info({ url, mode }, 'gateway listening');
    cleanups.push(listening.close);

    const scrape = createScrape(config, tokens, port);
    await startBackend({ config, logger, observability, access, scrape, tls, cleanups, url });
    await startAlerts({ config, logger, observability, access, rules, cleanups, url });
    const { vmsingle } = access.bundled;
    const { vmalert } = rules.bundled;
    return {
      url, port, health, metrics, registry, tokens,
      namespaces: cache.namespaces,
      reportCache: (state) => cache.report(state),
      ...(vmsingle ? { vmsingle } : {}),
      ...(vmalert ? { vmalert } : {}),
      ...createReloads({ logger, tokens, access, listening, tls, scrape }),
      stop: stopInOrder(drainThenClose(observability.readiness, config.shutdownDelayMs, listening.close, logger), cleanups),
    };
  } catch (error) {
    await cleanups.run();
    throw error;
  }
}
