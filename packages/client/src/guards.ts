/** Shallow checks that a parsed body has the shape the contract promises, before the client types it. */
import type { Catalog, CatalogEntry, Health, QueryResult } from './types.js';

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

/** Does the body look like the catalog? */
export function isCatalog(body: unknown): body is Catalog {
  return isRecord(body) && typeof body.version === 'string' && Array.isArray(body.entries);
}

/** Does the body look like one catalog entry? */
export function isCatalogEntry(body: unknown): body is CatalogEntry {
  return isRecord(body) && typeof body.name === 'string' && typeof body.kind === 'string';
}
