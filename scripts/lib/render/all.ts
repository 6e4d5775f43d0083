import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Catalog } from '../catalog/model.ts';
import { renderApiTypes, renderOpenApiDocument } from './api-types.ts';
import { renderCatalog } from './catalog.ts';
import { renderMetrics } from './metrics.ts';
import { renderQueryParams } from './query-params.ts';
import { renderRoutes, type OpenApiLike } from './routes.ts';

/** Where the generated files go, relative to the repository root. */
export const GENERATED_DIR = 'src/generated';

/** Reads openapi.yaml as data; YAML anchors (shared responses) come out expanded. */
export async function readOpenApi(root: string): Promise<OpenApiLike> {
  return parse(await readFile(join(root, 'openapi.yaml'), 'utf8'), { maxAliasCount: -1 }) as OpenApiLike;
}

/** Renders every generated file from the two contracts: relative path -> contents, sorted by path. */
export async function renderAll(openapi: OpenApiLike, catalog: Catalog): Promise<Map<string, string>> {
  const files = new Map<string, string>([
    [`${GENERATED_DIR}/api-types.ts`, await renderApiTypes(openapi)],
    [`${GENERATED_DIR}/catalog.ts`, renderCatalog(catalog)],
    [`${GENERATED_DIR}/metrics.ts`, renderMetrics(catalog)],
    [`${GENERATED_DIR}/openapi-document.ts`, renderOpenApiDocument(openapi)],
    [`${GENERATED_DIR}/query-params.ts`, renderQueryParams(openapi)],
    [`${GENERATED_DIR}/routes.ts`, renderRoutes(openapi)],
  ]);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
