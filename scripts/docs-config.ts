/**
 * `npm run docs:config [-- --check]`: writes README.md's configuration table from src/config.ts's
 * configTable (variable, default, description), or with --check exits 1 when the README's table
 * differs from it. The one script that reads src/: the table's source is the config module itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { configTable } from '../src/config.ts';
import { parseCheckFlag, runCli, type Io } from './lib/cli.ts';
import { renderConfigTable, replaceConfigTable } from './lib/docs/config-table.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

/** Runs the docs:config CLI and returns the exit code. */
export async function main(args: string[], io: Io, readmePath: string = README): Promise<number> {
  const check = parseCheckFlag('docs:config', args, io);
  if (check === undefined) return 2;
  let readme: string;
  let updated: string;
  try {
    readme = await readFile(readmePath, 'utf8');
    updated = replaceConfigTable(readme, renderConfigTable(configTable));
  } catch (error) {
    io.stderr(`docs:config: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (updated === readme) return 0;
  if (check) {
    io.stderr('docs:config: README.md\'s configuration table differs from src/config.ts; run `npm run docs:config`\n');
    return 1;
  }
  await writeFile(readmePath, updated);
  io.stderr('docs:config: README.md updated\n');
  return 0;
}

await runCli(import.meta.url, main);
