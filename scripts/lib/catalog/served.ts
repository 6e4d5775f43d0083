import type { Catalog, CatalogEntry } from './model.ts';

/**
 * The catalog as GET /v2/metrics/catalog serves it (openapi.yaml `Catalog`): `labels` is the list of
 * label names, and the label specs travel as the additive `label_details`. Lint waivers are review
 * notes, not part of the contract, so they are not served.
 */
export interface ServedEntry {
  name: string;
  kind: CatalogEntry['kind'];
  labels: string[];
  description: string;
  example_promql: string;
  alert?: CatalogEntry['alert'];
  unit: string;
  family: string;
  stability: CatalogEntry['stability'];
  label_details: CatalogEntry['labels'];
  buckets?: number[];
  replaced_by?: string;
}

/** The served catalog document. */
export interface ServedCatalog {
  version: string;
  entries: ServedEntry[];
}

/** Maps one catalog entry to its served form, with keys in a fixed order so output is deterministic. */
export function toServedEntry(entry: CatalogEntry): ServedEntry {
  const served: ServedEntry = {
    name: entry.name,
    kind: entry.kind,
    labels: entry.labels.map((label) => label.name),
    description: entry.description,
    example_promql: entry.example_promql,
    unit: entry.unit,
    family: entry.family,
    stability: entry.stability,
    label_details: entry.labels.map((label) => ({
      name: label.name,
      description: label.description,
      ...(label.values ? { values: [...label.values] } : {}),
      ...(label.max_values !== undefined ? { max_values: label.max_values } : {}),
    })),
  };
  if (entry.alert) {
    const { name, condition, for: holdFor, severity, summary } = entry.alert;
    served.alert = {
      name,
      condition,
      ...(holdFor !== undefined ? { for: holdFor } : {}),
      ...(severity !== undefined ? { severity } : {}),
      ...(summary !== undefined ? { summary } : {}),
    };
  }
  if (entry.buckets) served.buckets = [...entry.buckets];
  if (entry.replaced_by) served.replaced_by = entry.replaced_by;
  return served;
}

/** Maps the catalog to its served form; entries keep catalog.yaml's order. */
export function toServedCatalog(catalog: Catalog): ServedCatalog {
  return { version: catalog.version, entries: catalog.entries.map(toServedEntry) };
}

/** The exact bytes the catalog route serves (compact JSON, UTF-8). `catalog:export --format json` prints the same. */
export function serializeCatalog(served: ServedCatalog | ServedEntry): string {
  return JSON.stringify(served);
}
