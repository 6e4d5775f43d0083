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
import { readOrNull } from './lib/cli.ts';
import { buildClientPackage, CLIENT_DIST_DIR } from './lib/sdk/build-package.ts';
import { CLIENT_TYPES_PATH, clientTypesFrom, SERVER_TYPES_PATH } from './lib/sdk/render-client-types.ts';

const USAGE = 'usage: npm run sdk [-- --check]';
const root = join(fileURLToPath(import.meta.url), '..', '..');

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`sdk: unknown argument ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const check = argv.includes('--check');

  const wanted = clientTypesFrom(await readFile(join(root, SERVER_TYPES_PATH), 'utf8'));
  const target = join(root, CLIENT_TYPES_PATH);
  const current = await readOrNull(target);

  if (check) {
    if (current !== wanted) {
      const why = current === null ? 'missing' : `stale (differs from ${SERVER_TYPES_PATH})`;
      console.error(`sdk --check: ${CLIENT_TYPES_PATH} is ${why}\nrun npm run sdk and commit the result`);
      return 1;
    }
    console.log(`sdk --check: ${CLIENT_TYPES_PATH} is up to date`);
    return 0;
  }

  if (current !== wanted) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, wanted);
  }
  console.log(`sdk: ${CLIENT_TYPES_PATH} ${current === wanted ? 'unchanged' : 'written'}`);
  const status = await buildClientPackage(root);
  if (status !== 0) {
    console.error(`sdk: tsc failed (exit ${status}); fix the errors above, then run npm run sdk again`);
    return status;
  }
  console.log(`sdk: built ${CLIENT_DIST_DIR}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
