/**
 * `npm run bundle` (part of `npm pack`, after `npm run build`): bundles the package entry
 * (src/index.ts) and every library it imports into dist/bundle/, so the published package has no
 * runtime dependencies and an embedding host installs one package. The libraries' licence
 * comments are kept in dist/bundle/index.js.LEGAL.txt.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runCli, type Io } from './lib/cli.ts';

/** The repository root. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where the bundle goes: as deep under the package root as dist/handlers/, so the observe handler's relative path to dist/observe/ holds. */
export const BUNDLE_DIR = join(ROOT, 'dist/bundle');

/**
 * CommonJS libraries inside an ES module bundle call `require` for Node's built-ins; esbuild's
 * stand-in throws for those, so the bundle gets a real one.
 */
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Runs the bundle CLI (it takes no arguments) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  if (args.length > 0) {
    io.stderr(`bundle: unknown argument ${args.join(' ')}\nusage: npm run bundle\n`);
    return 2;
  }
  try {
    await rm(BUNDLE_DIR, { recursive: true, force: true });
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { index: 'src/index.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: ['node20.19'],
      outdir: BUNDLE_DIR,
      banner: { js: REQUIRE_SHIM },
      legalComments: 'linked',
      minifySyntax: true,
      metafile: true,
      logLevel: 'warning',
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    io.stderr(`bundle: ${(bytes / 1024 / 1024).toFixed(1)} MiB written to ${BUNDLE_DIR}\n`);
    return 0;
  } catch (error) {
    io.stderr(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

await runCli(import.meta.url, main);
