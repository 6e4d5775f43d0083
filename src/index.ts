/**
 * The package entry of `layer-metrics-gateway` for a process that embeds the gateway:
 * `import { startGateway, loadConfig } from 'layer-metrics-gateway'`.
 */
export { loadConfig, ConfigError, type Config, type ConfigProblem, type LogLevel } from './config.ts';
export { startGateway, type Gateway, type CacheReporter } from './embed/gateway.ts';
export type { PipelineMetrics, QueryLabels, QueryStatus, PipelineStage } from './embed/pipeline.ts';
export type { NamespaceRegistry, NamespaceState } from './embed/namespaces.ts';
export { CacheOwnedByMonitorError, type ReportedCacheState } from './cache/cache-health.ts';
export type { AccessEntry, Logger } from './logger.ts';
export { InvalidArgumentError, type InvalidArgumentCode } from './invalid-argument-error.ts';
export { StartupError } from './errors.ts';
