import type { CatalogEntry } from '../model.ts';
import { analyzePromql } from '../promql.ts';
import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';
import { seriesNames } from './entries.ts';

/** The PromQL fields of an entry: its example and its alert's condition. */
function queries(entry: CatalogEntry): { path: string[]; label: string; expr: string }[] {
  const list = [{ path: ['example_promql'], label: 'example_promql', expr: entry.example_promql }];
  if (entry.alert) list.push({ path: ['alert', 'condition'], label: 'alert.condition', expr: entry.alert.condition });
  return list;
}

/** `example_promql` and `alert.condition` parse as PromQL. */
export const promqlParse: Rule = {
  id: 'promql-parse',
  summary: 'example_promql and alert.condition parse as PromQL',
  check: eachEntry((entry) =>
    queries(entry).flatMap(({ path, label, expr }): EntryFinding[] => {
      const { error } = analyzePromql(expr);
      if (!error) return [];
      const where =
        error.near === ''
          ? `the expression ends too early at column ${error.column} (unclosed bracket or missing operand?)`
          : `unexpected ${JSON.stringify(error.near)} at column ${error.column}`;
      return [{ path, message: `${label} does not parse as PromQL: ${where}: fix the expression` }];
    }),
  ),
};

/** Each query selects at least one series of its own entry, so it documents (or alerts on) that metric. */
export const promqlReference: Rule = {
  id: 'promql-reference',
  summary: "example_promql and alert.condition select at least one of the entry's own series",
  check: eachEntry((entry) => {
    const own = seriesNames(entry);
    return queries(entry).flatMap(({ path, label, expr }): EntryFinding[] => {
      const { error, metricNames } = analyzePromql(expr);
      // An unparsable query is promql-parse's finding; its selectors are not trustworthy.
      if (error || metricNames.some((name) => own.includes(name))) return [];
      const found = metricNames.length > 0 ? `it selects ${metricNames.join(', ')}` : 'it selects no metric';
      const want = entry.kind === 'histogram' ? own.slice(1).join(', ') : entry.name;
      return [{ path, message: `${label} does not query this entry (${found}): select ${want}` }];
    });
  }),
};

/** The PromQL rules, in report order. */
export const queryRules: readonly Rule[] = [promqlParse, promqlReference];
