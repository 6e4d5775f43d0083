import type { Report } from './report.ts';

/**
 * The format for tools: `{gate, base, changes[]}` with every change's fields in a fixed order and
 * changes in report order, so equal diffs print equal bytes. Document paths stay internal.
 */
export function renderJson(report: Report): string {
  const changes = report.changes.map(({ section, kind, subject, classification, detail, file, line }) => ({
    section,
    kind,
    subject,
    classification,
    detail,
    file,
    line,
  }));
  return `${JSON.stringify({ gate: report.gate, base: report.base, changes }, null, 2)}\n`;
}
