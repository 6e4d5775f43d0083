/**
 * The gateway as a library: the layer's own Node process starts it and drives the families only
 * it can record. The gateway keeps its own HTTP server (timeouts, client-error answers, drain) and
 * its backend; the host gets the URL, stop(), and what the layer owns.
 */
import type { ReportedCacheState } from '../cache/cache-health.ts';
import type { Config } from '../config.ts';
import { composeGateway } from '../gateway.ts';
import type { Logger } from '../logger.ts';
import { createLogger } from '../pino-logger.ts';
import { hostNamespaces, type NamespaceRegistry } from './namespaces.ts';
import { createPipelineMetrics, type PipelineMetrics } from './pipeline.ts';

/** The NVMe cache's state as the host reports it. */
export interface CacheReporter {
  /**
   * Reports the cache: `warm`, `warming` or `cold` while connected, `disconnected` while not.
   * Until the first report /health shows the cache `disabled`. A return from `disconnected` after
   * a connection counts one `reconnect_generation`. Throws CacheOwnedByMonitorError
   * (code ERR_CACHE_OWNED_BY_MONITOR) when LAYER_CACHE_ADDR is set, since the gateway's own
   * connection monitor then owns the state, and InvalidArgumentError (code
   * ERR_INVALID_CACHE_STATE) for a state outside the set.
   */
  report(state: ReportedCacheState): void;
}

/** A running gateway, as the embedding host sees it. */
export interface Gateway {
  /** http://host:port the gateway listens on. */
  readonly url: string;
  /** The layer pipeline's families. */
  readonly pipeline: PipelineMetrics;
  /** The NVMe cache state (the host's unless LAYER_CACHE_ADDR is set). */
  readonly cache: CacheReporter;
  /** Per-namespace cache state; LAYER_CACHE_NAMESPACES never overwrites it in an embedded gateway. */
  readonly namespaces: NamespaceRegistry;
  /**
   * Stops accepting, lets in-flight requests finish within LAYER_SHUTDOWN_TIMEOUT_MS, then stops
   * the bundled vmsingle. Idempotent; resolves once everything is closed.
   */
  stop(): Promise<void>;
}

/**
 * Starts the gateway from a config (see loadConfig); resolves once it listens and its metrics
 * backend answers. The logger defaults to the gateway's own (pino, JSON lines on stdout) at the
 * config's LAYER_LOG_LEVEL. Rejects when it cannot start (data directory in use, port taken,
 * backend failing to start), having released whatever it had taken.
 */
export async function startGateway(config: Readonly<Config>, logger?: Logger): Promise<Gateway> {
  const running = await composeGateway(config, logger ?? createLogger({ level: config.logLevel }), {}, 'embedded');
  return Object.freeze({
    url: running.url,
    pipeline: createPipelineMetrics(running.metrics),
    cache: Object.freeze({ report: (state: ReportedCacheState) => running.reportCache(state) }),
    namespaces: Object.freeze(hostNamespaces(running.namespaces)),
    stop: () => running.stop(),
  });
}
