import { parseArgs } from 'node:util';
import { CatalogDiffError } from './errors.ts';
import { FORMATS, type Format } from './render.ts';

/** What the command line asked for. */
export interface DiffOptions {
  /** The git ref to compare the working tree with. */
  base: string;
  /** Output format (default: `text`). */
  format: Format;
}

/** The usage text `--help` prints. */
export const USAGE = `usage: npm run catalog:diff -- --base GIT_REF [--format ${FORMATS.join('|')}]

Compares openapi.yaml and catalog.yaml in the working tree with GIT_REF and classifies every
change to the catalog JSON shape, the metrics and the API. Exit 0: the gate passes; 1: a breaking
change; 2: usage, git or parse error.
`;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Parses the command line; `'help'` when help was asked for. Throws ERR_USAGE with what to fix. */
export function parseDiffArgs(argv: readonly string[]): DiffOptions | 'help' {
  let values: { base?: string; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { base: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CatalogDiffError('ERR_USAGE', `catalog:diff: ${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  if (values.help) return 'help';
  if (values.base === undefined || values.base === '') {
    throw new CatalogDiffError('ERR_USAGE', `catalog:diff: --base is required: give the git ref to compare with (e.g. --base origin/main)\n${USAGE}`);
  }
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    throw new CatalogDiffError('ERR_USAGE', `catalog:diff: unknown format "${format}": use one of ${FORMATS.join(', ')}`);
  }
  return { base: values.base, format };
}
