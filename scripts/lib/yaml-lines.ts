/**
 * Source lines of YAML nodes, for messages that point into a contract file. The catalog check and
 * the contract diff both locate their findings here, so the same path names the same line in both.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A path from the document root to a node: map keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** A file parsed with positions: the document and the line counter its parse filled. */
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
 * The source offset of the node at `path`: of its key inside a map (so `labels:` points at the line
 * that names it), of the item inside a sequence. When the path goes further than the document, the
 * offset of the deepest node that exists (the parent of something missing); undefined when not
 * even the first segment exists.
 */
export function locateOffset(doc: Document, path: NodePath): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of path) {
    node = deref(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (!pair) break;
      const keyRange = (pair.key as Node | null)?.range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = deref(doc, node.items[segment]) as Node | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}

/** The 1-based line of the node at `path` as locateOffset finds it; 1 when the file lacks the path entirely. */
export function locateLine(file: PositionedFile, path: NodePath): number {
  return file.lineCounter.linePos(locateOffset(file.doc, path) ?? 0).line;
}
