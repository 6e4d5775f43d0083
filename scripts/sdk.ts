/**
 * `npm run sdk [-- --check]`: builds packages/client (@layer/metrics-client). Regenerates its types
 * from openapi.yaml, then compiles the package to packages/client/dist. With --check it writes
 * nothing and exits 1 when the committed generated types differ from what openapi.yaml produces
 * (the staleness check `npm test` runs).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOrNull } from './lib/cli.ts';
import { buildClientPackage, CLIENT_DIST_DIR } from './lib/sdk/build-package.ts';
import { CLIENT_TYPES_PATH, renderClientTypes } from './lib/sdk/render-client-types.ts';

const USAGE = 'usage: npm run sdk [-- --check]';
const root = join(fileURLToPath(import.meta.url), '..', '..');

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`sdk: unknown argument ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const check = argv.includes('--check');

  const wanted = await renderClientTypes(await readFile(join(root, 'openapi.yaml'), 'utf8'));
  const target = join(root, CLIENT_TYPES_PATH);
  const current = await readOrNull(target);

  if (check) {
    if (current !== wanted) {
      const why = current === null ? 'missing' : 'stale (differs from what openapi.yaml produces)';
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
