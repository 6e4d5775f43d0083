import { SECTIONS, SECTION_TITLES } from './change.ts';
import { tallyOf, verdictOf, type Report } from './report.ts';

/** The terminal format: the verdict first, then each section with one change per two lines. */
export function renderText(report: Report): string {
  const lines = [`gate: ${verdictOf(report)}`, `base: ${report.base}; ${tallyOf(report)}`];
  for (const section of SECTIONS) {
    const changes = report.changes.filter((change) => change.section === section);
    lines.push('', `${SECTION_TITLES[section]} (${changes.length})`);
    if (changes.length === 0) lines.push('  no changes');
    for (const change of changes) {
      lines.push(`  ${change.classification.padEnd(10)}  ${change.subject}: ${change.kind}`);
      lines.push(`  ${''.padEnd(10)}  ${change.detail} (${change.file}:${change.line})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
