/**
 * One difference between the base and the head contracts, classified for the gate. Every section
 * (catalog shape, metrics, API) produces these; renderers and the gate only ever read them.
 */

/** The report section a change belongs to, in the order reports show them. */
export type Section = 'catalog_shape' | 'metrics' | 'api';

/** Report order of the sections. */
export const SECTIONS: readonly Section[] = ['catalog_shape', 'metrics', 'api'];

/** Human titles of the sections. */
export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  catalog_shape: 'Catalog JSON shape',
  metrics: 'Metrics',
  api: 'API',
};

/**
 * `breaking` fails the gate; `compatible` passes and is listed; `note` passes but asks a reviewer to
 * look (an unneeded version bump, an incompatible change covered by a bump, a removed parameter).
 */
export type Classification = 'breaking' | 'compatible' | 'note';

/** The contract file a change points into. */
export type ContractFile = 'openapi.yaml' | 'catalog.yaml';

/** Keys from the document root to a node, as `yaml`'s `getIn` takes them. */
export type DocPath = readonly (string | number)[];

/** One classified difference. */
export interface Change {
  section: Section;
  /** Stable machine-readable kind, for example `label_removed`. */
  kind: string;
  /** What changed: a metric name, `CatalogEntry.unit`, `GET /v2/metrics/catalog`. */
  subject: string;
  classification: Classification;
  /** One sentence a reviewer can act on. */
  detail: string;
  file: ContractFile;
  /** Where in the head file the change is; for removals, the nearest parent that still exists. */
  path: DocPath;
}

/** A change with the head file's line resolved (1 when the file has no such node). */
export interface LocatedChange extends Change {
  line: number;
}

/** The documents of one side of the diff, parsed to plain data; `undefined` for an absent file. */
export interface Contracts {
  openapi: unknown;
  catalog: unknown;
}

/** Whether the gate passes: it fails on any breaking change. */
export function gateOf(changes: readonly Change[]): 'pass' | 'fail' {
  return changes.some((change) => change.classification === 'breaking') ? 'fail' : 'pass';
}

/** How many changes are breaking. */
export function countBreaking(changes: readonly Change[]): number {
  return changes.filter((change) => change.classification === 'breaking').length;
}

// Plain code-unit comparison, not localeCompare: the JSON output must not depend on the locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts changes into the one order every format uses: section, subject, kind, detail. */
export function sortChanges<T extends Change>(changes: readonly T[]): T[] {
  return [...changes].sort(
    (a, b) =>
      SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) ||
      compareText(a.subject, b.subject) ||
      compareText(a.kind, b.kind) ||
      compareText(a.detail, b.detail),
  );
}
