import { ContractError } from './contract-error.ts';
import type { Catalog, CatalogEntry } from '../catalog/model.ts';
import { generatedHeader, literal, pascalCase } from './header.ts';

/** The catalog entry that counts folded label values; the guard of every other metric reports to it. */
export const OVERFLOW_METRIC = 'layer_metrics_label_overflow_total';

function labelsTypeName(entry: CatalogEntry): string {
  return `${pascalCase(entry.name)}Labels`;
}

function handleType(entry: CatalogEntry): string {
  const base = pascalCase(entry.kind);
  return entry.labels.length === 0 ? `Plain${base}Handle` : `${base}Handle<${labelsTypeName(entry)}>`;
}

function renderLabelsType(entry: CatalogEntry): string {
  const fields = entry.labels.map((label) => {
    const type = label.values ? label.values.map((v) => literal(v)).join(' | ') : 'string';
    return `  /** ${label.description.replace(/\s+/g, ' ').replace(/\*\//g, '* /')} */\n  ${label.name}: ${type};`;
  });
  return `/** Labels of \`${entry.name}\`. */\nexport type ${labelsTypeName(entry)} = {\n${fields.join('\n')}\n};\n`;
}

function renderDefinition(entry: CatalogEntry): string {
  const labels = entry.labels.map((label) =>
    label.values ? { name: label.name, values: label.values } : { name: label.name, maxValues: label.max_values },
  );
  const definition = {
    name: entry.name,
    kind: entry.kind,
    help: entry.description.replace(/\s+/g, ' ').trim(),
    labels,
    ...(entry.buckets ? { buckets: entry.buckets } : {}),
  };
  return `  ${literal(definition)},`;
}

/**
 * Renders src/generated/metrics.ts: the label types and the typed handles of every catalog entry,
 * and the table of definitions that registerMetrics (src/metrics/register.ts) builds them from.
 */
export function renderMetrics(catalog: Catalog, source = 'catalog.yaml'): string {
  const overflow = catalog.entries.find((e) => e.name === OVERFLOW_METRIC);
  if (!overflow || overflow.kind !== 'counter') {
    throw new ContractError(`${source}: the catalog must declare the counter ${OVERFLOW_METRIC} (labels metric, label): the cardinality guard reports to it`);
  }
  const handleImports = [...new Set(catalog.entries.map((e) => handleType(e).replace(/<.*/, '')))].sort();
  const out: string[] = [generatedHeader(source)];
  out.push(`import type { MetricDefinition } from '../metrics/definition.ts';`);
  out.push(`import type { ${handleImports.join(', ')} } from '../metrics/handles.ts';`);
  out.push('');
  out.push(`/** Every metric family the gateway exposes at /metrics, in catalog order. */`);
  out.push(`export const metricFamilies = ${literal(catalog.entries.map((e) => e.name))} as const;`);
  out.push('');
  out.push(`/** The name of one metric family. */`);
  out.push(`export type MetricFamily = (typeof metricFamilies)[number];`);
  out.push('');
  for (const entry of catalog.entries) if (entry.labels.length > 0) out.push(renderLabelsType(entry));
  out.push(`/** One typed handle per catalog entry. */`);
  out.push(`export interface MetricHandles {`);
  for (const entry of catalog.entries) {
    out.push(`  /** ${entry.description.replace(/\s+/g, ' ').trim().replace(/\*\//g, '* /')} */`);
    out.push(`  ${entry.name}: ${handleType(entry)};`);
  }
  out.push(`}`);
  out.push('');
  out.push(`/** Every catalog entry as registerMetrics (src/metrics/register.ts) builds it, in catalog order. */`);
  out.push(`export const metricDefinitions: readonly MetricDefinition<MetricFamily>[] = [`);
  for (const entry of catalog.entries) out.push(renderDefinition(entry));
  out.push(`];`);
  out.push('');
  return out.join('\n');
}
