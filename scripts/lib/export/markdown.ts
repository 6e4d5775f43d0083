import type { Catalog, CatalogEntry, LabelSpec } from '../catalog/model.ts';

/** Options for the reference page. */
export interface MarkdownOptions {
  /** The catalog file named in the generated-file header (default: `catalog.yaml`). */
  source?: string;
}

/**
 * Renders the catalog as a Markdown reference page: one section per family (families and the
 * entries within them sorted by name), each entry with its facts, labels, buckets, example query
 * and alert. Deterministic, so the page can be committed and diffed.
 */
export function renderMarkdown(catalog: Catalog, options: MarkdownOptions = {}): string {
  const source = options.source ?? 'catalog.yaml';
  const families = groupByFamily(catalog.entries);
  const lines = [
    `<!-- Generated from ${source} by \`npm run catalog:export -- --format markdown\`. Do not edit. -->`,
    '',
    '# Metric catalog',
    '',
    `Catalog version \`${catalog.version}\`: ${catalog.entries.length} metrics in ${families.size} families.`,
    '',
    ...[...families.keys()].map((family) => `- [${family}](#${anchor(family)})`),
  ];
  for (const [family, entries] of families) {
    lines.push('', `## ${family}`);
    for (const entry of entries) lines.push('', ...renderEntry(entry));
  }
  return `${lines.join('\n')}\n`;
}

/** Families sorted by name, each with its entries sorted by name. */
function groupByFamily(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const sorted = [...entries].sort((a, b) => compare(a.family, b.family) || compare(a.name, b.name));
  const families = new Map<string, CatalogEntry[]>();
  for (const entry of sorted) families.set(entry.family, [...(families.get(entry.family) ?? []), entry]);
  return families;
}

// Code-point order, so the page does not change with the machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One entry's section. */
function renderEntry(entry: CatalogEntry): string[] {
  const facts = [
    `- Kind: ${entry.kind}`,
    `- Unit: ${entry.unit}`,
    `- Stability: ${entry.stability}`,
    ...(entry.replaced_by ? [`- Replaced by: ${code(entry.replaced_by)}`] : []),
  ];
  const lines = [`### ${entry.name}`, '', oneLine(entry.description), '', ...facts, '', ...renderLabels(entry.labels)];
  if (entry.buckets) lines.push('', `Buckets: ${entry.buckets.map((b) => code(String(b))).join(', ')}`);
  lines.push('', 'Example:', '', ...fenced(entry.example_promql));
  if (entry.alert) {
    const { name, condition, for: holdFor, severity, summary } = entry.alert;
    lines.push(
      '',
      `Alert ${code(name)}:`,
      '',
      ...(severity ? [`- Severity: ${severity}`] : []),
      `- For: ${holdFor === undefined ? 'fires as soon as the condition holds' : code(holdFor)}`,
      ...(summary ? [`- Summary: ${oneLine(summary)}`] : []),
      '',
      ...fenced(condition),
    );
  }
  return lines;
}

/** The labels table, or a sentence when there are none. */
function renderLabels(labels: readonly LabelSpec[]): string[] {
  if (labels.length === 0) return ['No labels.'];
  return [
    '| Label | Description | Values |',
    '| --- | --- | --- |',
    ...labels.map((label) => {
      const values = label.values
        ? label.values.map(code).join(', ')
        : `open set, at most ${label.max_values} distinct values`;
      return `| ${code(label.name)} | ${cell(label.description)} | ${cell(values)} |`;
    }),
  ];
}

/** Inline code that survives backticks in the text (CommonMark: use a longer backtick run). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced PromQL block whose fence is longer than any backtick run inside. */
function fenced(query: string): string[] {
  const longest = Math.max(0, ...(query.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}promql`, query.trimEnd(), fence];
}

/** Table cells cannot hold newlines or bare pipes. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

/** GitHub's heading anchor for a family name (lowercase; underscores kept). */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
}
