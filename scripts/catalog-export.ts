/**
 * `npm run catalog:export -- --format json|yaml|markdown|rules|grafana [--out FILE [--check]] [--catalog FILE]`:
 * checks the catalog, then renders it. Exit 0: written (or, with --check, FILE is up to date);
 * 1: the catalog has problems (nothing is written) or, with --check, FILE is stale;
 * 2: bad usage, unreadable catalog or unwritable output.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { checkCatalogForCli } from './lib/catalog/check.ts';
import { readOrNull, runCli, usageError, type Io } from './lib/cli.ts';
import type { Catalog } from './lib/catalog/model.ts';
import { serializeCatalog, toServedCatalog } from './lib/catalog/served.ts';
import { renderGrafanaDashboard } from './lib/export/grafana.ts';
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
  grafana: (catalog, source) => renderGrafanaDashboard(catalog, { source }),
};

const FORMATS = Object.keys(RENDERERS).join(', ');

const SYNOPSIS = 'npm run catalog:export -- --format FORMAT [--out FILE [--check]] [--catalog FILE]';

const USAGE = `usage: ${SYNOPSIS}

  --format FORMAT  one of ${FORMATS}
                   json: the served catalog, byte-identical to GET /v2/metrics/catalog
                   yaml: the served catalog as YAML
                   markdown: a reference page grouped by family
                   rules: a Prometheus alerting-rules file (promtool check rules passes)
                   grafana: a Grafana dashboard (deploy/grafana/dashboards/layer-gateway.json)
  --out FILE       write to FILE (default: stdout)
  --check          write nothing; exit 1 when FILE differs from what the export would write
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
        check: { type: 'boolean' },
        catalog: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`catalog:export: ${usageError(error)}\nusage: ${SYNOPSIS} (--help for details)\n`);
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
  if (values.check && values.out === undefined) {
    io.stderr(`catalog:export: --check needs --out FILE: the committed file to compare with\n`);
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
  if (values.check) return checkStale(values.out, output, args, io);
  try {
    await writeFile(values.out, output);
  } catch (error) {
    io.stderr(`catalog:export: cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return 0;
}

/** Compares FILE with the export: 0 when equal, 1 (naming the command that refreshes it) otherwise. */
async function checkStale(out: string, output: string, args: readonly string[], io: Io): Promise<number> {
  const committed = await readOrNull(out);
  if (committed === output) {
    io.stdout(`catalog:export --check: ${out} is up to date\n`);
    return 0;
  }
  const why = committed === null ? 'missing' : 'stale';
  const refresh = args.filter((arg) => arg !== '--check').join(' ');
  io.stderr(`catalog:export --check: ${out} is ${why}\nrun npm run catalog:export -- ${refresh} and commit the result\n`);
  return 1;
}

await runCli(import.meta.url, main);
