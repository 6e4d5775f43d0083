import { SECTIONS, SECTION_TITLES } from './change.ts';
import { tallyOf, verdictOf, type Report } from './report.ts';

// Table cells: a `|` would end the cell, a newline the row, and `<` could open an HTML tag.
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('<', '&lt;').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replaceAll('`', "'").replaceAll('|', '\\|').replace(/\r?\n/g, ' ')}\``;
}

/** The pull-request comment format: a heading, the verdict, and one table per section. */
export function renderMarkdown(report: Report): string {
  const icon = report.gate === 'pass' ? '✅' : '❌';
  const lines = ['## Contract diff', '', `${icon} **gate: ${verdictOf(report)}** against ${code(report.base)}; ${tallyOf(report)}.`];
  for (const section of SECTIONS) {
    const changes = report.changes.filter((change) => change.section === section);
    lines.push('', `### ${SECTION_TITLES[section]}`, '');
    if (changes.length === 0) {
      lines.push('No changes.');
      continue;
    }
    lines.push('| Change | Classification | Detail |', '| --- | --- | --- |');
    for (const change of changes) {
      const classification = change.classification === 'breaking' ? '**breaking**' : change.classification;
      lines.push(`| ${code(change.kind)} ${code(change.subject)} | ${classification} | ${cell(change.detail)} (${change.file}:${change.line}) |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
