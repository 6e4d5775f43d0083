import { locateLine, type PositionedFile } from '../yaml-lines.ts';
import type { Change, LocatedChange } from './change.ts';

/** Attaches to every change the line it points at in its head file. */
export function locateChanges(changes: readonly Change[], files: Readonly<Record<Change['file'], PositionedFile>>): LocatedChange[] {
  return changes.map((change) => ({ ...change, line: locateLine(files[change.file], change.path) }));
}
