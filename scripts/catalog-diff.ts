/**
 * `npm run catalog:diff -- --base GIT_REF [--format text|markdown|json|github]`: the contract gate.
 * Compares openapi.yaml and catalog.yaml with GIT_REF; exit 0 pass, 1 breaking change, 2 error.
 * All the work is in scripts/lib/diff; this file only binds it to the process.
 */
import { runCli, type Io } from './lib/cli.ts';
import { runDiff } from './lib/diff/cli.ts';

/** Runs the diff CLI from the working directory with its arguments and returns the exit code. */
export function main(args: string[], io: Io): number {
  return runDiff(args, { ...io, cwd: process.cwd() });
}

await runCli(import.meta.url, main);
