import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { main as exportCatalog } from '../../scripts/catalog-export.ts';
import { checkCatalogFile } from '../../scripts/lib/catalog/check.ts';
import type { Catalog } from '../../scripts/lib/catalog/model.ts';
import { analyzePromql } from '../../scripts/lib/catalog/promql.ts';
import { buildGrafanaDashboard, renderGrafanaDashboard } from '../../scripts/lib/export/grafana.ts';
import { alertThreshold, promqlShape, type AlertThreshold, type PromqlShape } from '../../scripts/lib/export/grafana-promql.ts';
import { grafanaUnit } from '../../scripts/lib/export/grafana-units.ts';
import { ROOT } from '../embed/installed-package.ts';
import { itReturns } from '../helpers/table.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { COMMITTED_DASHBOARD, grafanaExpressions, grafanaPanels, withGrafanaMacros } from './grafana-panels.ts';

async function loadCatalog(file: string): Promise<Catalog> {
  const { catalog, problems } = await checkCatalogFile(file);
  assert.ok(catalog && problems.length === 0, `got ${problems.length} problems in ${file}; want none`);
  return catalog;
}

/** Type-checks TypeScript files under the repository (so the SDK resolves) with its tsconfig: the diagnostics per file. */
function typeCheck(files: string[]): Map<string, string[]> {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const found = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '';
    found.get(file)?.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').slice(0, 300));
  }
  return found;
}

describe('promqlShape(expr)', () => {
  const cases: [string, { given: string; want: PromqlShape }][] = [
    ['a histogram quantile', { given: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))', want: 'quantile' }],
    ['a rate inside an aggregation', { given: 'sum by (code) (rate(x_total[5m]))', want: 'per-second' }],
    ['a division', { given: 'sum(rate(a_total{code=~"5.."}[5m])) / sum(rate(a_total[5m]))', want: 'ratio' }],
    ['increase counts', { given: 'increase(x_total[1h])', want: 'count' }],
    ['changes counts', { given: 'changes(x[1h])', want: 'count' }],
    ['count counts', { given: 'count by (state) (x == 1)', want: 'count' }],
    ['time() minus a timestamp keeps its unit', { given: 'time() - x_start_time_seconds', want: 'value' }],
    ['a filter keeps its unit', { given: 'x == 1', want: 'value' }],
    ['an over-time function keeps its unit', { given: 'max_over_time(x[5m])', want: 'value' }],
    ['parentheses are looked through', { given: '(rate(x[5m]))', want: 'per-second' }],
  ];
  itReturns(cases, promqlShape);
});

describe('alertThreshold(condition)', () => {
  const cases: [string, { given: string; want: AlertThreshold | undefined }][] = [
    ['greater than', { given: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 5', want: { expression: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))', op: '>', value: 5 } }],
    ['equal to zero', { given: 'x_up == 0', want: { expression: 'x_up', op: '==', value: 0 } }],
    ['a ratio', { given: 'sum(rate(a[5m])) / sum(rate(b[5m])) > 0.05', want: { expression: 'sum(rate(a[5m])) / sum(rate(b[5m]))', op: '>', value: 0.05 } }],
    ['less than or equal', { given: 'x <= 2', want: { expression: 'x', op: '<=', value: 2 } }],
    ['a bool comparison is not a threshold', { given: 'x > bool 5', want: undefined }],
    ['two series compared is not a threshold', { given: 'x > y', want: undefined }],
    ['no comparison', { given: 'absent(x)', want: undefined }],
  ];
  itReturns(cases, alertThreshold);
});

describe('grafanaUnit(catalogUnit, shape)', () => {
  const cases: [string, { given: [string, PromqlShape]; want: string }][] = [
    ['a seconds quantile', { given: ['seconds', 'quantile'], want: 's' }],
    ['requests per second', { given: ['requests', 'per-second'], want: 'reqps' }],
    ['errors per second', { given: ['errors', 'per-second'], want: 'cps' }],
    ['bytes', { given: ['bytes', 'value'], want: 'bytes' }],
    ['bytes per second', { given: ['bytes', 'per-second'], want: 'Bps' }],
    ['CPU seconds per second', { given: ['seconds', 'per-second'], want: 'percentunit' }],
    ['a ratio', { given: ['requests', 'ratio'], want: 'percentunit' }],
    ['a count of restarts', { given: ['restarts', 'count'], want: 'short' }],
    ['a state flag', { given: ['state', 'value'], want: 'none' }],
    ['queries', { given: ['queries', 'value'], want: 'short' }],
  ];
  itReturns(cases, (args: [string, PromqlShape]) => grafanaUnit(...args));
});

describe('catalog:export --format grafana', function () {
  // The type check compiles the SDK's declarations: a few seconds.
  this.timeout(60_000);
  let real: Catalog;
  before(async () => {
    real = await loadCatalog('catalog.yaml');
  });

  it('has a data-source variable, a row per family and a panel per entry, in the order of the catalog export', () => {
    const dashboard = buildGrafanaDashboard(real);
    const variables = dashboard.templating.list ?? [];
    assert.deepEqual(variables.map((v) => [v.type, v.name, v.query]), [['datasource', 'datasource', 'prometheus']], 'got other variables; want one Prometheus data-source variable');
    const panels = grafanaPanels(dashboard);
    const rows = panels.filter((panel) => panel.type === 'row').map((panel) => panel.title);
    const families = [...new Set(real.entries.map((entry) => entry.family))].sort();
    assert.deepEqual(rows, families, `got rows ${JSON.stringify(rows)}; want one per family, sorted`);
    for (const entry of real.entries) {
      const panel = panels.find((p) => p.title === entry.name);
      assert.ok(panel, `got no panel titled ${entry.name}; want one per entry`);
      assert.deepEqual(panel.targets?.map((t) => t.expr), [entry.example_promql], `${entry.name}: got other targets; want its example_promql`);
      assert.equal(panel.datasource?.uid, '${datasource}', `${entry.name}: got data source ${panel.datasource?.uid}; want the variable`);
      if (entry.kind === 'histogram') {
        const heatmap = panels.find((p) => p.type === 'heatmap' && p.title === `${entry.name} (distribution)`);
        assert.equal(heatmap?.targets?.[0]?.format, 'heatmap', `${entry.name}: got no heatmap of its buckets; want one`);
      }
    }
  });

  it('maps units and draws every alert threshold on a panel plotting the alert expression', () => {
    const panels = grafanaPanels(buildGrafanaDashboard(real));
    const unitOf = (title: string): string | undefined => panels.find((p) => p.title === title)?.fieldConfig?.defaults.unit;
    const want: [string, string][] = [
      ['layer_query_duration_seconds', 's'],
      ['layer_http_requests_total', 'reqps'],
      ['process_resident_memory_bytes', 'bytes'],
      ['process_cpu_seconds_total', 'percentunit'],
      ['GatewayHighErrorRate (alert on layer_http_requests_total)', 'percentunit'],
      ['layer_cache_state', 'none'],
    ];
    for (const [title, unit] of want) assert.equal(unitOf(title), unit, `${title}: got unit ${unitOf(title)}; want ${unit}`);
    for (const entry of real.entries.filter((e) => e.alert)) {
      const threshold = alertThreshold(entry.alert!.condition);
      assert.ok(threshold, `${entry.alert!.name}: got no threshold from ${entry.alert!.condition}; want one`);
      const drawn = panels.find((p) => p.targets?.[0]?.expr === threshold.expression && p.fieldConfig?.defaults.thresholds);
      assert.ok(drawn, `${entry.alert!.name}: got no panel plotting ${threshold.expression} with thresholds; want one`);
      const steps = drawn.fieldConfig?.defaults.thresholds?.steps.map((step) => step.value);
      assert.deepEqual(steps, [null, threshold.value], `${entry.alert!.name}: got steps ${JSON.stringify(steps)}; want the threshold ${threshold.value}`);
      assert.deepEqual(drawn.fieldConfig?.defaults.custom, { thresholdsStyle: { mode: 'dashed' } }, `${entry.alert!.name}: got the threshold not drawn; want a dashed line`);
    }
  });

  it("every panel's expression parses as PromQL (Grafana's macros expanded)", () => {
    const expressions = grafanaExpressions(buildGrafanaDashboard(real));
    assert.ok(expressions.length > real.entries.length, `got ${expressions.length} expressions; want more than one per entry`);
    for (const expr of expressions) {
      const { error } = analyzePromql(withGrafanaMacros(expr));
      assert.equal(error, undefined, `got a syntax error in ${JSON.stringify(expr)}: ${JSON.stringify(error)}; want none`);
    }
  });

  it("the committed JSON satisfies the SDK's Dashboard type, and a wrong field fails the same check", async () => {
    const committed = await readFile(join(ROOT, COMMITTED_DASHBOARD), 'utf8');
    const broken = JSON.parse(committed) as { panels: { type: string; fieldConfig?: { defaults: { custom?: unknown } }; options?: { color?: { mode: string } } }[] };
    const timeseries = broken.panels.find((panel) => panel.type === 'timeseries');
    const heatmap = broken.panels.find((panel) => panel.type === 'heatmap');
    assert.ok(timeseries?.fieldConfig && heatmap?.options?.color);
    timeseries.fieldConfig.defaults.custom = { thresholdsStyle: { mode: 'dotted' } };
    heatmap.options.color.mode = 'rainbow';
    await mkdir(join(ROOT, '.tmp'), { recursive: true });
    const dir = await mkdtemp(join(ROOT, '.tmp', 'grafana-types-'));
    try {
      const source = (json: string): string =>
        `import type { DashboardJson } from '../../test/catalog/grafana-dashboard-json.ts';\nexport const dashboard = (${json.trimEnd()}) satisfies DashboardJson;\n`;
      const good = join(dir, 'committed.ts');
      const bad = join(dir, 'broken.ts');
      await writeFile(good, source(committed));
      await writeFile(bad, source(JSON.stringify(broken, null, 2)));
      const found = typeCheck([good, bad]);
      assert.deepEqual(found.get(good), [], `got type errors in ${COMMITTED_DASHBOARD}; want none`);
      const errors = found.get(bad)?.join('\n') ?? '';
      assert.match(errors, /"dotted"/, `got ${errors}; want the unknown thresholdsStyle mode named`);
      assert.match(errors, /"rainbow"/, `got ${errors}; want the unknown heatmap color mode named`);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('--check passes on the committed dashboard and fails on a stale or missing copy, naming the command', async () => {
    const io = (): { out: string[]; err: string[]; stdout(t: string): void; stderr(t: string): void } => {
      const sink = { out: [] as string[], err: [] as string[], stdout: (t: string) => sink.out.push(t), stderr: (t: string) => sink.err.push(t) };
      return sink;
    };
    const fresh = io();
    assert.equal(await exportCatalog(['--format', 'grafana', '--out', COMMITTED_DASHBOARD, '--check'], fresh), 0, `got ${fresh.err.join('')}; want ${COMMITTED_DASHBOARD} up to date`);
    const dir = await makeTempDir('grafana-check');
    try {
      const stale = join(dir, 'layer-gateway.json');
      await writeFile(stale, renderGrafanaDashboard(real).replace('"refresh": "30s"', '"refresh": "1m"'));
      const got = io();
      assert.equal(await exportCatalog(['--format', 'grafana', '--out', stale, '--check'], got), 1, 'got exit 0 for a stale copy; want 1');
      assert.match(got.err.join(''), new RegExp(`${stale} is stale\\nrun npm run catalog:export -- --format grafana --out ${stale} and commit`));
      assert.equal(await readFile(stale, 'utf8'), renderGrafanaDashboard(real).replace('"refresh": "30s"', '"refresh": "1m"'), 'got the file rewritten by --check; want it untouched');
      const missing = io();
      assert.equal(await exportCatalog(['--format', 'grafana', '--out', join(dir, 'none.json'), '--check'], missing), 1);
      assert.match(missing.err.join(''), /none\.json is missing/);
      const usage = io();
      assert.equal(await exportCatalog(['--format', 'grafana', '--check'], usage), 2, 'got --check without --out accepted; want exit 2');
      assert.match(usage.err.join(''), /--check needs --out FILE/);
    } finally {
      await removeTempDir(dir);
    }
  });
});
