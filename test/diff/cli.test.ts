import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDiff } from '../../scripts/lib/diff/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { BASE_CATALOG, BASE_OPENAPI, edit } from './fixtures.ts';

const CLI = fileURLToPath(new URL('../../scripts/catalog-diff.ts', import.meta.url));
// `npx tsx` resolves to this binary when run from the project; from a temporary repository npx
// would look for tsx in the registry instead, so the test names it directly.
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

// The head: one breaking change (label `code` removed), compatible additions, and a version bump.
const HEAD_CATALOG = edit(BASE_CATALOG, [
  ['version: "2026-05"', 'version: "2026-06"'],
  ['      - name: code\n        description: Status code.\n        max_values: 40\n', ''],
  ['entries:\n', 'entries:\n  - name: demo_new_total\n    kind: counter\n    family: demo\n    unit: requests\n    stability: stable\n    description: New.\n    labels: []\n    example_promql: rate(demo_new_total[5m])\n\n'],
]);
const HEAD_OPENAPI = edit(BASE_OPENAPI, [['paths:\n', "paths:\n  /ready:\n    get:\n      responses:\n        '204':\n          description: Ready.\n"]]);

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  return text.slice(0, index).split('\n').length;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runIn(cwd: string, argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runDiff(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

function spawnCli(cwd: string, argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...argv], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function assertRun(got: Run, code: number, what: string): void {
  assert.equal(got.code, code, `got exit ${got.code} (stderr: ${got.stderr.trim()}); want ${code}: ${what}`);
}

describe('catalog:diff CLI in a temporary git repository', function () {
  let repo = '';
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=diff test', '-c', 'user.email=diff@test.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
  };
  const write = (file: string, text: string): void => writeFileSync(join(repo, file), text);

  // History: `openapi-only` has no catalog.yaml; `broken` has an invalid one; HEAD has the base fixtures.
  before(async () => {
    repo = await makeTempDir('catalog-diff');
    git('init', '-q');
    write('openapi.yaml', BASE_OPENAPI);
    git('add', 'openapi.yaml');
    git('commit', '-q', '-m', 'openapi only');
    git('tag', 'openapi-only');
    write('catalog.yaml', 'version: "2026-05"\nentries:\n  - name: [unclosed\n');
    git('add', 'catalog.yaml');
    git('commit', '-q', '-m', 'broken catalog');
    git('tag', 'broken');
    write('catalog.yaml', BASE_CATALOG);
    git('add', 'catalog.yaml');
    git('commit', '-q', '-m', 'base');
    mkdirSync(join(repo, 'sub'));
  });

  after(() => removeTempDir(repo));

  it('exits 0 with a PASS summary when the working tree equals the base', () => {
    const got = runIn(repo, ['--base', 'HEAD']);
    assertRun(got, 0, 'no changes');
    assert.equal(got.stdout.split('\n')[0], 'gate: PASS (no breaking changes)', `got ${got.stdout.split('\n')[0]}`);
  });

  describe('with a breaking change in the working tree', () => {
    before(() => {
      write('catalog.yaml', HEAD_CATALOG);
      write('openapi.yaml', HEAD_OPENAPI);
    });

    it('text: exits 1, the summary line first', () => {
      const got = runIn(repo, ['--base', 'HEAD']);
      assertRun(got, 1, 'a label removed');
      assert.equal(got.stdout.split('\n')[0], 'gate: FAIL (1 breaking change)', `got ${got.stdout.split('\n')[0]}`);
    });

    it('json: exits 1, lists every change with its line in the working-tree file', () => {
      const got = runIn(join(repo, 'sub'), ['--base', 'HEAD', '--format', 'json']);
      assertRun(got, 1, 'a label removed, run from a subdirectory');
      const report = JSON.parse(got.stdout) as { gate: string; base: string; changes: { classification: string; kind: string; subject: string; file: string; line: number }[] };
      const labelsLine = lineOf(HEAD_CATALOG, '    labels:\n      - name: route');
      const want = [
        { classification: 'note', kind: 'version_bumped', subject: 'version', file: 'catalog.yaml', line: lineOf(HEAD_CATALOG, 'version:') },
        { classification: 'compatible', kind: 'added', subject: 'demo_new_total', file: 'catalog.yaml', line: lineOf(HEAD_CATALOG, '- name: demo_new_total') },
        { classification: 'breaking', kind: 'label_removed', subject: 'demo_requests_total{code}', file: 'catalog.yaml', line: labelsLine },
        { classification: 'compatible', kind: 'route_added', subject: '/ready', file: 'openapi.yaml', line: lineOf(HEAD_OPENAPI, '  /ready:') },
      ];
      const gotChanges = report.changes.map(({ classification, kind, subject, file, line }) => ({ classification, kind, subject, file, line }));
      assert.deepEqual({ gate: report.gate, base: report.base, changes: gotChanges }, { gate: 'fail', base: 'HEAD', changes: want });
    });

    it('markdown: exits 1 with a heading, a verdict and tables', () => {
      const got = runIn(repo, ['--base', 'HEAD', '--format', 'markdown']);
      assertRun(got, 1, 'a label removed');
      assert.match(got.stdout, /^## Contract diff\n\n❌ \*\*gate: FAIL \(1 breaking change\)\*\* against `HEAD`/, `got ${got.stdout}`);
      assert.match(got.stdout, /\| `label_removed` `demo_requests_total\{code\}` \| \*\*breaking\*\* \|/, `got ${got.stdout}; want the breaking row`);
    });

    it('github: exits 1 with an ::error on the changed line', () => {
      const got = runIn(repo, ['--base', 'HEAD', '--format', 'github']);
      assertRun(got, 1, 'a label removed');
      const line = lineOf(HEAD_CATALOG, '    labels:\n      - name: route');
      const want = `::error file=catalog.yaml,line=${line},title=catalog%3Adiff breaking label_removed::demo_requests_total{code}: label "code" removed; queries using it break`;
      assert.ok(got.stdout.split('\n').includes(want), `got ${got.stdout}; want a line ${want}`);
    });

    it('reads a file absent at the base as all added', () => {
      const got = runIn(repo, ['--base', 'openapi-only', '--format', 'json']);
      assertRun(got, 0, 'catalog.yaml absent at the base');
      const kinds = (JSON.parse(got.stdout) as { changes: { section: string; kind: string }[] }).changes.filter((change) => change.section === 'metrics').map((change) => change.kind);
      assert.deepEqual([...new Set(kinds)], ['added'], `got ${kinds.join(', ')}; want only additions`);
    });

    const refused: [string, { given: string[]; want: string }][] = [
      ['an unknown ref', { given: ['--base', 'nope'], want: 'catalog:diff: git ref "nope" not found: give a branch, tag or commit (e.g. --base origin/main)\n' }],
      ['an unknown format', { given: ['--base', 'HEAD', '--format', 'xml'], want: 'catalog:diff: unknown format "xml": use one of text, markdown, json, github\n' }],
      ['invalid YAML at the base', { given: ['--base', 'broken'], want: 'catalog:diff: catalog.yaml at broken is not valid YAML: line 4: ' }],
    ];
    for (const [name, { given, want }] of refused) {
      it(`exits 2 for ${name}`, () => {
        const got = runIn(repo, given);
        assertRun(got, 2, name);
        assert.ok(got.stderr.startsWith(want), `got ${JSON.stringify(got.stderr)}; want it to start with ${JSON.stringify(want)}`);
        assert.equal(got.stdout, '', `got stdout ${got.stdout}; want none`);
      });
    }

    it('exits 2 naming the line for invalid YAML in the working tree', () => {
      write('openapi.yaml', `${HEAD_OPENAPI}  bad: [\n`);
      try {
        const got = runIn(repo, ['--base', 'HEAD']);
        assertRun(got, 2, 'invalid openapi.yaml');
        assert.match(got.stderr, /^catalog:diff: openapi\.yaml in the working tree is not valid YAML: line \d+: /, `got ${got.stderr}`);
      } finally {
        write('openapi.yaml', HEAD_OPENAPI);
      }
    });

    // The real entry point, as CI runs it: the process exit codes 0, 1 and 2 (spawned in parallel).
    it('scripts/catalog-diff.ts run by tsx from the repository exits 1, 0 and 2', async function () {
      this.timeout(20_000);
      const [fail, pass, error] = await Promise.all([
        spawnCli(repo, ['--base', 'HEAD', '--format', 'github']),
        spawnCli(repo, ['--base', 'openapi-only']),
        spawnCli(repo, ['--base', 'nope']),
      ]);
      assertRun(fail, 1, 'a label removed');
      assert.match(fail.stdout, /^::error file=catalog\.yaml,line=\d+,/m, `got ${fail.stdout}`);
      assertRun(pass, 0, 'only additions against openapi-only');
      assert.match(pass.stdout, /^gate: PASS/, `got ${pass.stdout}`);
      assertRun(error, 2, 'an unknown ref');
      assert.match(error.stderr, /^catalog:diff: git ref "nope" not found/, `got ${error.stderr}`);
    });
  });
});
