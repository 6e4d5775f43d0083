/** Builds the handwritten handlers, keyed by operationId: the `Handlers` type makes a missing one a compile error. */
import type { Handlers } from '../generated/routes.ts';
import type { HealthSnapshot } from '../health/snapshot.ts';
import { createHealthHandler } from './health.ts';
import { createObserveHandlers } from './observe.ts';
import { createQueryHandler, type QueryHandlerDeps } from './query.ts';

/** Creates every handwritten handler. */
export function createHandlers(deps: QueryHandlerDeps & { health: HealthSnapshot }): Handlers {
  return {
    getHealth: createHealthHandler(deps.health),
    ...createObserveHandlers(),
    queryInstant: createQueryHandler('queryInstant', 'query', deps),
    queryInstantPost: createQueryHandler('queryInstantPost', 'query', deps),
    queryInstantAlias: createQueryHandler('queryInstantAlias', 'query', deps),
    queryInstantAliasPost: createQueryHandler('queryInstantAliasPost', 'query', deps),
    queryRange: createQueryHandler('queryRange', 'query_range', deps),
    queryRangePost: createQueryHandler('queryRangePost', 'query_range', deps),
    queryRangeAlias: createQueryHandler('queryRangeAlias', 'query_range', deps),
    queryRangeAliasPost: createQueryHandler('queryRangeAliasPost', 'query_range', deps),
  };
}
