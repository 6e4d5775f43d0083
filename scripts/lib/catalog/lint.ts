import type { LineOf } from './load.ts';
import type { Catalog, Problem } from './model.ts';
import { alertRules } from './rules/alerts.ts';
import { baseUnit } from './rules/units.ts';
import { buckets } from './rules/buckets.ts';
import { entryRules } from './rules/entries.ts';
import { labelRules } from './rules/labels.ts';
import { metricNameRules } from './rules/metric-name.ts';
import { alertProbeRoutes } from './rules/probe-routes.ts';
import { queryRules } from './rules/queries.ts';
import type { Finding, Rule } from './rules/rule.ts';
import { catalogText } from './rules/text.ts';

/** Every lint rule, in report order. */
export const LINT_RULES: readonly Rule[] = [
  ...metricNameRules,
  baseUnit,
  ...labelRules,
  ...entryRules,
  buckets,
  ...queryRules,
  ...alertRules,
  alertProbeRoutes,
  catalogText,
];

/** The rule id for a waiver that waives nothing: an unknown rule, or one that did not fire. */
export const UNUSED_WAIVER = 'unused-waiver';

/** Every rule id lint can report, `unused-waiver` included (the loader adds `yaml` and `schema`). */
export const LINT_RULE_IDS: readonly string[] = [...LINT_RULES.map((rule) => rule.id), UNUSED_WAIVER];

/**
 * Runs every lint rule over a schema-valid catalog. An entry's `lint_waivers` suppress the named
 * rule's findings for that entry; a waiver that suppresses nothing is itself reported, so waivers
 * cannot outlive the problem they excused.
 */
export function lintCatalog(catalog: Catalog, lineOf: LineOf, file: string): Problem[] {
  const context = { catalog, lineOf };
  const findings = LINT_RULES.flatMap((rule) => rule.check(context).map((finding) => ({ rule: rule.id, ...finding })));
  const waived = (finding: Finding & { rule: string }): boolean =>
    finding.entry !== undefined &&
    (catalog.entries[finding.entry]?.lint_waivers ?? []).some((waiver) => waiver.rule === finding.rule);
  const toProblem = ({ rule, entry, path, message }: Finding & { rule: string }): Problem => ({
    file,
    line: lineOf(path),
    entry: entry === undefined ? '-' : (catalog.entries[entry]?.name ?? '-'),
    rule,
    message,
  });
  return [...findings.filter((finding) => !waived(finding)), ...unusedWaivers(catalog, findings)].map(toProblem);
}

/** Findings for waivers naming an unknown rule, a rule that reported nothing, or a rule waived twice. */
function unusedWaivers(catalog: Catalog, findings: readonly (Finding & { rule: string })[]): (Finding & { rule: string })[] {
  const known = LINT_RULES.map((rule) => rule.id);
  return catalog.entries.flatMap((entry, index) => {
    const seen = new Set<string>();
    return (entry.lint_waivers ?? []).flatMap(({ rule }, waiverIndex) => {
      const path = ['entries', index, 'lint_waivers', waiverIndex];
      const unused = (message: string): (Finding & { rule: string })[] => [{ rule: UNUSED_WAIVER, entry: index, path, message }];
      if (!known.includes(rule)) {
        return unused(`waiver names unknown rule ${rule}: use one of ${known.join(', ')}, or remove the waiver`);
      }
      if (seen.has(rule)) return unused(`rule ${rule} is already waived for this entry: remove the duplicate waiver`);
      seen.add(rule);
      if (!findings.some((finding) => finding.rule === rule && finding.entry === index)) {
        return unused(`rule ${rule} reports nothing for this entry: remove the waiver`);
      }
      return [];
    });
  });
}
