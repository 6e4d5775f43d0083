/**
 * The catalog's alerts as Prometheus alerting-rule groups: one group per family that has alerts,
 * groups and rules sorted by name, so the output is deterministic. The exported rules file
 * (`npm run catalog:export -- --format rules`) and the bundled vmalert's rules file both come from
 * here.
 */

/** The fields of a catalog entry an alerting rule is built from. */
export interface AlertSource {
  name: string;
  /** The group the rule goes to. (default: the entry's name) */
  family?: string | undefined;
  description: string;
  alert?: { name: string; condition: string; for?: string; severity?: string; summary?: string };
}

/** One alerting rule in Prometheus's rules-file shape. */
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: { severity: string };
  annotations: { summary?: string; description: string };
}

/** One rule group. */
export interface RuleGroup {
  name: string;
  rules: AlertingRule[];
}

/** The alerting-rule groups of `entries` (pure). */
export function alertRuleGroups(entries: readonly AlertSource[]): RuleGroup[] {
  const byFamily = new Map<string, AlertingRule[]>();
  for (const entry of entries) {
    if (!entry.alert) continue;
    const family = entry.family ?? entry.name;
    byFamily.set(family, [...(byFamily.get(family) ?? []), toRule(entry, entry.alert)]);
  }
  return [...byFamily.keys()].sort(compare).map((family) => ({
    name: family,
    rules: (byFamily.get(family) ?? []).sort((a, b) => compare(a.alert, b.alert)),
  }));
}

function toRule(entry: AlertSource, alert: NonNullable<AlertSource['alert']>): AlertingRule {
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
