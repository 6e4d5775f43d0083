/**
 * Builds the observe tab: web/observe/src/main.ts bundled and minified by esbuild into one script
 * and one stylesheet (uPlot's CSS included) named by their content hash, and the page shell that
 * links them. The script's gzipped size is held to a budget.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The repository root. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the gateway serves the tab from (src/handlers/observe.ts reads the same folder). */
export const OBSERVE_OUT_DIR = join(ROOT, 'dist/observe');

/** The most JavaScript the page may load, gzipped, uPlot included. */
export const SCRIPT_BUDGET_GZIP_BYTES = 80 * 1024;

/** One built asset. */
export interface BuiltAsset {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/** What a build wrote. */
export interface ObserveBuild {
  outDir: string;
  script: BuiltAsset;
  style: BuiltAsset;
}

function asset(path: string, contents: Uint8Array): BuiltAsset {
  return { name: basename(path), bytes: contents.byteLength, gzipBytes: gzipSync(contents, { level: 9 }).byteLength };
}

/** Builds into `outDir` (replacing what was there); throws, writing nothing, when the script is over `budget` gzipped bytes. */
export async function bundleObserve(outDir: string = OBSERVE_OUT_DIR, budget: number = SCRIPT_BUDGET_GZIP_BYTES): Promise<ObserveBuild> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { observe: 'web/observe/src/main.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    entryNames: '[name]-[hash]',
    outdir: join(outDir, 'assets'),
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const style = result.outputFiles.find((file) => file.path.endsWith('.css'));
  if (!script || !style) throw new Error('esbuild produced no script or no stylesheet for web/observe/src/main.ts');
  const built: ObserveBuild = { outDir, script: asset(script.path, script.contents), style: asset(style.path, style.contents) };
  if (built.script.gzipBytes > budget) {
    throw new Error(`observe: ${built.script.name} is ${built.script.gzipBytes} bytes gzipped, over the budget of ${budget}; drop a dependency or trim code`);
  }
  // The icon spares the browser's request for /favicon.ico, which no route serves.
  const icon = await readFile(join(ROOT, 'web/observe/favicon.svg'));
  const iconName = `favicon-${createHash('sha256').update(icon).digest('hex').slice(0, 8).toUpperCase()}.svg`;
  const shell = (await readFile(join(ROOT, 'web/observe/index.html'), 'utf8'))
    .replace('{{script}}', built.script.name)
    .replace('{{style}}', built.style.name)
    .replace('{{icon}}', iconName);
  // Written beside the old build and swapped in by a rename, so a gateway reading the folder sees
  // the old build, no folder (a 503 it retries), or the new one, never half of one.
  const staging = `${outDir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'assets'), { recursive: true });
  await Promise.all([
    writeFile(join(staging, 'index.html'), shell),
    writeFile(join(staging, 'assets', built.script.name), script.contents),
    writeFile(join(staging, 'assets', built.style.name), style.contents),
    writeFile(join(staging, 'assets', iconName), icon),
  ]);
  await rm(outDir, { recursive: true, force: true });
  await rename(staging, outDir);
  return built;
}
