import { stringify } from 'yaml';
import { alertRuleGroups } from '../../../src/alerts/rule-groups.ts';
import type { Catalog } from '../catalog/model.ts';

/** Options for the rules file. */
export interface AlertRulesOptions {
  /** The catalog file named in the generated-file header (default: `catalog.yaml`). */
  source?: string;
}

/**
 * Renders the catalog's alerts as a Prometheus alerting-rules file (src/alerts/rule-groups.ts
 * builds the groups, sorted, so the output is deterministic). `promtool check rules` accepts it.
 */
export function renderAlertRules(catalog: Catalog, options: AlertRulesOptions = {}): string {
  const source = options.source ?? 'catalog.yaml';
  const header = `# Generated from ${source} by \`npm run catalog:export -- --format rules\`. Do not edit.\n`;
  // lineWidth 0: never fold long PromQL expressions across lines.
  return header + stringify({ groups: alertRuleGroups(catalog.entries) }, { lineWidth: 0 });
}
