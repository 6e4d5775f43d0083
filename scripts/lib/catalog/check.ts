import { readFile } from 'node:fs/promises';
import type { Io } from '../cli.ts';
import { formatProblem, formatReadError } from './format.ts';
import { lintCatalog } from './lint.ts';
import { loadCatalogText } from './load.ts';
import type { Catalog, Problem } from './model.ts';

/** The outcome of checking a catalog: every problem, and the catalog when its shape is valid. */
export interface CheckResult {
  /** Present when the YAML parsed and matched the schema, even if lint problems remain. */
  catalog?: Catalog;
  /** Loader and lint problems, ordered by line. */
  problems: Problem[];
}

/** Loads, validates and lints catalog text; `file` is only used to label problems. */
export function checkCatalogText(text: string, file: string): CheckResult {
  const loaded = loadCatalogText(text, file);
  if (!loaded.catalog) return { problems: sortProblems(loaded.problems) };
  // Lint only runs on a schema-valid catalog: its rules rely on every field having its type.
  const problems = sortProblems([...loaded.problems, ...lintCatalog(loaded.catalog, loaded.lineOf, file)]);
  return { catalog: loaded.catalog, problems };
}

/** Reads and checks a catalog file; rejects only when the file cannot be read (for example ENOENT). */
export async function checkCatalogFile(file: string): Promise<CheckResult> {
  return checkCatalogText(await readFile(file, 'utf8'), file);
}

/**
 * A CLI's check of a catalog file: writes each problem to stderr, one line each, and returns the
 * result; undefined after writing why the file cannot be read (the CLI exits 2).
 */
export async function checkCatalogForCli(name: string, file: string, io: Io): Promise<CheckResult | undefined> {
  let result;
  try {
    result = await checkCatalogFile(file);
  } catch (error) {
    io.stderr(`${name}: ${formatReadError(file, error)}\n`);
    return undefined;
  }
  if (result.problems.length > 0) io.stderr(result.problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
  return result;
}

/** Orders problems as a reader walks the file: by line, then rule id (stable otherwise). */
function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
