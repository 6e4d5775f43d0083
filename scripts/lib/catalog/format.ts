import type { Problem } from './model.ts';

/**
 * One problem as one line, the way compilers print them so editors can jump to it:
 * `catalog.yaml:42: entry "x": [counter-suffix] counter names must end in _total: rename to x_total`.
 * Problems outside an entry omit the entry part.
 */
export function formatProblem(p: Problem): string {
  const entry = p.entry === '-' ? '' : ` entry "${p.entry}":`;
  // Messages are one line by contract; fold any stray newline so the output stays line-oriented.
  return `${p.file}:${p.line}:${entry} [${p.rule}] ${p.message.replace(/\s*\n\s*/g, ' ')}`;
}

/** Why a catalog file could not be read, in words: `cannot read x.yaml: no such file`. */
export function formatReadError(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
  };
  const reason = (typeof code === 'string' && reasons[code]) || (error instanceof Error ? error.message : String(error));
  return `cannot read ${file}: ${reason}`;
}
