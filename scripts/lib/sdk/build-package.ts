import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where the built package lands, relative to the repository root (gitignored). */
export const CLIENT_DIST_DIR = 'packages/client/dist';

/**
 * Compiles packages/client with the root's TypeScript into dist/ (ESM JavaScript and .d.ts) and
 * returns tsc's exit code. dist/ is emptied first so that a source file deleted since the last
 * build cannot linger as a stale module.
 */
export async function buildClientPackage(root: string): Promise<number> {
  await rm(join(root, CLIENT_DIST_DIR), { recursive: true, force: true });
  // The root's tsc, not whatever `npx tsc` finds first: the package is built by the compiler the
  // repository pins.
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'packages/client/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
