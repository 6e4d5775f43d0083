/**
 * Every alert of catalog.yaml, evaluated by a real rule engine (Debian's promtool) on the rules
 * `npm run catalog:export -- --format rules` writes: each fires in its scenario and stays quiet
 * through the demo's steady state and its cache drops (scenarios in alert-scenarios.ts).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { ALERT_SCENARIOS, DEMO_STEADY_STATE, exportRules, STEP_SECONDS, type Scenario } from './alert-scenarios.ts';

const run = promisify(execFile);

interface Rule {
  alert: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RulesFile {
  groups: { name: string; rules: Rule[] }[];
}

/** The promtool unit-test file of one scenario. */
function renderTest(scenario: Scenario, rules: Map<string, Rule>): string {
  const test: Record<string, unknown> = {
    interval: `${STEP_SECONDS}s`,
    input_series: scenario.series.map(({ series, values }) => ({ series, values: values.map((v) => (v === undefined ? '_' : String(v))).join(' ') })),
  };
  if (scenario.fires) {
    const rule = rules.get(scenario.fires.alert);
    assert.ok(rule, `scenario "${scenario.name}" names ${scenario.fires.alert}, which the exported rules do not have`);
    test.alert_rule_test = [
      {
        eval_time: `${scenario.fires.at}m`,
        alertname: scenario.fires.alert,
        exp_alerts: [{ exp_labels: { ...rule.labels, ...scenario.fires.labels }, exp_annotations: rule.annotations ?? {} }],
      },
    ];
  }
  const quiet = scenario.quiet === 'all' ? [...rules.keys()] : scenario.quiet;
  const exprTests: Record<string, unknown>[] = [];
  const never = (expr: string) => exprTests.push({ expr, eval_time: `${scenario.minutes}m`, exp_samples: [] });
  // ALERTS is written at every evaluation; its maximum over the whole scenario misses no firing.
  if (quiet.length > 0) never(`max_over_time(ALERTS{alertstate="firing", alertname=~"${quiet.join('|')}"}[${scenario.minutes + 1}m])`);
  for (const alert of scenario.conditionNeverHolds ?? []) {
    const rule = rules.get(alert);
    assert.ok(rule, `scenario "${scenario.name}" names ${alert}, which the exported rules do not have`);
    never(`max_over_time((${rule.expr})[${scenario.minutes}m:${STEP_SECONDS}s])`);
  }
  if (exprTests.length > 0) test.promql_expr_test = exprTests;
  return stringify({ rule_files: ['rules.yml'], evaluation_interval: `${STEP_SECONDS}s`, tests: [test] }, { lineWidth: 0 });
}

/** Runs promtool on one scenario; resolves with its output and whether it passed. */
async function promtoolTest(dir: string, scenario: Scenario, rules: Map<string, Rule>): Promise<{ ok: boolean; output: string }> {
  const file = join(dir, 'test.yml');
  await writeFile(file, renderTest(scenario, rules));
  try {
    const { stdout, stderr } = await run('promtool', ['test', 'rules', file], { cwd: dir });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

describe('catalog alerts under promtool test rules', function () {
  this.timeout(60_000);
  let dir: string;
  let exported: RulesFile;
  let rules: Map<string, Rule>;

  before(async () => {
    dir = await makeTempDir('alert-scenarios');
    const file = join(dir, 'rules.yml');
    exported = parse(await exportRules(file)) as RulesFile;
    rules = new Map(exported.groups.flatMap((group) => group.rules.map((rule) => [rule.alert, rule] as const)));
  });
  after(() => removeTempDir(dir));

  it('has a scenario in which each exported alert fires, and the demo, through which all stay quiet', () => {
    const firing = new Set(ALERT_SCENARIOS.flatMap((s) => (s.fires ? [s.fires.alert] : [])));
    const missing = [...rules.keys()].filter((alert) => !firing.has(alert));
    assert.deepEqual(missing, [], `got alerts without a firing scenario: ${missing.join(', ')}; want none`);
    assert.equal(DEMO_STEADY_STATE.quiet, 'all');
    assert.ok(rules.size >= 13, `got ${rules.size} exported alerts; want the catalog's`);
  });

  for (const scenario of ALERT_SCENARIOS) {
    it(scenario.name, async () => {
      const { ok, output } = await promtoolTest(dir, scenario, rules);
      assert.ok(ok, `promtool test rules failed:\n${output}`);
      assert.match(output, /SUCCESS/, `got promtool output ${JSON.stringify(output)}; want SUCCESS`);
    });
  }

  // Conditions the catalog had before this review, which held in the demo.
  const OLD_CONDITIONS: [alert: string, why: string, expr: string][] = [
    ['GatewayHighErrorRate', 'it counted /health 503s', 'sum(rate(layer_http_requests_total{code=~"5.."}[5m])) / sum(rate(layer_http_requests_total[5m])) > 0.05'],
    ['CacheFlapping', "the demo's drops every three minutes were more than 3 in 15 minutes", 'changes(layer_cache_reconnect_generation[15m]) > 3'],
  ];
  for (const [alert, why, old] of OLD_CONDITIONS) {
    it(`catches the old ${alert} condition holding in the demo (${why})`, async () => {
      const swap = (r: Rule): Rule => (r.alert === alert ? { ...r, expr: old } : r);
      const broken: RulesFile = { groups: exported.groups.map((g) => ({ ...g, rules: g.rules.map(swap) })) };
      const brokenDir = await makeTempDir('alert-scenarios-old');
      try {
        await writeFile(join(brokenDir, 'rules.yml'), stringify(broken, { lineWidth: 0 }));
        const { ok, output } = await promtoolTest(brokenDir, DEMO_STEADY_STATE, new Map([...rules].map(([name, r]) => [name, swap(r)])));
        assert.equal(ok, false, 'got the old condition never holding through the demo; want it to hold, as it did');
        // promtool quotes the expression as a Go string.
        assert.ok(output.includes(JSON.stringify(old).slice(1, -1)), `got promtool output ${output}; want the old condition named`);
      } finally {
        await removeTempDir(brokenDir);
      }
    });
  }
});
