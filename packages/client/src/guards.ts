/** Shallow checks that a parsed body has the shape the contract promises, before the client types it. */
import type { AlertsResult, Catalog, CatalogEntry, Health, LabelsResult, MetadataResult, QueryResult, Readyz, RulesResult, SeriesResult } from './types.js';

/** Is the value a plain JSON object (not null, not an array)? */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Does the body look like a successful Prometheus envelope (`status: 'success'` and a typed `data`)? */
export function isQueryResult(body: unknown): body is QueryResult {
  return isRecord(body) && body.status === 'success' && isRecord(body.data) && typeof body.data.resultType === 'string';
}

/** Does the body look like the gateway's Health snapshot? */
export function isHealth(body: unknown): body is Health {
  return isRecord(body) && (body.status === 'ok' || body.status === 'degraded');
}

/** Does the body look like the gateway's readiness answer? */
export function isReadyz(body: unknown): body is Readyz {
  return isRecord(body) && (body.status === 'ready' || body.status === 'not_ready') && Array.isArray(body.reasons);
}

/** Does the body look like a successful rules answer (`data.groups` a list of groups)? */
export function isRulesResult(body: unknown): body is RulesResult {
  return isRecord(body) && body.status === 'success' && isRecord(body.data) && Array.isArray(body.data.groups) && body.data.groups.every(isRecord);
}

/** Does the body look like a successful alerts answer (`data.alerts` a list of alerts)? */
export function isAlertsResult(body: unknown): body is AlertsResult {
  return isRecord(body) && body.status === 'success' && isRecord(body.data) && Array.isArray(body.data.alerts) && body.data.alerts.every(isRecord);
}

/** Does the body look like the catalog? */
export function isCatalog(body: unknown): body is Catalog {
  return isRecord(body) && typeof body.version === 'string' && Array.isArray(body.entries);
}

/** Does the body look like one catalog entry? */
export function isCatalogEntry(body: unknown): body is CatalogEntry {
  return isRecord(body) && typeof body.name === 'string' && typeof body.kind === 'string';
}

/** Does the body look like a successful label names or values answer (`data` a list of strings)? */
export function isLabelsResult(body: unknown): body is LabelsResult {
  return isRecord(body) && body.status === 'success' && Array.isArray(body.data) && body.data.every((v) => typeof v === 'string');
}

/** Does the body look like a successful series answer (`data` a list of label sets)? */
export function isSeriesResult(body: unknown): body is SeriesResult {
  return isRecord(body) && body.status === 'success' && Array.isArray(body.data) && body.data.every(isRecord);
}

/** Does the body look like a successful metadata answer (`data` a map of lists)? */
export function isMetadataResult(body: unknown): body is MetadataResult {
  return isRecord(body) && body.status === 'success' && isRecord(body.data) && Object.values(body.data).every(Array.isArray);
}
