import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { locateOffset, type NodePath } from '../yaml-lines.ts';
import type { Catalog, Problem } from './model.ts';
import { catalogSchema } from './schema.ts';

export type { NodePath } from '../yaml-lines.ts';

/**
 * Returns the 1-based source line of the node at a path. Inside a map that is the line of the key
 * (so a block value such as `labels:` points at its key), and a path that does not exist resolves
 * to its nearest existing ancestor, so a missing field points at the object that lacks it.
 */
export type LineOf = (path: NodePath) => number;

/** The result of loading catalog text: the catalog when the shape is valid, and every problem found. */
export interface LoadResult {
  /** Present only when the YAML parsed and matched the schema. */
  catalog?: Catalog;
  lineOf: LineOf;
  problems: Problem[];
}

// Compiled once: compiling costs milliseconds and the schema never changes at run time.
const validate = new Ajv({ allErrors: true, verbose: true }).compile(catalogSchema);

/** Parses and validates catalog text; never throws on bad input, every fault becomes a Problem. */
export function loadCatalogText(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = lineLocator(doc, lineCounter);
  if (doc.errors.length > 0) {
    const lastContent = Math.max(0, text.trimEnd().length - 1);
    const problems = doc.errors.map((error): Problem => {
      // An error at end of input (an unclosed bracket) points at the last line with content, not
      // at the empty line after the final newline.
      const atEnd = error.pos[0] > lastContent;
      const reason = atEnd ? `${yamlReason(error.message, false)} (at end of file)` : yamlReason(error.message, true);
      return {
        file,
        line: lineCounter.linePos(Math.min(error.pos[0], lastContent)).line,
        entry: '-',
        rule: 'yaml',
        message: `${reason}: fix the YAML syntax (indentation, quoting, brackets)`,
      };
    });
    return { lineOf, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // toJS throws only on aliases: one naming an anchor defined later or nowhere, or so many that
    // they look like a "billion laughs" attack.
    const message = error instanceof Error ? error.message : String(error);
    const line = lineCounter.linePos(firstAliasOffset(doc)).line;
    return { lineOf, problems: [{ file, line, entry: '-', rule: 'yaml', message: `${message}: write the value out instead of using an alias` }] };
  }
  const problems = schemaProblems(data, lineOf, file);
  return problems.length > 0 ? { lineOf, problems } : { catalog: data as Catalog, lineOf, problems };
}

/** Turns a YAML error message into one line: `Missing closing "quote (column 1)`. */
function yamlReason(message: string, withColumn: boolean): string {
  const first = message.split('\n')[0] ?? message;
  const match = /^(.*) at line \d+, column (\d+):?$/.exec(first);
  if (!match) return first;
  return withColumn ? `${match[1]} (column ${match[2]})` : `${match[1]}`;
}

/** Offset of the first unresolvable alias (*name), else of the first alias, else 0. */
function firstAliasOffset(doc: Document): number {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      const offset = alias.range?.[0] ?? 0;
      first ??= offset;
      if (alias.resolve(doc) === undefined) {
        unresolved = offset;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first ?? 0;
}

/** Builds the LineOf for one parsed document: a path it lacks entirely points at the document's first line. */
function lineLocator(doc: Document, counter: LineCounter): LineOf {
  const rootOffset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  return (path) => counter.linePos(locateOffset(doc, path) ?? rootOffset).line;
}

/** The name of entry `index` for problem reports; `entries[3]` when it has no usable name. */
export function entryName(data: unknown, index: number): string {
  const entries = field(data, 'entries');
  const name = Array.isArray(entries) ? field(entries[index], 'name') : undefined;
  return typeof name === 'string' && name !== '' ? name : `entries[${index}]`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Validates parsed data against the schema and reports each error at the offending node's line. */
function schemaProblems(data: unknown, lineOf: LineOf, file: string): Problem[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A value of the wrong type also fails the label's oneOf (and its branches' `required`); the type
  // error alone says what to fix.
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A misspelt field is reported once, as the typo with its fix, not again as the field missing.
  const typoFixes = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}/${closest(String(e.params.additionalProperty), allowedFields(e))}`),
  );
  const relevant = errors.filter(
    (e) =>
      !e.schemaPath.includes('/oneOf/') &&
      !(e.keyword === 'oneOf' && typeErrorAt.has(e.instancePath)) &&
      !(e.keyword === 'required' && typoFixes.has(`${e.instancePath}/${String(e.params.missingProperty)}`)),
  );
  return relevant.map((error) => {
    const path = pointerToPath(error.instancePath);
    const at = error.keyword === 'additionalProperties' ? [...path, String(error.params.additionalProperty)] : path;
    const entry = path[0] === 'entries' && typeof path[1] === 'number' ? entryName(data, path[1]) : '-';
    return { file, line: lineOf(at), entry, rule: 'schema', message: schemaMessage(error, path) };
  });
}

/** `/entries/3/labels/0` -> ['entries', 3, 'labels', 0] (RFC 6901 escapes undone). */
function pointerToPath(pointer: string): NodePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** How a path reads in a message, relative to its entry: `labels[0].values`, `kind`, `version`. */
function fieldName(path: NodePath): string {
  const rest = path[0] === 'entries' && typeof path[1] === 'number' ? path.slice(2) : path;
  if (rest.length === 0) return path.length === 0 ? 'the catalog' : 'the entry';
  return rest.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Which object a path names, to pick the hint for a missing field. */
function objectKind(path: NodePath): string {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return last === undefined ? 'catalog' : last;
}

// What to write for a missing required field, by `<object kind>.<field>`.
const MISSING_HINTS: Record<string, string> = {
  'catalog.version': 'version: "YYYY-MM", for example version: "2026-05"',
  'catalog.entries': 'entries: with one item per metric',
  'entries.name': 'name: <snake_case metric name>',
  'entries.kind': 'kind: histogram, counter or gauge',
  'entries.description': 'description: <one sentence on what it measures>',
  'entries.unit': 'unit: <base unit, for example seconds, bytes or requests>',
  'entries.family': 'family: <prefix group, for example layer_http>',
  'entries.stability': 'stability: stable, experimental or deprecated',
  'entries.labels': 'labels: [] (or the list of its labels)',
  'entries.example_promql': 'example_promql: <a PromQL query over this metric>',
  'labels.name': 'name: <label name>',
  'labels.description': 'description: <what the label tells apart>',
  'alert.name': 'name: <CamelCase alert name>',
  'alert.condition': 'condition: <PromQL that returns series while the alert should fire>',
  'lint_waivers.rule': 'rule: <the lint rule id to waive>',
  'lint_waivers.reason': 'reason: <why the exception is deliberate>',
};

/** Says what is wrong and how to fix it for one ajv error. */
function schemaMessage(error: ErrorObject, path: NodePath): string {
  const name = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const hint = MISSING_HINTS[`${objectKind(path)}.${missing}`] ?? `${missing}: <value>`;
      return `${name} is missing required field ${missing}: add ${hint}`;
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = allowedFields(error);
      const guess = closest(unknown, allowed);
      return guess
        ? `${name} has unknown field ${unknown}: did you mean ${guess}? rename it to ${guess}`
        : `${name} has unknown field ${unknown}: remove it (allowed fields: ${allowed.join(', ')})`;
    }
    case 'enum':
      return `${name} must be one of ${(params.allowedValues as unknown[]).join(', ')} (got ${shown(error.data)})`;
    case 'type': {
      const type = YAML_TYPE_NAMES[String(params.type)] ?? String(params.type);
      return `${name} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} (got ${shown(error.data)})`;
    }
    case 'minItems':
      return path.at(-1) === 'values'
        ? `${name} is empty: list at least one value, or use max_values for an open set`
        : `${name} is empty: list at least one item or remove ${name}`;
    case 'minLength':
      return `${name} is empty: give it a value`;
    case 'uniqueItems':
      return `${name} lists ${shown((error.data as unknown[])[Number(params.j)])} twice (items ${params.j} and ${params.i}): remove the duplicate`;
    case 'minimum':
      return `${name} must be at least ${params.limit} (got ${shown(error.data)})`;
    case 'oneOf':
      return params.passingSchemas
        ? `${name} has both values and max_values: keep values for a closed set or max_values for an open one`
        : `${name} needs exactly one of values (the closed set) or max_values (the budget of an open set): add one`;
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}

// Messages speak YAML, since that is what the reader edits.
const YAML_TYPE_NAMES: Record<string, string> = { object: 'mapping', array: 'list' };

/** The fields the schema object behind an additionalProperties error allows. */
function allowedFields(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema?.properties ?? {}) as object);
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** The allowed name within edit distance 2 of a typo (or one letter swap), if any. */
function closest(typo: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(typo, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i]![j] = value;
    }
  }
  return at(a.length, b.length);
}
