import type { Change, Contracts } from './change.ts';
import { isRecord, recordOf } from './refs.ts';
import { compareSchemas, type SchemaFinding } from './schema-compare.ts';

/** The schemas of the served catalog, the document first; the ones they reference are compared through their `$ref`s. */
export const CATALOG_SCHEMAS = ['Catalog', 'CatalogEntry'] as const;

const VERSION = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const SCHEMA_REF = '#/components/schemas/';

function versionOf(catalog: unknown): string | undefined {
  const version = recordOf(catalog).version;
  return typeof version === 'string' ? version : undefined;
}

function hasSchema(openapi: unknown, name: string): boolean {
  return name in recordOf(recordOf(recordOf(openapi).components).schemas);
}

function shapeFindings(base: Contracts, head: Contracts): SchemaFinding[] {
  const visited = new Set<string>();
  // Catalog is always compared; the other roots only where both sides have them, since a schema
  // renamed under components changes no JSON and Catalog reaches it through its $ref anyway.
  const roots = CATALOG_SCHEMAS.filter((name, index) => index === 0 || (hasSchema(base.openapi, name) && hasSchema(head.openapi, name)));
  return roots.flatMap((name) => {
    const path = ['components', 'schemas', name];
    const ref = { $ref: `#/components/schemas/${name}` };
    // Starting from a ref names subjects after the schema and shares the visited set, so
    // CatalogEntry reached through Catalog.entries is reported once.
    return compareSchemas(base.openapi, head.openapi, { node: ref, path }, { node: ref, path }, name, { direction: 'response' }, visited);
  });
}

/**
 * The catalog JSON shape section: the `Catalog` schema tree in openapi.yaml compared for a client
 * that reads the catalog, gated by the catalog `version` in catalog.yaml. An incompatible change
 * needs a bump to a later YYYY-MM; a bump without one is a note; a version going back fails.
 */
export function diffCatalogShape(base: Contracts, head: Contracts): Change[] {
  const findings = shapeFindings(base, head);
  const incompatible = findings.filter((finding) => finding.classification === 'breaking').length;
  const before = versionOf(base.catalog);
  const after = versionOf(head.catalog);
  const versionPath = ['version'];
  const changes: Change[] = [];
  const versionChange = (kind: string, classification: Change['classification'], detail: string): void => {
    changes.push({ section: 'catalog_shape', kind, subject: 'version', classification, detail, file: 'catalog.yaml', path: versionPath });
  };

  let bumped = false;
  if (head.catalog !== undefined && (after === undefined || !VERSION.test(after))) {
    versionChange('version_invalid', 'breaking', `catalog version ${JSON.stringify(after ?? null)} is not YYYY-MM; set it to the month of the change`);
  } else if (after === undefined || before === undefined || !VERSION.test(before)) {
    // No catalog at the base (or no readable version there): nothing to compare the version with.
  } else if (after < before) {
    versionChange('version_regressed', 'breaking', `catalog version went backwards: ${before} -> ${after}; it must only move forward`);
  } else if (after > before) {
    bumped = true;
    versionChange(
      'version_bumped',
      'note',
      incompatible === 0
        ? `${before} -> ${after} with no incompatible shape change; the bump is not needed`
        : `${before} -> ${after} covers ${incompatible} incompatible shape change${incompatible === 1 ? '' : 's'}`,
    );
  }

  for (const finding of findings) {
    const breaking = finding.classification === 'breaking';
    changes.push({
      section: 'catalog_shape',
      kind: finding.kind,
      subject: finding.subject,
      classification: breaking && bumped ? 'note' : finding.classification,
      detail: breaking
        ? `${finding.detail}; incompatible for catalog readers: ${bumped ? `covered by the version bump to ${after}` : 'bump catalog.yaml version to a later YYYY-MM'}`
        : finding.detail,
      file: 'openapi.yaml',
      path: finding.path,
    });
  }
  return changes;
}

/**
 * Names of the schemas the catalog shape covers: the catalog schemas and every schema they reach
 * through `$ref`. The API section leaves these to this section so nothing is reported twice.
 */
export function catalogSchemaNames(openapi: unknown): Set<string> {
  const schemas = recordOf(recordOf(recordOf(openapi).components).schemas);
  const names = new Set<string>();
  const pending: string[] = [...CATALOG_SCHEMAS];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) pending.push(ref.slice(SCHEMA_REF.length));
      Object.values(node).forEach(visit);
    }
  };
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (names.has(name)) continue;
    names.add(name);
    visit(schemas[name]);
  }
  return names;
}
