import type { Catalog } from '../catalog/model.ts';
import { operationRows, type OpenApiLike } from './routes.ts';

/** The `route` value of requests no operation matched. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Where catalog.yaml's `route` label values and openapi.yaml's paths disagree. Every value of a
 * closed `route` label must be one of the contract's path templates (or `unmatched`); a label that
 * lists `unmatched` counts every request, so it must list every path as well, while one without it
 * (a metric of the passthrough routes only) lists a subset. One message per difference, naming the
 * metric, the value and what to change; empty when they agree.
 */
export function routeLabelProblems(doc: OpenApiLike, catalog: Catalog): string[] {
  const paths = [...new Set(operationRows(doc).map((row) => row.path)), UNMATCHED_ROUTE];
  const problems: string[] = [];
  for (const entry of catalog.entries) {
    const values = entry.labels.find((label) => label.name === 'route')?.values;
    if (!values) continue;
    const everyRequest = values.includes(UNMATCHED_ROUTE);
    for (const path of everyRequest ? paths.filter((p) => !values.includes(p)) : []) {
      problems.push(`catalog.yaml: ${entry.name}{route}: openapi.yaml serves "${path}", which is not a value of the label; add it`);
    }
    for (const value of values.filter((v) => !paths.includes(v))) {
      problems.push(`catalog.yaml: ${entry.name}{route}: "${value}" is no path of openapi.yaml; remove it or add the path`);
    }
  }
  return problems;
}
