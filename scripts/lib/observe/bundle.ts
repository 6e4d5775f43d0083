/**
 * Builds the observe tab: web/observe/src/main.ts bundled and minified by esbuild into the page's
 * script, the chunks it loads on demand (the explore editor) and one stylesheet (uPlot's CSS
 * included), all named by their content hash, and the page shell that links them. The JavaScript
 * the first page loads and the editor chunk are each held to a gzipped budget.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** The repository root. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the gateway serves the tab from (src/handlers/observe.ts reads the same folder). */
export const OBSERVE_OUT_DIR = join(ROOT, 'dist/observe');

/** The most JavaScript the first page may load, gzipped, uPlot included. */
export const SCRIPT_BUDGET_GZIP_BYTES = 80 * 1024;

/** The most JavaScript the explore editor may add when it is loaded, gzipped (CodeMirror and the PromQL parser included). */
export const EDITOR_BUDGET_GZIP_BYTES = 160 * 1024;

/** One built asset. */
export interface BuiltAsset {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/** What a build wrote. */
export interface ObserveBuild {
  outDir: string;
  /** The page's entry script. */
  script: BuiltAsset;
  style: BuiltAsset;
  /** Every script the first page loads (the entry and the chunks it imports), gzipped. */
  firstPageGzipBytes: number;
  /** What loading the editor adds, gzipped. */
  editorGzipBytes: number;
  /** Every script file written. */
  scripts: BuiltAsset[];
}

/** The budgets a build is held to, gzipped bytes. */
export interface ObserveBudgets {
  firstPage: number;
  editor: number;
}

function asset(path: string, contents: Uint8Array): BuiltAsset {
  return { name: basename(path), bytes: contents.byteLength, gzipBytes: gzipSync(contents, { level: 9 }).byteLength };
}

/** The output files `entry` loads, with itself: through static imports, and through dynamic ones too when `dynamic`. */
function closure(outputs: Metafile['outputs'], entry: string, dynamic: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const imported of outputs[entry]?.imports ?? []) {
    if (imported.external) continue;
    if (imported.kind === 'import-statement' || (dynamic && imported.kind === 'dynamic-import')) closure(outputs, imported.path, dynamic, seen);
  }
  return seen;
}

/**
 * Builds into `outDir` (replacing what was there); throws, writing nothing, when the first page's
 * scripts or the editor's are over their budget gzipped.
 */
export async function bundleObserve(outDir: string = OBSERVE_OUT_DIR, budgets: ObserveBudgets = { firstPage: SCRIPT_BUDGET_GZIP_BYTES, editor: EDITOR_BUDGET_GZIP_BYTES }): Promise<ObserveBuild> {
  const assets = join(outDir, 'assets');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { observe: 'web/observe/src/main.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: ['es2022'],
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    outdir: assets,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file]));
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'web/observe/src/main.ts');
  const stylePath = [...files.keys()].find((path) => path.endsWith('.css'));
  if (!entryPath || !stylePath) throw new Error('esbuild produced no script or no stylesheet for web/observe/src/main.ts');
  const scripts = new Map([...files].filter(([path]) => path.endsWith('.js')).map(([path, file]) => [path, asset(path, file.contents)]));
  const gzipOf = (paths: Iterable<string>) => [...paths].reduce((sum, path) => sum + (scripts.get(path)?.gzipBytes ?? 0), 0);
  const firstPage = closure(outputs, entryPath, false);
  const everything = closure(outputs, entryPath, true);
  const built: ObserveBuild = {
    outDir,
    script: scripts.get(entryPath)!,
    style: asset(stylePath, files.get(stylePath)!.contents),
    firstPageGzipBytes: gzipOf(firstPage),
    editorGzipBytes: gzipOf([...everything].filter((path) => !firstPage.has(path))),
    scripts: [...scripts.values()],
  };
  if (built.firstPageGzipBytes > budgets.firstPage) {
    throw new Error(`observe: the first page loads ${built.firstPageGzipBytes} bytes of JavaScript gzipped, over the budget of ${budgets.firstPage}; drop a dependency, trim code or load it on demand`);
  }
  if (built.editorGzipBytes > budgets.editor) {
    throw new Error(`observe: the explore editor adds ${built.editorGzipBytes} bytes of JavaScript gzipped, over its budget of ${budgets.editor}; drop a CodeMirror extension or trim code`);
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
    ...[...files].map(([path, file]) => writeFile(join(staging, 'assets', basename(path)), file.contents)),
    writeFile(join(staging, 'assets', iconName), icon),
  ]);
  await rm(outDir, { recursive: true, force: true });
  await rename(staging, outDir);
  return built;
}
