/**
 * The BUILT client (packages/client/dist), for tests that must prove the package works as
 * JavaScript: built with `npx tsx scripts/sdk.ts` when dist is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ClientModule from '../../../packages/client/src/index.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** packages/client. */
export const CLIENT_DIR = join(ROOT, 'packages/client');
/** The built entry point, as `exports` names it. */
export const DIST_INDEX = join(CLIENT_DIR, 'dist/index.js');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds packages/client/dist unless it is newer than every source (src/, tsconfig.json, package.json). */
export function ensureBuiltClient(): void {
  const built = mtimeOrZero(DIST_INDEX);
  const sources = Math.max(newestMtime(join(CLIENT_DIR, 'src')), mtimeOrZero(join(CLIENT_DIR, 'tsconfig.json')), mtimeOrZero(join(CLIENT_DIR, 'package.json')));
  if (built > sources) return;
  try {
    execFileSync('npx', ['tsx', 'scripts/sdk.ts'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`npx tsx scripts/sdk.ts failed building packages/client:\n${stdout ?? ''}${stderr ?? ''}`, { cause: err });
  }
}

/** Builds the client if needed and imports dist/index.js, typed as the source it was built from. */
export async function importBuiltClient(): Promise<typeof ClientModule> {
  ensureBuiltClient();
  return (await import(pathToFileURL(DIST_INDEX).href)) as typeof ClientModule;
}
