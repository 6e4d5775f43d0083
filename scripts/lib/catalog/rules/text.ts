import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';
import type { NodePath } from '../load.ts';

/**
 * Markdown the catalog's text convention leaves out: emphasis, links, headings, list items,
 * block quotes and HTML. The observe tab renders only `code`, so anything else would show raw.
 */
const NOT_PLAIN: [RegExp, string][] = [
  [/\*\*|__|(^|\s)[*_][^\s*_][^*_]*[*_](?=\s|[.,;:]|$)/, 'emphasis (*word*, **word**, _word_)'],
  [/\[[^\]]*\]\([^)]*\)/, 'a link ([text](url))'],
  [/^\s*(#{1,6}\s|[-*+]\s|>\s|\d+\.\s)/m, 'a heading, list item or quote'],
  [/<\/?[a-z][^>]*>/i, 'HTML'],
];

/** What is wrong with `text` under the convention; undefined when it keeps it. */
export function textProblem(text: string): string | undefined {
  const literals = text.split('`');
  if (literals.length % 2 === 0) return 'has an unpaired backtick: close the `literal`, or drop the backtick';
  if (literals.some((part, i) => i % 2 === 1 && part.trim() === '')) return 'has an empty `` literal: put the value between the backticks';
  const prose = literals.filter((_, i) => i % 2 === 0).join(' ');
  for (const [pattern, what] of NOT_PLAIN) {
    if (pattern.test(prose)) return `uses ${what}, which the catalog's text does not render: write plain sentences, with \`backticks\` around literals only`;
  }
  if (!/[.!?]["')`]?$/.test(text.trim())) return 'does not end a sentence: end it with a full stop';
  return undefined;
}

/**
 * The catalog's text convention: descriptions and alert summaries are plain sentences, with
 * `backticks` around literals (label values, metric names, routes) and no other Markdown.
 */
export const catalogText: Rule = {
  id: 'catalog-text',
  summary: 'descriptions and summaries are plain sentences; `backticks` mark literals, no other Markdown',
  check: eachEntry((entry) => {
    const texts: [NodePath, string][] = [[['description'], entry.description]];
    entry.labels.forEach((label, i) => texts.push([['labels', i, 'description'], label.description]));
    if (entry.alert?.summary) texts.push([['alert', 'summary'], entry.alert.summary]);
    const findings: EntryFinding[] = [];
    for (const [path, text] of texts) {
      const problem = textProblem(text);
      if (problem) findings.push({ path, message: `${path.join('.')} ${problem}` });
    }
    return findings;
  }),
};
