/**
 * `npm run sdk [-- --check]`: builds packages/client (@layer/metrics-client). Copies the API types
 * `npm run generate` wrote for the server (src/generated/api-types.ts) into the package, then
 * compiles the package to packages/client/dist. With --check it writes nothing and exits 1 when the
 * committed copy differs from the server's types (the staleness check `npm test` runs after
 * `npm run generate -- --check`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCheckFlag, readOrNull, runCli, type Io } from './lib/cli.ts';
import { buildClientPackage, CLIENT_DIST_DIR } from './lib/sdk/build-package.ts';
import { CLIENT_TYPES_PATH, clientTypesFrom, SERVER_TYPES_PATH } from './lib/sdk/render-client-types.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Runs the sdk CLI with its arguments (without node and the script) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  const check = parseCheckFlag('sdk', args, io);
  if (check === undefined) return 2;

  const wanted = clientTypesFrom(await readFile(join(root, SERVER_TYPES_PATH), 'utf8'));
  const target = join(root, CLIENT_TYPES_PATH);
  const current = await readOrNull(target);

  if (check) {
    if (current !== wanted) {
      const why = current === null ? 'missing' : `stale (differs from ${SERVER_TYPES_PATH})`;
      io.stderr(`sdk --check: ${CLIENT_TYPES_PATH} is ${why}\nrun npm run sdk and commit the result\n`);
      return 1;
    }
    io.stdout(`sdk --check: ${CLIENT_TYPES_PATH} is up to date\n`);
    return 0;
  }

  if (current !== wanted) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, wanted);
  }
  io.stdout(`sdk: ${CLIENT_TYPES_PATH} ${current === wanted ? 'unchanged' : 'written'}\n`);
  const status = await buildClientPackage(root);
  if (status !== 0) {
    io.stderr(`sdk: tsc failed (exit ${status}); fix the errors above, then run npm run sdk again\n`);
    return status;
  }
  io.stdout(`sdk: built ${CLIENT_DIST_DIR}\n`);
  return 0;
}

await runCli(import.meta.url, main);
