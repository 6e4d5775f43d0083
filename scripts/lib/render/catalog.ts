import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/model.ts';
import { serializeCatalog, toServedCatalog } from '../catalog/served.ts';
import { generatedHeader, literal } from './header.ts';

/** A strong ETag over the exact served bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Renders src/generated/catalog.ts: the catalog as the catalog routes serve it, pre-serialized at
 * build time, whole and per entry, each with its ETag; and the same catalog as data typed by
 * openapi.yaml's `Catalog` schema, so that type-checking holds the served shape to the contract.
 */
export function renderCatalog(catalog: Catalog, source = 'catalog.yaml'): string {
  const served = toServedCatalog(catalog);
  const whole = serializeCatalog(served);
  const entries = served.entries.map((entry) => {
    const body = serializeCatalog(entry);
    return `  [${literal(entry.name)}, { body: ${literal(body)}, etag: ${literal(etagOf(body))} }],`;
  });
  return [
    generatedHeader(source),
    `import type { components } from './api-types.ts';`,
    '',
    `/** A pre-serialized JSON document and its strong ETag. */`,
    `export interface ServedDocument {`,
    `  readonly body: string;`,
    `  readonly etag: string;`,
    `}`,
    '',
    `/** The catalog version (YYYY-MM). */`,
    `export const catalogVersion = ${literal(catalog.version)};`,
    '',
    `/** The served catalog as data: what catalogDocument.body serializes, checked against the contract's Catalog schema. */`,
    `export const servedCatalog: components['schemas']['Catalog'] = ${JSON.stringify(served, null, 2)};`,
    '',
    `/** GET /v2/metrics/catalog: the whole catalog. */`,
    `export const catalogDocument: ServedDocument = { body: ${literal(whole)}, etag: ${literal(etagOf(whole))} };`,
    '',
    `/** GET /v2/metrics/catalog/{name}: one entry per metric family. */`,
    `export const catalogEntryDocuments: ReadonlyMap<string, ServedDocument> = new Map([`,
    ...entries,
    `]);`,
    '',
  ].join('\n');
}
