/**
 * Builders for catalog YAML in tests. Cases write real YAML (so lines are real) and name the line a
 * problem should point at by a unique snippet of it, instead of a fragile line number.
 */
import assert from 'node:assert/strict';
import type { Problem } from '../../scripts/lib/catalog/model.ts';

/** Fields of one entry as raw YAML values; a value with newlines is a nested block, undefined omits the field. */
export type EntryFields = Record<string, string | undefined>;

/** One expected problem: rule, entry and a snippet of the line it must point at. */
export interface WantProblem {
  rule: string;
  entry: string;
  /** A snippet (or pattern) matching exactly one line of the YAML: the line the problem must name. */
  at: string | RegExp;
  /** A substring the message must contain (the suggested fix). */
  says?: string;
}

/** Renders one entry as a YAML sequence item under `entries:`. */
export function entry(fields: EntryFields): string {
  const lines = Object.entries(fields)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => {
      if (!value.includes('\n')) return `    ${key}: ${value}`;
      const block = dedent(value)
        .split('\n')
        .map((line) => (line === '' ? line : `      ${line}`))
        .join('\n');
      return `    ${key}:\n${block}`;
    });
  return `${lines.join('\n').replace(/^ {4}/, '  - ')}\n`;
}

/** A counter whose example queries it. */
export function counter(name: string, over: EntryFields = {}): string {
  return entry({ ...base(name, 'counter', 'requests'), example_promql: `rate(${name}[5m])`, ...over });
}

/** A gauge whose example queries it. */
export function gauge(name: string, over: EntryFields = {}): string {
  return entry({ ...base(name, 'gauge', 'items'), example_promql: `max_over_time(${name}[5m])`, ...over });
}

/** A histogram with buckets whose example queries its _bucket series. */
export function histogram(name: string, over: EntryFields = {}): string {
  return entry({
    ...base(name, 'histogram', 'seconds'),
    buckets: '[0.1, 1, 10]',
    example_promql: `histogram_quantile(0.9, sum by (le) (rate(${name}_bucket[5m])))`,
    ...over,
  });
}

function base(name: string, kind: string, unit: string): EntryFields {
  return { name, kind, description: 'Test metric.', unit, family: 'layer_test', stability: 'stable', labels: '[]' };
}

/** A whole catalog document with the given entries. */
export function catalogYaml(...entries: string[]): string {
  return `version: "2026-05"\nentries:\n${entries.join('')}`;
}

/** Strips the common indentation of a template literal's lines and its leading newline. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** The 1-based line of the only line containing `snippet`; fails the test when it is absent or ambiguous. */
export function lineContaining(text: string, snippet: string | RegExp): number {
  const matches = (line: string): boolean => (typeof snippet === 'string' ? line.includes(snippet) : snippet.test(line));
  const hits = text.split('\n').flatMap((line, index) => (matches(line) ? [index + 1] : []));
  assert.equal(hits.length, 1, `snippet ${String(snippet)} is on ${hits.length} lines of the test YAML; want exactly 1`);
  return hits[0] ?? 0;
}

/** Asserts problems are exactly `want` (rule, entry, line, in order), and each message says its fix. */
export function assertProblems(given: string, problems: readonly Problem[], want: readonly WantProblem[]): void {
  const got = problems.map((p) => `${p.rule} "${p.entry}" line ${p.line}`);
  const expected = want.map((w) => `${w.rule} "${w.entry}" line ${lineContaining(given, w.at)}`);
  assert.deepEqual(got, expected, `got ${JSON.stringify(got)}; want ${JSON.stringify(expected)}\nmessages: ${problems.map((p) => p.message).join(' | ')}`);
  problems.forEach((problem, index) => {
    const says = want[index]?.says;
    assert.ok(problem.message.includes(':'), `got message ${JSON.stringify(problem.message)}; want "what is wrong: how to fix it"`);
    if (says) assert.ok(problem.message.includes(says), `got message ${JSON.stringify(problem.message)}; want it to contain ${JSON.stringify(says)}`);
  });
}

/** One lint table row: the rule it exercises, a catalog, and exactly the problems it must produce. */
export interface LintCase {
  rule: string;
  given: string;
  want: WantProblem[];
}

/** A table of named lint cases (`[name, {rule, given, want}]`). */
export type LintTable = [string, LintCase][];
