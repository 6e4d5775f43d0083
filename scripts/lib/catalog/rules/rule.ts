import type { LineOf, NodePath } from '../load.ts';
import type { Catalog, CatalogEntry } from '../model.ts';

/** One finding of a rule, before lint.ts gives it a file, a line and the rule id. */
export interface Finding {
  /** Index of the entry the finding is about; absent for catalog-wide findings (never waivable). */
  entry?: number;
  /** Path of the offending node from the document root. */
  path: NodePath;
  /** What is wrong and how to fix it. */
  message: string;
}

/** What a rule sees: the schema-valid catalog, and source lines for messages that cite another node. */
export interface RuleContext {
  catalog: Catalog;
  lineOf: LineOf;
}

/** A lint rule: a stable id (what waivers name) and a pure check over the whole catalog. */
export interface Rule {
  id: string;
  /** One line on what the rule enforces. */
  summary: string;
  check(context: RuleContext): Finding[];
}

/** A finding about one entry, with its path relative to the entry. */
export interface EntryFinding {
  path: NodePath;
  message: string;
}

/** Adapts a per-entry check to a Rule check, anchoring each finding's path at its entry. */
export function eachEntry(
  check: (entry: CatalogEntry, context: RuleContext) => EntryFinding[],
): (context: RuleContext) => Finding[] {
  return (context) =>
    context.catalog.entries.flatMap((entry, index) =>
      check(entry, context).map(({ path, message }) => ({ entry: index, path: ['entries', index, ...path], message })),
    );
}
