import { LineCounter, parseDocument } from 'yaml';
import { CatalogDiffError } from './errors.ts';
import { locateLine, type PositionedFile } from '../yaml-lines.ts';
import { isRecord } from './refs.ts';

/** A contract file parsed: plain data for the diff, the document with positions for line numbers. */
export interface LoadedContract extends PositionedFile {
  value: unknown;
}

/**
 * Parses one contract file. `where` names the side (`at origin/main`, `in the working tree`) in
 * error messages. Throws ERR_PARSE for invalid YAML or a file whose top level is not a mapping, and
 * for a catalog whose entries cannot be matched by name.
 */
export function loadContract(text: string, file: 'openapi.yaml' | 'catalog.yaml', where: string): LoadedContract {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const [error] = doc.errors;
  if (error) {
    const line = error.linePos?.[0].line ?? 1;
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:$/, '');
    throw new CatalogDiffError('ERR_PARSE', `catalog:diff: ${file} ${where} is not valid YAML: line ${line}: ${reason}`, { cause: error });
  }
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  const positioned = { doc, lineCounter };
  if (value !== null && value !== undefined && !isRecord(value)) {
    throw new CatalogDiffError('ERR_PARSE', `catalog:diff: ${file} ${where}: line 1: the top level must be a mapping`);
  }
  if (file === 'catalog.yaml' && isRecord(value)) checkEntries(value, positioned, where);
  // An empty file has nothing in it, like an absent one.
  return { value: value ?? undefined, ...positioned };
}

// Metrics are matched by name, so an entry without one would read as a removal.
function checkEntries(catalog: Record<string, unknown>, file: PositionedFile, where: string): void {
  if (catalog.entries === undefined) return;
  if (!Array.isArray(catalog.entries)) {
    throw new CatalogDiffError('ERR_PARSE', `catalog:diff: catalog.yaml ${where}: line ${locateLine(file, ['entries'])}: entries must be a list`);
  }
  catalog.entries.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.name !== 'string') {
      const line = locateLine(file, ['entries', index]);
      throw new CatalogDiffError('ERR_PARSE', `catalog:diff: catalog.yaml ${where}: line ${line}: entry ${index} has no name`);
    }
  });
}
