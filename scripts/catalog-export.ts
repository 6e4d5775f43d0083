/**
 * `npm run catalog:export -- --format json|yaml|markdown|rules [--out FILE] [--catalog FILE]`:
 * checks the catalog, then renders it. Exit 0: written; 1: the catalog has problems (nothing is
 * written); 2: bad usage, unreadable catalog or unwritable output.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { checkCatalogForCli } from './lib/catalog/check.ts';
import { runCli, usageError, type Io } from './lib/cli.ts';
import type { Catalog } from './lib/catalog/model.ts';
import { serializeCatalog, toServedCatalog } from './lib/catalog/served.ts';
import { renderMarkdown } from './lib/export/markdown.ts';
import { renderAlertRules } from './lib/export/rules.ts';

export type { Io };

/** Each export format's renderer: catalog (and its file name, for headers) to file contents. */
export const RENDERERS: Record<string, (catalog: Catalog, source: string) => string> = {
  // Byte for byte what GET /v2/metrics/catalog serves: no trailing newline added.
  json: (catalog) => serializeCatalog(toServedCatalog(catalog)),
  // Quoted for YAML 1.1 readers too (PyYAML, go-yaml v2), which would read a bare `no` or `on` as
  // a boolean; YAML 1.2 readers get the same strings. lineWidth 0 keeps PromQL on one line.
  yaml: (catalog) => stringify(toServedCatalog(catalog), { version: '1.1', lineWidth: 0 }),
  markdown: (catalog, source) => renderMarkdown(catalog, { source }),
  rules: (catalog, source) => renderAlertRules(catalog, { source }),
};

const FORMATS = Object.keys(RENDERERS).join(', ');

const USAGE = `usage: npm run catalog:export -- --format FORMAT [--out FILE] [--catalog FILE]

  --format FORMAT  one of ${FORMATS}
                   json: the served catalog, byte-identical to GET /v2/metrics/catalog
                   yaml: the served catalog as YAML
                   markdown: a reference page grouped by family
                   rules: a Prometheus alerting-rules file (promtool check rules passes)
  --out FILE       write to FILE (default: stdout)
  --catalog FILE   the catalog to export (default: catalog.yaml)

The catalog is checked first (as npm run catalog:check does); with any problem nothing is written
and the exit status is 1. Usage errors exit 2.
`;

/** Runs the export CLI with its arguments (without node and the script) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        catalog: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`catalog:export: ${usageError(error)}\nusage: npm run catalog:export -- --format FORMAT [--out FILE] [--catalog FILE] (--help for details)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const render = values.format === undefined ? undefined : RENDERERS[values.format];
  if (!render) {
    const what = values.format === undefined ? 'missing --format' : `unknown format "${values.format}"`;
    io.stderr(`catalog:export: ${what}: choose one of ${FORMATS}\n`);
    return 2;
  }
  const source = values.catalog ?? 'catalog.yaml';
  const result = await checkCatalogForCli('catalog:export', source, io);
  if (result === undefined) return 2;
  if (!result.catalog || result.problems.length > 0) {
    io.stderr(`catalog:export: ${source} has ${result.problems.length} problem(s); fix them first (npm run catalog:check)\n`);
    return 1;
  }
  const output = render(result.catalog, source);
  if (values.out === undefined) {
    io.stdout(output);
    return 0;
  }
  try {
    await writeFile(values.out, output);
  } catch (error) {
    io.stderr(`catalog:export: cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return 0;
}

await runCli(import.meta.url, main);
