import type { Catalog, CatalogEntry } from '../catalog/model.ts';
import { generatedHeader, literal, pascalCase } from './header.ts';

/** The catalog entry that counts folded label values; the guard of every other metric reports to it. */
export const OVERFLOW_METRIC = 'layer_metrics_label_overflow_total';

const METRIC_CLASS = { counter: 'Counter', gauge: 'Gauge', histogram: 'Histogram' } as const;

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

function renderGuardRules(entry: CatalogEntry): string {
  const rules = entry.labels.map((label) =>
    label.values ? { name: label.name, values: label.values } : { name: label.name, maxValues: label.max_values },
  );
  return literal(rules);
}

/** The handle object for one entry, wrapping its prom-client metric `m` and guard `g`. */
function renderHandle(entry: CatalogEntry, m: string, g: string): string {
  const plain = entry.labels.length === 0;
  switch (entry.kind) {
    case 'counter':
      return plain ? `{ inc: (value) => ${m}.inc(value) }` : `{ inc: (labels, value) => ${m}.inc(${g}(labels), value) }`;
    case 'gauge':
      return plain
        ? `{ set: (value) => ${m}.set(value), inc: (value) => ${m}.inc(value), dec: (value) => ${m}.dec(value) }`
        : `{\n      set: (labels, value) => ${m}.set(${g}(labels), value),\n      inc: (labels, value) => ${m}.inc(${g}(labels), value),\n      dec: (labels, value) => ${m}.dec(${g}(labels), value),\n      remove: (labels) => ${m}.remove({ ...labels }),\n    }`;
    case 'histogram':
      return plain ? `{ observe: (value) => ${m}.observe(value) }` : `{ observe: (labels, value) => ${m}.observe(${g}(labels), value) }`;
  }
}

function renderRegistration(entry: CatalogEntry, index: number): string {
  const m = `m${index}`;
  const g = `g${index}`;
  const config: string[] = [
    `name: ${literal(entry.name)}`,
    `help: ${literal(entry.description.replace(/\s+/g, ' ').trim())}`,
    `labelNames: ${literal(entry.labels.map((l) => l.name))}`,
  ];
  if (entry.buckets) config.push(`buckets: ${literal(entry.buckets)}`);
  config.push('registers: [registry]');
  config.push(`...collector(${literal(entry.name)})`);
  const lines = [
    `  const ${m} = new ${METRIC_CLASS[entry.kind]}({ ${config.join(', ')} });`,
  ];
  if (entry.labels.length > 0) {
    const report = entry.name === OVERFLOW_METRIC ? 'ignoreOverflow' : `countOverflow(${literal(entry.name)})`;
    lines.push(`  const ${g} = createLabelGuard(${renderGuardRules(entry)}, ${report});`);
  }
  lines.push(`  handles.${entry.name} = ${renderHandle(entry, m, g)};`);
  return lines.join('\n');
}

/**
 * Renders src/generated/metrics.ts: one prom-client instrument per catalog entry, registered into
 * the registry the caller passes, behind typed handles with a cardinality guard.
 */
export function renderMetrics(catalog: Catalog, source = 'catalog.yaml'): string {
  const overflow = catalog.entries.find((e) => e.name === OVERFLOW_METRIC);
  if (!overflow || overflow.kind !== 'counter') {
    throw new Error(`${source}: the catalog must declare the counter ${OVERFLOW_METRIC} (labels metric, label): the cardinality guard reports to it`);
  }
  const kinds = [...new Set(catalog.entries.map((e) => METRIC_CLASS[e.kind]))].sort();
  const handleImports = [...new Set(catalog.entries.map((e) => handleType(e).replace(/<.*/, '')))].sort();
  const out: string[] = [generatedHeader(source)];
  out.push(`import { ${kinds.join(', ')}, type Registry } from 'prom-client';`);
  out.push(`import type { ${handleImports.join(', ')} } from '../metrics/handles.ts';`);
  out.push(`import { createLabelGuard } from '../metrics/label-guard.ts';`);
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
  out.push(`/** Options of registerMetrics. */`);
  out.push(`export interface RegisterMetricsOptions {`);
  out.push(`  /** Callbacks run at scrape time to refresh a metric (process and runtime figures, say). (default: none) */`);
  out.push(`  collect?: { [K in MetricFamily]?: (handle: MetricHandles[K]) => void | Promise<void> };`);
  out.push(`}`);
  out.push('');
  out.push(`/** Registers every catalog entry into \`registry\` (never the global one) and returns typed handles. */`);
  out.push(`export function registerMetrics(registry: Registry, options: RegisterMetricsOptions = {}): MetricHandles {`);
  out.push(`  const handles = {} as MetricHandles;`);
  out.push(`  const hooks = options.collect ?? {};`);
  out.push(`  // prom-client calls \`collect\` at scrape time, by when every handle exists.`);
  out.push(`  const collector = (name: MetricFamily) => {`);
  out.push(`    const hook = hooks[name] as ((handle: unknown) => void | Promise<void>) | undefined;`);
  out.push(`    return hook ? { collect: () => hook(handles[name]) } : {};`);
  out.push(`  };`);
  out.push(`  // The overflow counter's own labels are bounded too, but it cannot count itself.`);
  out.push(`  const ignoreOverflow = () => {};`);
  out.push(`  const countOverflow = (metric: MetricFamily) => (label: string) => handles.${OVERFLOW_METRIC}.inc({ metric, label });`);
  catalog.entries.forEach((entry, i) => out.push(renderRegistration(entry, i)));
  out.push(`  return handles;`);
  out.push(`}`);
  out.push('');
  return out.join('\n');
}
