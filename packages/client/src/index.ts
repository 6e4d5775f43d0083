// @layer/metrics-client: the public surface. Export list only.
export { createMetricsClient } from './client.js';
export type { CallOptions, LabelsOptions, MetadataOptions, MetricsClient, MetricsClientOptions, QueryOptions, RangeQueryOptions, RulesOptions, SeriesOptions } from './client.js';
export { MetricsClientError } from './errors.js';
export type { MetricsClientErrorDetails } from './errors.js';
export type { DurationInput, TimeInput } from './params.js';
export type {
  Alert,
  AlertsResult,
  Catalog,
  CatalogEntry,
  GatewayErrorBody,
  Health,
  HealthResult,
  Labels,
  LabelsResult,
  MatrixData,
  MetadataResult,
  MetricMetadata,
  PromErrorBody,
  PromResponse,
  QueryData,
  QueryResult,
  Readyz,
  ReadyzResult,
  RulesResult,
  Sample,
  ScalarData,
  SeriesResult,
  StringData,
  VectorData,
} from './types.js';
