import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Change, DocPath, LocatedChange } from './change.ts';

/** A head file parsed with positions: the document and the line counter its parse filled. */
export interface PositionedFile {
  doc: Document;
  lineCounter: LineCounter;
}

// Aliases (`responses: *queryResponses`) lead to their anchor, which is where the text is.
function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyMatches(key: unknown, want: string | number): boolean {
  return isScalar(key) ? String(key.value) === String(want) : String(key) === String(want);
}

/**
 * The 1-based line of the node at `path` in a parsed YAML file; when the path goes further than the
 * file, the line of the deepest node that exists (the parent of something removed); 1 at worst.
 * A map entry is found at its key, so `unit:` points at the line that names it.
 */
export function locateLine(file: PositionedFile, path: DocPath): number {
  let node: unknown = file.doc.contents;
  let offset = 0;
  for (const segment of path) {
    node = deref(file.doc, node);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (!pair) break;
      const keyRange = (pair.key as Node | null)?.range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = deref(file.doc, node.items[segment]) as Node | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset === 0 ? 1 : file.lineCounter.linePos(offset).line;
}

/** Attaches to every change the line it points at in its head file. */
export function locateChanges(changes: readonly Change[], files: Readonly<Record<Change['file'], PositionedFile>>): LocatedChange[] {
  return changes.map((change) => ({ ...change, line: locateLine(files[change.file], change.path) }));
}
