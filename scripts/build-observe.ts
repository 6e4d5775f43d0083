/**
 * `npm run build:observe` (part of `npm run build`, which `npm start` runs): builds the observe tab
 * into dist/observe/ and prints its sizes against the JavaScript budget; exit 1 over budget.
 */
import { bundleObserve, SCRIPT_BUDGET_GZIP_BYTES } from './lib/observe/bundle.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

try {
  const built = await bundleObserve();
  const { script, style } = built;
  console.log(`observe: ${script.name} ${kib(script.bytes)} (${kib(script.gzipBytes)} gzipped; budget ${kib(SCRIPT_BUDGET_GZIP_BYTES)})`);
  console.log(`observe: ${style.name} ${kib(style.bytes)} (${kib(style.gzipBytes)} gzipped)`);
  console.log(`observe: written to ${built.outDir}`);
} catch (error) {
  console.error(String((error as Error).message ?? error));
  process.exitCode = 1;
}
