/**
 * `npm run catalog:check [-- FILE]`: loads, validates and lints the catalog (default catalog.yaml).
 * Exit 0: no problems; 1: problems (one line each on stderr); 2: bad usage or unreadable file.
 */
import { parseArgs } from 'node:util';
import { checkCatalogForCli } from './lib/catalog/check.ts';
import { runCli, usageError, type Io } from './lib/cli.ts';
import { LINT_RULES, UNUSED_WAIVER } from './lib/catalog/lint.ts';

export type { Io };

const USAGE = `usage: npm run catalog:check [-- FILE]

Checks FILE (default: catalog.yaml) against the catalog schema and lint rules and prints one line
per problem: FILE:LINE: entry "NAME": [RULE] what is wrong: how to fix it.
Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable file.

An entry can waive a rule with lint_waivers: [{rule: RULE, reason: "why"}].
Rules (besides yaml and schema, which cannot be waived):
${LINT_RULES.map((rule) => `  ${rule.id.padEnd(18)} ${rule.summary}`).join('\n')}
  ${UNUSED_WAIVER.padEnd(18)} a waiver must waive a rule that fires for its entry
`;

/** Runs the check CLI with its arguments (without node and the script) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`catalog:check: ${usageError(error)}\nusage: npm run catalog:check [-- FILE] (--help for details)\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`catalog:check: expected at most one FILE, got ${parsed.positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0] ?? 'catalog.yaml';
  const result = await checkCatalogForCli('catalog:check', file, io);
  if (result === undefined) return 2;
  if (result.problems.length > 0) {
    const count = result.problems.length;
    io.stderr(`${file}: ${count} problem${count === 1 ? '' : 's'}\n`);
    return 1;
  }
  const entries = result.catalog?.entries.length ?? 0;
  io.stdout(`${file}: ${entries} entries, no problems\n`);
  return 0;
}

await runCli(import.meta.url, main);
