import type { Classification, DocPath } from './change.ts';
import { isRecord, listOf, recordOf, resolveRefs, stringsOf, type Record_ } from './refs.ts';

/**
 * Who reads the schema. A `response` schema is read by clients, so anything they may rely on going
 * away is incompatible; a `request` schema is written by clients, so anything new they must send is.
 */
export type Direction = 'response' | 'request';

/** One classified difference between two JSON Schemas, before a section turns it into a Change. */
export interface SchemaFinding {
  kind: string;
  subject: string;
  classification: Classification;
  detail: string;
  /** Where in the head document; for removals, the nearest parent that still exists. */
  path: DocPath;
}

/** A schema and where it stands in its document (so `$ref`s can be followed and lines found). */
export interface SchemaAt {
  node: unknown;
  path: DocPath;
}

/** How to compare. */
export interface CompareOptions {
  direction: Direction;
  /** Refs that both sides make to these schema names are not descended into (another section compares them). (default: none) */
  skipRef?: (name: string) => boolean;
}

interface Walk {
  baseDoc: unknown;
  headDoc: unknown;
  options: CompareOptions;
  visited: Set<string>;
  findings: SchemaFinding[];
}

const STRUCTURED = new Set(['object', 'array']);

// The JSON types a schema admits: `type` when written, else what `properties`/`items`/`const` imply.
function typesOf(schema: Record_): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return stringsOf(schema.type).sort();
  if (isRecord(schema.properties)) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  if ('const' in schema) return [schema.const === null ? 'null' : typeof schema.const === 'object' ? 'object' : typeof schema.const];
  return [];
}

// `const` is a one-value enum (OpenAPI 3.1); values compare by their JSON text.
function enumOf(schema: Record_): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value));
  if ('const' in schema) return [JSON.stringify(schema.const)];
  return undefined;
}

// Points at the keyword that changed (`enum:`, `type:`) when the head schema writes it.
function keywordPath(schema: Record_, path: DocPath, keywords: readonly string[]): DocPath {
  const keyword = keywords.find((name) => name in schema);
  return keyword === undefined ? path : [...path, keyword];
}

function listText(values: readonly string[]): string {
  return values.join(', ');
}

function emit(walk: Walk, finding: SchemaFinding): void {
  walk.findings.push(finding);
}

function compareTypes(walk: Walk, base: Record_, head: Record_, subject: string, path: DocPath): boolean {
  const before = typesOf(base);
  const after = typesOf(head);
  if (before.length === 0 || after.length === 0 || listText(before) === listText(after)) return false;
  // Nesting changed when the object/array part differs; `object` -> `object, null` is only nullability.
  const structured = (types: string[]): string => listText(types.filter((type) => STRUCTURED.has(type)));
  const nesting = structured(before) !== structured(after);
  // A writer may send whatever it sent before when the type only widens; a reader may not cope.
  const widened = before.every((type) => after.includes(type));
  const classification: Classification = walk.options.direction === 'request' && widened ? 'compatible' : 'breaking';
  emit(walk, {
    kind: nesting ? 'nesting_changed' : 'type_changed',
    subject,
    classification,
    detail: `type ${listText(before)} -> ${listText(after)}`,
    path: keywordPath(head, path, ['type', 'properties', 'items', 'prefixItems', 'const']),
  });
  return true;
}

function compareEnums(walk: Walk, base: Record_, head: Record_, subject: string, schemaPath: DocPath): void {
  const path = keywordPath(head, schemaPath, ['enum', 'const']);
  const before = enumOf(base);
  const after = enumOf(head);
  if (!before && !after) return;
  if (before && !after) {
    emit(walk, { kind: 'enum_widened', subject, classification: 'compatible', detail: `no longer restricted to ${listText(before)}`, path });
    return;
  }
  if (!before && after) {
    emit(walk, { kind: 'enum_narrowed', subject, classification: 'breaking', detail: `now restricted to ${listText(after)}`, path });
    return;
  }
  const removed = (before ?? []).filter((value) => !(after ?? []).includes(value));
  const added = (after ?? []).filter((value) => !(before ?? []).includes(value));
  if (removed.length > 0) {
    emit(walk, { kind: 'enum_narrowed', subject, classification: 'breaking', detail: `value removed: ${listText(removed)}`, path });
  }
  if (added.length > 0) {
    emit(walk, { kind: 'enum_widened', subject, classification: 'compatible', detail: `value added: ${listText(added)}`, path });
  }
}

function compareProperties(walk: Walk, base: Record_, head: Record_, subject: string, path: DocPath, basePath: DocPath): void {
  if (!isRecord(base.properties) && !isRecord(head.properties)) return;
  const before = recordOf(base.properties);
  const after = recordOf(head.properties);
  const requiredBefore = new Set(stringsOf(base.required));
  const requiredAfter = new Set(stringsOf(head.required));
  const reading = walk.options.direction === 'response';
  const requiredPath = keywordPath(head, path, ['required']);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const at = `${subject}.${name}`;
    const propPath = [...path, 'properties', name];
    if (!(name in after)) {
      emit(walk, {
        kind: 'property_removed',
        subject: at,
        // A removed request property is ignored at worst; a removed response property breaks its readers.
        classification: reading ? 'breaking' : 'note',
        detail: reading
          ? `property "${name}" removed (or renamed); clients reading it get nothing`
          : `property "${name}" removed; clients that still send it lose its effect`,
        path: [...path, 'properties'],
      });
      continue;
    }
    if (!(name in before)) {
      const required = requiredAfter.has(name);
      emit(walk, {
        kind: 'property_added',
        subject: at,
        classification: !reading && required ? 'breaking' : 'compatible',
        detail: `new ${required ? 'required' : 'optional'} property "${name}"${!reading && required ? '; existing clients do not send it' : ''}`,
        path: propPath,
      });
      continue;
    }
    if (requiredBefore.has(name) && !requiredAfter.has(name)) {
      emit(walk, {
        kind: 'property_made_optional',
        subject: at,
        classification: reading ? 'breaking' : 'compatible',
        detail: `property "${name}" no longer required${reading ? '; clients may find it missing' : ''}`,
        path: requiredPath,
      });
    } else if (!requiredBefore.has(name) && requiredAfter.has(name)) {
      emit(walk, {
        kind: 'property_made_required',
        subject: at,
        classification: reading ? 'compatible' : 'breaking',
        detail: `property "${name}" now required${reading ? '' : '; existing clients may not send it'}`,
        path: requiredPath,
      });
    }
    walkSchemas(walk, { node: before[name], path: [...basePath, 'properties', name] }, { node: after[name], path: propPath }, at);
  }
  if (isRecord(base.additionalProperties) && isRecord(head.additionalProperties)) {
    walkSchemas(
      walk,
      { node: base.additionalProperties, path: [...basePath, 'additionalProperties'] },
      { node: head.additionalProperties, path: [...path, 'additionalProperties'] },
      `${subject}.*`,
    );
  }
}

function compareItems(walk: Walk, base: Record_, head: Record_, subject: string, path: DocPath, basePath: DocPath): void {
  if (base.items !== undefined && head.items !== undefined) {
    walkSchemas(walk, { node: base.items, path: [...basePath, 'items'] }, { node: head.items, path: [...path, 'items'] }, `${subject}[]`);
  }
  const before = listOf(base.prefixItems);
  const after = listOf(head.prefixItems);
  if (before.length === 0 && after.length === 0) return;
  if (before.length !== after.length) {
    emit(walk, {
      kind: 'nesting_changed',
      subject,
      classification: 'breaking',
      detail: `tuple of ${before.length} -> ${after.length} items`,
      path: [...path, 'prefixItems'],
    });
    return;
  }
  before.forEach((item, index) => {
    walkSchemas(
      walk,
      { node: item, path: [...basePath, 'prefixItems', index] },
      { node: after[index], path: [...path, 'prefixItems', index] },
      `${subject}[${index}]`,
    );
  });
}

// Variants match by the schema they reference, else by position.
function variantKeys(variants: unknown[]): string[] {
  return variants.map((variant, index) => (isRecord(variant) && typeof variant.$ref === 'string' ? variant.$ref : `#${index}`));
}

function compareVariants(walk: Walk, base: Record_, head: Record_, subject: string, path: DocPath, basePath: DocPath): void {
  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const before = listOf(base[keyword]);
    const after = listOf(head[keyword]);
    const beforeKeys = variantKeys(before);
    const afterKeys = variantKeys(after);
    beforeKeys.forEach((key, index) => {
      const match = afterKeys.indexOf(key);
      if (match === -1) {
        emit(walk, {
          kind: 'variant_removed',
          subject,
          classification: 'breaking',
          detail: `${keyword} variant ${key} removed`,
          path: [...path, keyword],
        });
        return;
      }
      walkSchemas(
        walk,
        { node: before[index], path: [...basePath, keyword, index] },
        { node: after[match], path: [...path, keyword, match] },
        subject,
      );
    });
    afterKeys.forEach((key, index) => {
      if (beforeKeys.includes(key)) return;
      emit(walk, {
        kind: 'variant_added',
        subject,
        classification: 'compatible',
        detail: `${keyword} variant ${key} added`,
        path: [...path, keyword, index],
      });
    });
  }
}

function pathKey(path: DocPath): string {
  return JSON.stringify(path);
}

function walkSchemas(walk: Walk, baseAt: SchemaAt, headAt: SchemaAt, subject: string): void {
  const base = resolveRefs(walk.baseDoc, baseAt.node, baseAt.path);
  const head = resolveRefs(walk.headDoc, headAt.node, headAt.path);
  const skip = walk.options.skipRef;
  // Skipped only while both sides name the same schema: swapping it for another is this caller's change.
  if (skip && base.refName !== undefined && base.refName === head.refName && skip(base.refName)) return;
  // Crossing a `$ref` names the subject after the referenced schema (`CatalogEntry.unit`), or
  // after both when the ref was swapped (`CatalogEntry->Error.unit`).
  const swapped = base.refName !== undefined && head.refName !== undefined && base.refName !== head.refName;
  const name = swapped ? `${base.refName}->${head.refName}` : (head.refName ?? base.refName ?? subject);
  // Each pair of places is compared once: shared schemas report once, and ref cycles end.
  const key = `${pathKey(base.path)}|${pathKey(head.path)}`;
  if (walk.visited.has(key)) return;
  walk.visited.add(key);
  if (base.node === undefined && head.node === undefined) return;
  if (base.node === undefined) {
    emit(walk, { kind: 'schema_added', subject: name, classification: 'compatible', detail: 'schema added', path: head.path });
    return;
  }
  if (head.node === undefined) {
    emit(walk, {
      kind: 'schema_removed',
      subject: name,
      classification: walk.options.direction === 'response' ? 'breaking' : 'note',
      detail: 'schema removed',
      path: head.path,
    });
    return;
  }
  const before = recordOf(base.node);
  const after = recordOf(head.node);
  if (compareTypes(walk, before, after, name, head.path)) return;
  compareEnums(walk, before, after, name, head.path);
  compareProperties(walk, before, after, name, head.path, base.path);
  compareItems(walk, before, after, name, head.path, base.path);
  compareVariants(walk, before, after, name, head.path, base.path);
}

/**
 * Compares two JSON Schemas (OpenAPI 3.1), following `$ref`s in their own documents, and classifies
 * every difference for the given direction. Each pair of schemas is visited once per call.
 */
export function compareSchemas(
  baseDoc: unknown,
  headDoc: unknown,
  base: SchemaAt,
  head: SchemaAt,
  subject: string,
  options: CompareOptions,
  visited: Set<string> = new Set(),
): SchemaFinding[] {
  const walk: Walk = { baseDoc, headDoc, options, visited, findings: [] };
  walkSchemas(walk, base, head, subject);
  return walk.findings;
}
