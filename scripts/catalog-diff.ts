/**
 * `npm run catalog:diff -- --base GIT_REF [--format text|markdown|json|github]`: the contract gate.
 * Compares openapi.yaml and catalog.yaml with GIT_REF; exit 0 pass, 1 breaking change, 2 error.
 * All the work is in scripts/lib/diff; this file only binds it to the process.
 */
import { runCli } from './lib/diff/cli.ts';

// exitCode, not exit(): a piped stdout (`>> $GITHUB_STEP_SUMMARY`) is flushed before Node exits.
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
