import { stringify } from 'yaml';
import type { Catalog, CatalogEntry } from '../catalog/model.ts';

/** Options for the rules file. */
export interface AlertRulesOptions {
  /** The catalog file named in the generated-file header (default: `catalog.yaml`). */
  source?: string;
}

interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: { severity: string };
  annotations: { summary?: string; description: string };
}

/**
 * Renders the catalog's alerts as a Prometheus alerting-rules file: one group per family that has
 * alerts, groups and rules sorted by name, so the output is deterministic. `promtool check rules`
 * accepts it.
 */
export function renderAlertRules(catalog: Catalog, options: AlertRulesOptions = {}): string {
  const source = options.source ?? 'catalog.yaml';
  const byFamily = new Map<string, AlertingRule[]>();
  for (const entry of catalog.entries) {
    if (!entry.alert) continue;
    byFamily.set(entry.family, [...(byFamily.get(entry.family) ?? []), toRule(entry, entry.alert)]);
  }
  const groups = [...byFamily.keys()].sort(compare).map((family) => ({
    name: family,
    rules: (byFamily.get(family) ?? []).sort((a, b) => compare(a.alert, b.alert)),
  }));
  const header = `# Generated from ${source} by \`npm run catalog:export -- --format rules\`. Do not edit.\n`;
  // lineWidth 0: never fold long PromQL expressions across lines.
  return header + stringify({ groups }, { lineWidth: 0 });
}

function toRule(entry: CatalogEntry, alert: NonNullable<CatalogEntry['alert']>): AlertingRule {
  return {
    alert: alert.name,
    expr: alert.condition,
    ...(alert.for !== undefined ? { for: alert.for } : {}),
    ...(alert.severity !== undefined ? { labels: { severity: alert.severity } } : {}),
    annotations: {
      ...(alert.summary !== undefined ? { summary: alert.summary } : {}),
      description: `${entry.description.trim()} (metric ${entry.name})`,
    },
  };
}

// Code-point order, so the file does not change with the machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
