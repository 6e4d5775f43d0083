import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { main as check } from '../../scripts/catalog-check.ts';
import { main as exportCatalog } from '../../scripts/catalog-export.ts';
import { checkCatalogFile } from '../../scripts/lib/catalog/check.ts';
import { serializeCatalog, toServedCatalog } from '../../scripts/lib/catalog/served.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

type Main = (args: string[], io: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI's main() in-process, collecting its output. */
async function runMain(main: Main, args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Spawns a CLI script through tsx, as `npm run` does. */
function spawnScript(script: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', [script, ...args], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function assertOutcome(got: Outcome, want: { code: number; stdout?: RegExp; stderr?: RegExp }): void {
  const shown = `stdout ${JSON.stringify(got.stdout.slice(0, 300))}, stderr ${JSON.stringify(got.stderr.slice(0, 300))}`;
  assert.equal(got.code, want.code, `got exit ${got.code}; want ${want.code} (${shown})`);
  if (want.stdout) assert.match(got.stdout, want.stdout, `got ${shown}; want stdout matching ${want.stdout}`);
  if (want.stderr) assert.match(got.stderr, want.stderr, `got ${shown}; want stderr matching ${want.stderr}`);
}

const PROBLEMS = 'test/fixtures/catalog/problems.yaml';
const VALID = 'test/fixtures/catalog/valid.yaml';

describe('catalog:check CLI main(args, io)', () => {
  const cases: [string, { given: string[]; want: { code: number; stdout?: RegExp; stderr?: RegExp } }][] = [
    ['the default catalog.yaml passes', { given: [], want: { code: 0, stdout: /^catalog\.yaml: \d+ entries, no problems\n$/ } }],
    ['a named valid file passes', { given: [VALID], want: { code: 0, stdout: /^test\/fixtures\/catalog\/valid\.yaml: 4 entries, no problems\n$/ } }],
    [
      'problems print one line each and exit 1',
      {
        given: [PROBLEMS],
        want: {
          code: 1,
          stderr: /^test\/fixtures\/catalog\/problems\.yaml:2: \[version\] .*\n.*problems\.yaml:4: entry "layer_jobs": \[counter-suffix\] .*rename to layer_jobs_total\n.*:11: .*\[promql-parse\].*\n.*3 problems\n$/,
        },
      },
    ],
    ['invalid YAML exits 1', { given: ['test/fixtures/catalog/broken.yaml'], want: { code: 1, stderr: /broken\.yaml:3: \[yaml\]/ } }],
    ['a missing file exits 2', { given: ['nope.yaml'], want: { code: 2, stderr: /cannot read nope\.yaml: no such file/ } }],
    ['an unknown flag exits 2', { given: ['--strict'], want: { code: 2, stderr: /Unknown option '--strict'\nusage: / } }],
    ['two files exit 2', { given: [VALID, PROBLEMS], want: { code: 2, stderr: /at most one FILE/ } }],
    ['--help prints usage and the rules', { given: ['--help'], want: { code: 0, stdout: /^usage: npm run catalog:check[\s\S]*unused-waiver/ } }],
  ];
  for (const [name, { given, want }] of cases) it(name, async () => assertOutcome(await runMain(check, given), want));
});

describe('catalog:export CLI main(args, io)', () => {
  const cases: [string, { given: string[]; want: { code: number; stdout?: RegExp; stderr?: RegExp } }][] = [
    ['a missing --format exits 2 with the allowed list', { given: [], want: { code: 2, stderr: /missing --format: choose one of json, yaml, markdown, rules/ } }],
    ['an unknown --format exits 2 with the allowed list', { given: ['--format', 'xml'], want: { code: 2, stderr: /unknown format "xml": choose one of json, yaml, markdown, rules/ } }],
    ['an unknown flag exits 2', { given: ['--format', 'json', '--pretty'], want: { code: 2, stderr: /Unknown option '--pretty'/ } }],
    ['a missing catalog exits 2', { given: ['--format', 'json', '--catalog', 'nope.yaml'], want: { code: 2, stderr: /cannot read nope\.yaml/ } }],
    [
      'a catalog with problems exits 1 and prints them, writing nothing',
      { given: ['--format', 'json', '--catalog', PROBLEMS], want: { code: 1, stdout: /^$/, stderr: /\[counter-suffix\][\s\S]*has 3 problem/ } },
    ],
    ['markdown goes to stdout', { given: ['--format', 'markdown', '--catalog', VALID], want: { code: 0, stdout: /^<!-- Generated from test\/fixtures\/catalog\/valid\.yaml/ } }],
    ['--help prints usage', { given: ['--help'], want: { code: 0, stdout: /--format FORMAT/ } }],
  ];
  for (const [name, { given, want }] of cases) it(name, async () => assertOutcome(await runMain(exportCatalog, given), want));

  it('--out writes the file and nothing to stdout; refusing leaves no file', async () => {
    const dir = await makeTempDir('catalog-export');
    try {
      const out = join(dir, 'catalog.json');
      assertOutcome(await runMain(exportCatalog, ['--format', 'json', '--catalog', VALID, '--out', out]), { code: 0, stdout: /^$/ });
      const { catalog } = await checkCatalogFile(VALID);
      assert.ok(catalog);
      const want = serializeCatalog(toServedCatalog(catalog));
      assert.equal(await readFile(out, 'utf8'), want, 'got different file contents; want the served JSON');
      const refused = join(dir, 'refused.json');
      assertOutcome(await runMain(exportCatalog, ['--format', 'json', '--catalog', PROBLEMS, '--out', refused]), { code: 1 });
      await assert.rejects(stat(refused), { code: 'ENOENT' }, 'got a file written for a bad catalog; want none');
    } finally {
      await removeTempDir(dir);
    }
  });
});

describe('catalog CLIs as processes (tsx scripts/catalog-*.ts)', () => {
  // Two spawns, in parallel: tsx start-up costs ~0.5-1 s per process. Between them they prove the
  // wiring main() cannot: the exit status reaches the shell (1 and 0), problems go to stderr, and
  // stdout carries the export byte for byte. Every other exit path is covered in-process above.
  let results: Outcome[] = [];
  before(async function () {
    this.timeout(20_000);
    results = await Promise.all([
      spawnScript('scripts/catalog-check.ts', [PROBLEMS]),
      spawnScript('scripts/catalog-export.ts', ['--format', 'json']),
    ]);
  });

  it('check exits 1 with one stderr line per problem and a summary', () => {
    const [checked] = results;
    assert.ok(checked);
    assertOutcome(checked, { code: 1, stdout: /^$/, stderr: /problems\.yaml:4: entry "layer_jobs": \[counter-suffix\]/ });
    const lines = checked.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 4, `got ${lines.length} stderr lines; want 3 problems and a summary`);
  });

  it('export --format json exits 0 with exactly the served bytes on stdout', async () => {
    const [, exported] = results;
    assert.ok(exported);
    const { catalog } = await checkCatalogFile('catalog.yaml');
    assert.ok(catalog);
    assertOutcome(exported, { code: 0, stderr: /^$/ });
    assert.equal(exported.stdout, serializeCatalog(toServedCatalog(catalog)), 'got different bytes on stdout; want the served JSON');
  });
});
