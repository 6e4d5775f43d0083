import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../cli.ts';
import { parseDiffArgs, USAGE } from './args.ts';
import type { ContractFile } from './change.ts';
import { diffContracts } from './diff-contracts.ts';
import { CatalogDiffError } from './errors.ts';
import { gitTopLevel, showFile, verifyRef } from './git.ts';
import { loadContract, type LoadedContract } from './load.ts';
import { locateChanges } from './locate.ts';
import { renderReport } from './render.ts';
import { buildReport } from './report.ts';

/** Where the CLI runs and writes; tests pass their own. */
export interface CliIo extends Io {
  /** The directory the repository is found from. */
  cwd: string;
}

const FILES: readonly ContractFile[] = ['openapi.yaml', 'catalog.yaml'];

function readHead(top: string, file: ContractFile): LoadedContract {
  let text: string;
  try {
    text = readFileSync(join(top, file), 'utf8');
  } catch (error) {
    throw new CatalogDiffError('ERR_MISSING_FILE', `catalog:diff: ${file} not found in the working tree at ${top}`, { cause: error });
  }
  return loadContract(text, file, 'in the working tree');
}

function run(argv: readonly string[], io: CliIo): number {
  const options = parseDiffArgs(argv);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  // Files are found from the repository's top, so the command works from any subdirectory.
  const top = gitTopLevel(io.cwd);
  verifyRef(top, options.base);
  const [openapi, catalog] = FILES.map((file) => readHead(top, file)) as [LoadedContract, LoadedContract];
  const [baseOpenapi, baseCatalog] = FILES.map((file) => {
    const text = showFile(top, options.base, file);
    // A file absent at the base: everything in it is added.
    return text === undefined ? undefined : loadContract(text, file, `at ${options.base}`).value;
  });
  const changes = diffContracts({ openapi: baseOpenapi, catalog: baseCatalog }, { openapi: openapi.value, catalog: catalog.value });
  const report = buildReport(options.base, locateChanges(changes, { 'openapi.yaml': openapi, 'catalog.yaml': catalog }));
  io.stdout(renderReport(options.format, report));
  return report.gate === 'fail' ? 1 : 0;
}

/**
 * `catalog:diff`: diffs the contracts in the working tree against `--base` and prints the report.
 * Returns the exit code: 0 the gate passes, 1 it fails, 2 the diff could not be made (never 1, so
 * CI can tell a broken run from a breaking change).
 */
export function runDiff(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof CatalogDiffError) io.stderr(`${error.message.trimEnd()}\n`);
    else io.stderr(`catalog:diff: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
