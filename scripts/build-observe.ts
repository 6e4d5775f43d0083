/**
 * `npm run build:observe` (part of `npm run build`, which `npm start` and `npm pack` run): builds
 * the observe tab into dist/observe/ and reports its sizes against the JavaScript budget on stderr,
 * so that the stdout of a command around it (`npm pack --json`) stays its own; exit 1 over budget.
 */
import { runCli, type Io } from './lib/cli.ts';
import { bundleObserve, EDITOR_BUDGET_GZIP_BYTES, SCRIPT_BUDGET_GZIP_BYTES } from './lib/observe/bundle.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Runs the build-observe CLI (it takes no arguments) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  if (args.length > 0) {
    io.stderr(`build:observe: unknown argument ${args.join(' ')}\nusage: npm run build:observe\n`);
    return 2;
  }
  try {
    const built = await bundleObserve();
    const { script, style } = built;
    for (const file of built.scripts) io.stderr(`observe: ${file.name} ${kib(file.bytes)} (${kib(file.gzipBytes)} gzipped)\n`);
    io.stderr(`observe: first page ${kib(built.firstPageGzipBytes)} of JavaScript gzipped (budget ${kib(SCRIPT_BUDGET_GZIP_BYTES)}), entry ${script.name}\n`);
    io.stderr(`observe: explore editor adds ${kib(built.editorGzipBytes)} gzipped when loaded (budget ${kib(EDITOR_BUDGET_GZIP_BYTES)})\n`);
    io.stderr(`observe: ${style.name} ${kib(style.bytes)} (${kib(style.gzipBytes)} gzipped)\n`);
    io.stderr(`observe: written to ${built.outDir}\n`);
    return 0;
  } catch (error) {
    io.stderr(`build:observe: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

await runCli(import.meta.url, main);
