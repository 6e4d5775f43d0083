/**
 * Who owns the cache state, and where it goes. With LAYER_CACHE_ADDR the built-in connection
 * monitor owns it; without it an embedding host reports it (and until then it is `disabled`).
 * The namespace registry is the host's when embedded; the standalone server fills it from
 * LAYER_CACHE_NAMESPACES following the connection. Every change reaches the health snapshot and
 * the cache gauges.
 */
import type { MetricHandles } from '../generated/metrics.ts';
import type { HealthSnapshot } from '../health/snapshot.ts';
import type { Logger } from '../logger.ts';
import { CacheOwnedByMonitorError, cacheHealthOfConnection, createHostCacheState, type CacheHealth, type ReportedCacheState } from './cache-health.ts';
import { createCacheMonitor } from './monitor.ts';
import { createNamespaceStore, followCacheConnection, type NamespaceStore } from './namespaces.ts';

/** `standalone`: `npm start`, no host process. `embedded`: a host started the gateway through the public API. */
export type GatewayRole = 'standalone' | 'embedded';

/** What startCacheOwner needs. */
export interface CacheOwnerOptions {
  /** LAYER_CACHE_ADDR and LAYER_CACHE_NAMESPACES, as loadConfig parsed them (a Config fits). */
  config: { readonly cacheAddr?: string; readonly cacheNamespaces: readonly string[] };
  role: GatewayRole;
  logger: Logger;
  metrics: MetricHandles;
  health: HealthSnapshot;
}

/** The running cache state. */
export interface CacheOwner {
  namespaces: NamespaceStore;
  /** A host's report; throws CacheOwnedByMonitorError while the monitor owns the state. */
  report(state: ReportedCacheState): void;
  /** Stops the monitor, if any. */
  stop(): Promise<void>;
}

const CONNECTION_STATES = ['disabled', 'connecting', 'connected', 'disconnected'] as const;
const CACHE_STATES = ['warm', 'warming', 'cold', 'disconnected', 'disabled'] as const;
const NAMESPACE_STATES = ['warm', 'warming', 'cold'] as const;

/** Wires the cache state, its source and the namespace registry to health and metrics; starts the monitor. */
export function startCacheOwner(options: CacheOwnerOptions): CacheOwner {
  const { config, role, logger, metrics, health } = options;

  const namespaces = createNamespaceStore();
  let shownNamespaces: string[] = [];
  namespaces.onChange(() => {
    const list = namespaces.list();
    health.setNamespaces(list);
    for (const gone of shownNamespaces.filter((name) => !list.some((ns) => ns.namespace === name))) {
      for (const state of NAMESPACE_STATES) metrics.layer_cache_namespace_state.remove({ namespace: gone, state });
    }
    for (const ns of list) for (const state of NAMESPACE_STATES) metrics.layer_cache_namespace_state.set({ namespace: ns.namespace, state }, ns.state === state ? 1 : 0);
    shownNamespaces = list.map((ns) => ns.namespace);
  });

  const publish = (cache: CacheHealth) => {
    health.setCache(cache);
    for (const state of CONNECTION_STATES) metrics.layer_cache_connection_state.set({ state }, cache.connection === state ? 1 : 0);
    for (const state of CACHE_STATES) metrics.layer_cache_state.set({ state }, cache.state === state ? 1 : 0);
    metrics.layer_cache_reconnect_generation.set(cache.reconnect_generation);
  };

  // An embedding host drives its namespaces itself; the standalone policy would overwrite them.
  const policyNamespaces = role === 'standalone' ? [...config.cacheNamespaces] : [];
  if (role === 'embedded' && config.cacheNamespaces.length > 0) {
    logger.warn({ namespaces: config.cacheNamespaces.length }, 'LAYER_CACHE_NAMESPACES is ignored when the gateway is embedded: the host sets namespaces through gateway.namespaces');
  }

  if (config.cacheAddr === undefined) {
    const host = createHostCacheState(publish);
    publish(host.snapshot());
    return {
      namespaces,
      report: (state) => host.report(state),
      stop: () => Promise.resolve(),
    };
  }

  const monitor = createCacheMonitor({
    addr: config.cacheAddr,
    logger,
    onChange: (snapshot) => {
      publish(cacheHealthOfConnection(snapshot));
      followCacheConnection(namespaces, policyNamespaces, snapshot);
    },
  });
  const initial = monitor.snapshot();
  publish(cacheHealthOfConnection(initial));
  followCacheConnection(namespaces, policyNamespaces, initial);
  monitor.start();
  return {
    namespaces,
    report: () => {
      throw new CacheOwnedByMonitorError();
    },
    stop: () => monitor.stop(),
  };
}
