/**
 * The bodies the client hands back, named from the contract's schemas (generated/api.ts), so that a
 * change to openapi.yaml changes these types too.
 */
import type { components } from './generated/api.js';

type Schemas = components['schemas'];

/** A sample: `[unix seconds, value as a string]` (Prometheus sends values as strings to keep NaN and ±Inf). */
export type Sample = Schemas['Sample'];

/** A series' label set. */
export type Labels = Schemas['Labels'];

/** `data` of an instant query that returned series: one sample per series, in `value`. */
export type VectorData = Schemas['VectorData'];

/** `data` of a range query: every sample of each series, in `values`. */
export type MatrixData = Schemas['MatrixData'];

/** `data` of a query that evaluated to a single number. */
export type ScalarData = Schemas['ScalarData'];

/** `data` of a query that evaluated to a string literal. */
export type StringData = Schemas['StringData'];

/** `data` of a successful query, discriminated on `resultType`. */
export type QueryData = Schemas['QueryData'];

/** A successful Prometheus envelope: `{ status: 'success', data, warnings? }`. */
export type QueryResult = Schemas['PromSuccess'];

/** A Prometheus error envelope: `{ status: 'error', errorType, error }`. */
export type PromErrorBody = Schemas['PromError'];

/** Either Prometheus envelope, discriminated on `status`. */
export type PromResponse = QueryResult | PromErrorBody;

/** The error body of the gateway's routes that are not Prometheus-compatible: `{ code, message, request_id? }`. */
export type GatewayErrorBody = Schemas['Error'];

/** The gateway's health snapshot, as `GET /health` sends it. */
export type Health = Schemas['Health'];

/** What `health()` resolves with: the snapshot plus `ok`, true when the gateway answered 200 (false on 503). */
export type HealthResult = Health & { ok: boolean };

/** The gateway's readiness, as `GET /readyz` sends it. */
export type Readyz = Schemas['Readyz'];

/** What `readyz()` resolves with: the readiness body plus `ok`, true when the gateway answered 200 (false on 503). */
export type ReadyzResult = Readyz & { ok: boolean };

/** One pending or firing alert, in Prometheus's shape. */
export type Alert = Schemas['PromAlert'];

/** A successful answer of the rules API: `data.groups` holds the rules and their state. */
export type RulesResult = Schemas['PromRules'];

/** A successful answer of the alerts API: `data.alerts` holds every pending and firing alert. */
export type AlertsResult = Schemas['PromAlerts'];

/** The whole metric catalog. */
export type Catalog = Schemas['Catalog'];

/** One metric family of the catalog. */
export type CatalogEntry = Schemas['CatalogEntry'];

/** A successful answer of the label names or label values API: `data` is the list of names or values. */
export type LabelsResult = Schemas['PromLabels'];

/** A successful answer of the series API: `data` holds the label set of each matching series. */
export type SeriesResult = Schemas['PromSeries'];

/** Type, help and unit of one metric. */
export type MetricMetadata = Schemas['MetricMetadata'];

/** A successful answer of the metadata API: `data` maps each metric name to its metadata entries. */
export type MetadataResult = Schemas['PromMetadata'];
