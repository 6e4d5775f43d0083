/**
 * `npm run generate [-- --check]`: turns openapi.yaml and catalog.yaml into src/generated/.
 * With --check it writes nothing and exits 1 naming every generated file that differs from what
 * the contracts produce (CI's staleness check).
 */
import { readdir, writeFile, mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalogFile } from './lib/catalog/check.ts';
import { formatProblem } from './lib/catalog/format.ts';
import { parseCheckFlag, readOrNull, runCli, type Io } from './lib/cli.ts';
import { GENERATED_DIR, readOpenApi, renderAll } from './lib/render/all.ts';
import { routeLabelProblems } from './lib/render/route-labels.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Runs the generate CLI with its arguments (without node and the script) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  const check = parseCheckFlag('generate', args, io);
  if (check === undefined) return 2;

  const { catalog, problems } = await checkCatalogFile(join(root, 'catalog.yaml'));
  if (problems.length > 0 || !catalog) {
    for (const problem of problems) io.stderr(`${formatProblem({ ...problem, file: relative(root, problem.file) || problem.file })}\n`);
    io.stderr(`generate: catalog.yaml has ${problems.length} problem(s); fix them, then run npm run generate again\n`);
    return 1;
  }
  const openapi = await readOpenApi(root);
  const diverged = routeLabelProblems(openapi, catalog);
  if (diverged.length > 0) {
    io.stderr(`${diverged.join('\n')}\ngenerate: catalog.yaml's route labels and openapi.yaml's paths differ; make them agree, then run npm run generate again\n`);
    return 1;
  }
  const files = await renderAll(openapi, catalog);
  const present = (await readdir(join(root, GENERATED_DIR)).catch(() => [] as string[]))
    .map((name) => `${GENERATED_DIR}/${name}`)
    .filter((path) => !files.has(path));

  if (check) {
    const stale: string[] = [...present.map((path) => `${path} (no longer generated; delete it)`)];
    for (const [path, contents] of files) {
      if ((await readOrNull(join(root, path))) !== contents) stale.push(path);
    }
    if (stale.length > 0) {
      io.stderr(`generate --check: stale generated files:\n${stale.map((s) => `  ${s}`).join('\n')}\nrun npm run generate and commit the result\n`);
      return 1;
    }
    io.stdout(`generate --check: ${files.size} generated files are up to date\n`);
    return 0;
  }

  await mkdir(join(root, GENERATED_DIR), { recursive: true });
  for (const path of present) await rm(join(root, path));
  let written = 0;
  for (const [path, contents] of files) {
    if ((await readOrNull(join(root, path))) === contents) continue;
    await writeFile(join(root, path), contents);
    written++;
  }
  io.stdout(`generate: ${files.size} files in ${GENERATED_DIR} (${written} changed)\n`);
  return 0;
}

await runCli(import.meta.url, main);
