/** Builds the handler of every operation, keyed by operationId: the `Handlers` type makes a missing one a compile error. */
import type { Registry } from 'prom-client';
import type { RulesAccess } from '../alerts/rules-access.ts';
import type { Handlers } from '../generated/routes.ts';
import type { Readiness } from '../health/readiness.ts';
import type { HealthSnapshot } from '../health/snapshot.ts';
import { createBuildInfoHandler } from './build-info.ts';
import { createCatalogHandlers } from './catalog.ts';
import { createHealthHandler } from './health.ts';
import { createLivezHandler } from './livez.ts';
import { createMetadataHandler } from './metadata.ts';
import { createMetricsHandler } from './metrics.ts';
import { createObserveHandlers } from './observe.ts';
import { createQueryHandler, type QueryHandlerDeps } from './query.ts';
import { createReadyzHandler } from './readyz.ts';
import { createRulesHandlers } from './rules.ts';

/** What the handlers need beyond the passthrough's dependencies. */
export interface HandlerDeps extends QueryHandlerDeps {
  health: HealthSnapshot;
  readiness: Readiness;
  /** The registry registerMetrics filled; GET /metrics serves it. */
  registry: Registry;
  /** The rule engine behind /v2/metrics/api/v1/rules and /alerts. */
  rules: RulesAccess;
}

/** Creates every handler. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    getMetrics: createMetricsHandler(deps.registry),
    getHealth: createHealthHandler(deps.health),
    getLivez: createLivezHandler(),
    getReadyz: createReadyzHandler(deps.readiness),
    ...createCatalogHandlers(),
    ...createObserveHandlers(),
    queryInstant: createQueryHandler('queryInstant', 'query', deps),
    queryInstantPost: createQueryHandler('queryInstantPost', 'query', deps),
    queryInstantAlias: createQueryHandler('queryInstantAlias', 'query', deps),
    queryInstantAliasPost: createQueryHandler('queryInstantAliasPost', 'query', deps),
    queryRange: createQueryHandler('queryRange', 'query_range', deps),
    queryRangePost: createQueryHandler('queryRangePost', 'query_range', deps),
    queryRangeAlias: createQueryHandler('queryRangeAlias', 'query_range', deps),
    queryRangeAliasPost: createQueryHandler('queryRangeAliasPost', 'query_range', deps),
    labelNames: createQueryHandler('labelNames', 'labels', deps),
    labelNamesPost: createQueryHandler('labelNamesPost', 'labels', deps),
    labelValues: createQueryHandler('labelValues', 'label_values', deps),
    series: createQueryHandler('series', 'series', deps),
    seriesPost: createQueryHandler('seriesPost', 'series', deps),
    queryExemplars: createQueryHandler('queryExemplars', 'query_exemplars', deps),
    queryExemplarsPost: createQueryHandler('queryExemplarsPost', 'query_exemplars', deps),
    metadata: createMetadataHandler(deps),
    buildInfo: createBuildInfoHandler(deps),
    buildInfoPost: createBuildInfoHandler(deps),
    ...createRulesHandlers(deps.rules),
  };
}
