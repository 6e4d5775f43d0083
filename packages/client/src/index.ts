// @layer/metrics-client: the public surface. Export list only.
export { createMetricsClient } from './client.js';
export type { MetricsClient, MetricsClientOptions, QueryOptions, RangeQueryOptions } from './client.js';
export { MetricsClientError } from './errors.js';
export type { MetricsClientErrorDetails } from './errors.js';
export type { DurationInput, TimeInput } from './params.js';
export type {
  Catalog,
  CatalogEntry,
  GatewayErrorBody,
  Health,
  HealthResult,
  Labels,
  MatrixData,
  PromErrorBody,
  PromResponse,
  QueryData,
  QueryResult,
  Sample,
  ScalarData,
  StringData,
  VectorData,
} from './types.js';
