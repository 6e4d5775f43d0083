import type { DocPath } from './change.ts';

/** A plain YAML/JSON mapping. */
export type Record_ = Record<string, unknown>;

/** Whether a parsed value is a mapping (not null, not a list). */
export function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a mapping, or an empty one: the diff reads absent and malformed parts as empty. */
export function recordOf(value: unknown): Record_ {
  return isRecord(value) ? value : {};
}

/** The value as a list, or an empty one. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a list of strings, dropping anything else. */
export function stringsOf(value: unknown): string[] {
  return listOf(value).filter((item): item is string => typeof item === 'string');
}

/** A node reached through zero or more `$ref`s, with its place in the document. */
export interface Resolved {
  node: unknown;
  path: DocPath;
  /** Last segment of the last `$ref` followed, for example `CatalogEntry`; absent without a ref. */
  refName?: string;
}

// RFC 6901: `~1` is `/`, `~0` is `~`, decoded in that order.
function pointerSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

function getIn(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Follows local `$ref`s (`#/components/...`) from `node` until a node without one. Remote refs and
 * dangling refs resolve to `undefined`, which the sections read as "absent". Stops after 32 hops so
 * a ref cycle cannot hang the diff.
 */
export function resolveRefs(doc: unknown, node: unknown, path: DocPath): Resolved {
  let current: Resolved = { node, path };
  for (let hop = 0; hop < 32; hop += 1) {
    if (!isRecord(current.node) || typeof current.node.$ref !== 'string') return current;
    const segments = pointerSegments(current.node.$ref);
    if (!segments) return { node: undefined, path: current.path };
    current = { node: getIn(doc, segments), path: segments, refName: segments.at(-1) };
  }
  return { node: undefined, path: current.path };
}
