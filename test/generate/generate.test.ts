import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { checkCatalogFile } from '../../scripts/lib/catalog/check.ts';
import { readOpenApi, renderAll } from '../../scripts/lib/render/all.ts';
import { queryParameterRows } from '../../scripts/lib/render/query-params.ts';
import { routeLabelProblems } from '../../scripts/lib/render/route-labels.ts';
import { ContractError } from '../../scripts/lib/render/contract-error.ts';
import { operationRows } from '../../scripts/lib/render/routes.ts';
import { metricFamilies } from '../../src/generated/metrics.ts';
import { registerMetrics } from '../../src/metrics/register.ts';
import { createLabelGuard, OVERFLOW_VALUE } from '../../src/metrics/label-guard.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const root = process.cwd();

/** Copies what `npm run generate` reads and runs into `dir`, so a test can break it there. */
async function copyGenerator(dir: string): Promise<void> {
  for (const path of ['package.json', 'tsconfig.json', 'openapi.yaml', 'catalog.yaml', 'scripts', 'src/generated', 'src/metrics', 'src/errors.ts']) {
    await cp(join(root, path), join(dir, path), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
}

describe('npm run generate', function () {
  this.timeout(60_000);

  it('is deterministic: two renders of the same contracts are identical, and equal the committed files', async () => {
    const { catalog } = await checkCatalogFile(join(root, 'catalog.yaml'));
    const openapi = await readOpenApi(root);
    const first = await renderAll(openapi, catalog!);
    const second = await renderAll(await readOpenApi(root), structuredClone(catalog!));
    assert.deepEqual([...first.keys()], [...second.keys()]);
    for (const [path, text] of first) {
      assert.equal(second.get(path), text, `${path} differs between two renders`);
      assert.equal(await readFile(join(root, path), 'utf8'), text, `${path} is stale`);
      assert.match(text, /GENERATED from (openapi|catalog)\.yaml by `npm run generate`\. Do not edit by hand/);
    }
  });

  it('builds the operation table from openapi.yaml: every operation, its auth and handler kind', async () => {
    const doc = await readOpenApi(root);
    const rows = operationRows(doc);
    const byId = Object.fromEntries(rows.map((r) => [r.operationId, r]));
    const declared = Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => (op as { operationId?: string }).operationId ?? []));
    assert.deepEqual(rows.map((r) => r.operationId), declared, 'got a table that differs from the operations openapi.yaml declares');
    assert.equal(byId.getAlerts!.auth, 'bearer');
    assert.equal(byId.getRules!.errors, 'prometheus');
    assert.equal(byId.getLivez!.auth, 'none');
    assert.equal(byId.getReadyz!.auth, 'none');
    assert.equal(byId.labelValues!.path, '/v2/metrics/api/v1/label/{name}/values');
    assert.equal(byId.seriesPost!.errors, 'prometheus');
    assert.equal(byId.getHealth!.auth, 'none');
    assert.equal(byId.getObservePage!.auth, 'none');
    assert.equal(byId.getObserveAsset!.validation, 'handler');
    assert.equal(byId.getObserveAsset!.errors, 'json');
    assert.equal(byId.getMetrics!.auth, 'configurable');
    assert.equal(byId.getMetrics!.validation, 'app');
    assert.equal(byId.queryInstant!.validation, 'handler');
    assert.equal(byId.queryRangeAliasPost!.auth, 'bearer');
    assert.equal(byId.queryRangeAliasPost!.errors, 'prometheus');
    assert.equal(byId.getCatalogEntry!.path, '/v2/metrics/catalog/{name}');
    assert.throws(() => operationRows({ paths: { '/x': { get: {} } } }), /GET \/x has no operationId/);
    assert.throws(() => operationRows({ paths: { '/x': { get: { operationId: 'x', 'x-layer-validation': 'router' } } } }), /x has x-layer-validation: router; the only value is app/);
    assert.throws(() => operationRows({ paths: { '/x': { get: {} } } }), ContractError);
  });

  it('builds the query parameter table from openapi.yaml: $refs resolved, query parameters only, arrays repeatable', () => {
    const doc = {
      components: { parameters: { Match: { name: 'match[]', in: 'query', schema: { type: 'array' } } } },
      paths: {
        '/v/{name}': {
          get: {
            operationId: 'lookup',
            parameters: [{ name: 'name', in: 'path', required: true }, { $ref: '#/components/parameters/Match' }, { name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
          },
          post: { operationId: 'lookupPost' },
        },
      },
    };
    assert.deepEqual(queryParameterRows(doc), { lookup: { allowed: ['match[]', 'q'], required: ['q'], repeatable: ['match[]'] } });
    const broken = { paths: { '/v': { get: { operationId: 'x', parameters: [{ $ref: '#/components/parameters/Nope' }] } } } };
    assert.throws(() => queryParameterRows(broken), /GET \/v refers to #\/components\/parameters\/Nope/);
  });

  it("refuses catalog.yaml's route values that differ from openapi.yaml's paths, naming each difference", async () => {
    const { catalog } = await checkCatalogFile(join(root, 'catalog.yaml'));
    const doc = await readOpenApi(root);
    assert.deepEqual(routeLabelProblems(doc, catalog!), []);
    const moved = structuredClone(doc);
    moved.paths['/livez2'] = moved.paths['/livez']!;
    delete moved.paths['/livez'];
    const problems = routeLabelProblems(moved, catalog!);
    assert.ok(problems.some((p) => /layer_http_requests_total\{route\}: openapi.yaml serves "\/livez2"/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /layer_http_requests_total\{route\}: "\/livez" is no path of openapi.yaml/.test(p)), problems.join('\n'));
  });

  it('--check exits 1 naming the stale file, and 0 once regenerated', async () => {
    const dir = await makeTempDir('layer-generate');
    try {
      await copyGenerator(dir);
      const tsx = join(root, 'node_modules/.bin/tsx');
      await writeFile(join(dir, 'src/generated/catalog.ts'), '// edited by hand\n');
      const stale = await run(tsx, ['scripts/generate.ts', '--check'], { cwd: dir }).catch((error: { code: number; stderr: string }) => error);
      assert.equal((stale as { code?: number }).code, 1);
      assert.match((stale as { stderr: string }).stderr, /src\/generated\/catalog\.ts/);
      await run(tsx, ['scripts/generate.ts'], { cwd: dir });
      const fresh = await run(tsx, ['scripts/generate.ts', '--check'], { cwd: dir });
      assert.match(fresh.stdout, /up to date/);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('exits 2 with one line naming the fault, and no stack trace, for a contract it cannot render', async () => {
    const dir = await makeTempDir('layer-generate-bad');
    try {
      await copyGenerator(dir);
      const openapi = await readFile(join(dir, 'openapi.yaml'), 'utf8');
      assert.match(openapi, /^\s+x-layer-validation: app$/m);
      await writeFile(join(dir, 'openapi.yaml'), openapi.replace(/^(\s+)x-layer-validation: app$/m, '$1x-layer-validation: router'));
      const failed = await run(join(root, 'node_modules/.bin/tsx'), ['scripts/generate.ts'], { cwd: dir }).then(
        () => assert.fail('generate accepted x-layer-validation: router'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(failed.code, 2, failed.stderr);
      assert.match(failed.stderr, /^openapi\.yaml: \w+ has x-layer-validation: router; the only value is app .*\n$/);
      assert.equal(failed.stderr.split('\n').length, 2, failed.stderr);
    } finally {
      await removeTempDir(dir);
    }
  });
});

describe('registerMetrics(registry)', () => {
  it('registers one instrument per catalog entry into the given registry only', async () => {
    const registry = new Registry();
    registerMetrics(registry);
    assert.deepEqual(registry.getMetricsAsArray().map((m) => m.name).sort(), [...metricFamilies].sort());
    const other = new Registry();
    registerMetrics(other); // a second registry is independent: no "already registered" error
  });

  it('folds values past a budget or outside a closed set into __overflow__, and counts them', async () => {
    const registry = new Registry();
    const h = registerMetrics(registry);
    for (let i = 0; i < 205; i++) h.layer_query_duration_seconds.observe({ pipeline_id: `p${i}`, namespace: 'n', status: 'ok' }, 0.1);
    h.layer_cache_connection_state.set({ state: 'bogus' as 'connected' }, 1);
    const text = await registry.metrics();
    assert.match(text, /layer_query_duration_seconds_count\{pipeline_id="__overflow__",namespace="n",status="ok"\} 5\n/);
    assert.match(text, /layer_metrics_label_overflow_total\{metric="layer_query_duration_seconds",label="pipeline_id"\} 5\n/);
    assert.match(text, /layer_cache_connection_state\{state="__overflow__"\} 1\n/);
  });
});

describe('createLabelGuard(rules, onOverflow)', () => {
  const cases: [string, { rules: { name: string; values?: string[]; maxValues?: number }[]; inputs: Record<string, string | number>[]; want: Record<string, string>[]; overflows: number }][] = [
    ['keeps values of a closed set', { rules: [{ name: 's', values: ['a', 'b'] }], inputs: [{ s: 'a' }, { s: 'b' }], want: [{ s: 'a' }, { s: 'b' }], overflows: 0 }],
    ['folds a value outside the set', { rules: [{ name: 's', values: ['a'] }], inputs: [{ s: 'z' }], want: [{ s: OVERFLOW_VALUE }], overflows: 1 }],
    ['admits values up to the budget, then folds new ones but keeps known ones', { rules: [{ name: 'n', maxValues: 2 }], inputs: [{ n: 'x' }, { n: 'y' }, { n: 'z' }, { n: 'x' }], want: [{ n: 'x' }, { n: 'y' }, { n: OVERFLOW_VALUE }, { n: 'x' }], overflows: 1 }],
    ['stringifies numbers (status codes)', { rules: [{ name: 'code', maxValues: 5 }], inputs: [{ code: 200 }], want: [{ code: '200' }], overflows: 0 }],
  ];
  for (const [name, { rules, inputs, want, overflows }] of cases) {
    it(name, () => {
      let counted = 0;
      const guard = createLabelGuard(rules, () => counted++);
      const got = inputs.map((input) => guard(input));
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
      assert.equal(counted, overflows);
    });
  }
});
