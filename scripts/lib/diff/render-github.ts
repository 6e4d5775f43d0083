import type { Classification } from './change.ts';
import { verdictOf, type Report } from './report.ts';

const LEVEL: Readonly<Record<Classification, string>> = { breaking: 'error', note: 'warning', compatible: 'notice' };

// Workflow command escaping (actions/toolkit `command.ts`): data escapes %, CR, LF; properties also : and ,.
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub Actions annotations on the head files: `::error` for breaking changes, `::warning` for
 * notes, `::notice` for compatible ones; a plain verdict line closes the log.
 */
export function renderGithub(report: Report): string {
  const lines = report.changes.map((change) => {
    const title = escapeProperty(`catalog:diff ${change.classification} ${change.kind}`);
    return `::${LEVEL[change.classification]} file=${escapeProperty(change.file)},line=${change.line},title=${title}::${escapeData(`${change.subject}: ${change.detail}`)}`;
  });
  lines.push(`gate: ${verdictOf(report)}`);
  return `${lines.join('\n')}\n`;
}
