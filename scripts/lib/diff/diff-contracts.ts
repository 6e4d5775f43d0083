import { diffApi } from './api.ts';
import { diffCatalogShape } from './catalog-shape.ts';
import { sortChanges, type Change, type Contracts } from './change.ts';
import { diffMetrics } from './metrics.ts';

/**
 * Every classified difference between the base and the head contracts (openapi.yaml and
 * catalog.yaml parsed to plain data; an absent file is `undefined`), in report order.
 */
export function diffContracts(base: Contracts, head: Contracts): Change[] {
  return sortChanges([...diffCatalogShape(base, head), ...diffMetrics(base, head), ...diffApi(base, head)]);
}
