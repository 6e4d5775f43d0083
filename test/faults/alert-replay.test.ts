/**
 * Every alert scenario of alert-scenarios.ts, evaluated by the bundled stack's engine: the series go
 * into a throwaway vmsingle, each scenario in its own window of the past, and vmalert replays the
 * exported rules over them, writing ALERTS back; the fire scenario's alert must be firing by its
 * minute with its labels, and the quiet scenarios' alerts must never fire.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { startVmsingleProcess, type VmsingleProcess } from '../helpers/vmsingle-process.ts';
import { ALERT_SCENARIOS, DEMO_STEADY_STATE, exportRules, STEP_SECONDS, type Scenario } from '../catalog/alert-scenarios.ts';

const run = promisify(execFile);

// Windows lie this far apart, more than the longest range of a catalog condition (1h) plus
// vmsingle's lookback, so that no scenario sees another's samples.
const GAP_SECONDS = 80 * 60;

interface Placed {
  scenario: Scenario;
  /** Unix seconds of the scenario's minute 0. */
  start: number;
  end: number;
}

/** The metric object of a promtool series selector such as `name{a="b",c="d"}`. */
function metricOf(selector: string): Record<string, string> {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?$/.exec(selector);
  assert.ok(match, `cannot parse series selector ${selector}`);
  const metric: Record<string, string> = { __name__: match[1] ?? '' };
  for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) metric[name ?? ''] = value ?? '';
  return metric;
}

/** The /api/v1/import lines of one scenario placed at `start`. */
function importLines({ scenario, start }: Placed): string[] {
  return scenario.series.map(({ series, values }) => {
    const timestamps: number[] = [];
    const samples: number[] = [];
    values.forEach((value, i) => {
      if (value === undefined) return;
      timestamps.push((start + i * STEP_SECONDS) * 1000);
      samples.push(value);
    });
    return JSON.stringify({ metric: metricOf(series), values: samples, timestamps });
  });
}

interface ExportedSeries {
  metric: Record<string, string>;
  timestamps: number[];
}

/** The samples of `match` vmsingle holds between `start` and `end` (unix seconds). */
async function exported(vmUrl: string, match: string, start: number, end: number): Promise<ExportedSeries[]> {
  const params = new URLSearchParams({ 'match[]': match, start: String(start), end: String(end) });
  const res = await fetch(`${vmUrl}/api/v1/export?${params.toString()}`);
  assert.equal(res.status, 200, await res.clone().text());
  const body = await res.text();
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExportedSeries);
}

/** The minute of `scenarioStart` at which `series` first fired. */
const minuteOf = (series: ExportedSeries, scenarioStart: number) => ((Math.min(...series.timestamps) / 1000 - scenarioStart) / 60).toFixed(2);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Replays `rulesFile` over `from`..`to` (unix seconds) on the vmsingle at `vmUrl`, labelling what it
 * writes `replay="<name>"`; resolves with vmalert's output once vmsingle answers with all of it.
 */
async function replay(vmUrl: string, rulesFile: string, name: string, from: number, to: number): Promise<string> {
  const { stdout, stderr } = await run(
    'vmalert',
    [
      `-rule=${rulesFile}`,
      `-datasource.url=${vmUrl}`,
      `-remoteWrite.url=${vmUrl}`,
      `-external.label=replay=${name}`,
      `-evaluationInterval=${STEP_SECONDS}s`,
      // Its 5 m default spaces the replayed points wider than the interval, and no `for` alert fires.
      `-datasource.queryStep=${STEP_SECONDS}s`,
      `-replay.timeFrom=${iso(from)}`,
      `-replay.timeTo=${iso(to)}`,
      '-replay.rulesDelay=0s',
      '-replay.disableProgressBar',
      '-httpListenAddr=127.0.0.1:0',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const output = stdout + stderr;
  // Replay says how many samples it wrote; once vmsingle holds them all, the tests can read.
  const imported = Number(/replay finished! Imported (\d+) samples/.exec(output)?.[1]);
  assert.ok(Number.isInteger(imported), `got vmalert replay output without its count:\n${output.slice(-2000)}`);
  await pollUntil(
    `the ${imported} replayed samples to be searchable`,
    async () => (await exported(vmUrl, `{__name__=~"ALERTS|ALERTS_FOR_STATE",replay="${name}"}`, from, to)).reduce((n, s) => n + s.timestamps.length, 0) === imported,
    30_000,
    250,
  );
  return output;
}

describe('catalog alerts replayed by vmalert on vmsingle', function () {
  this.timeout(120_000);
  let dir: string;
  let vm: VmsingleProcess;
  let vmUrl: string;
  let placed: Placed[];
  let severities: Map<string, string | undefined>;
  let rulesText: string;
  let exprs: Map<string, string>;

  before(async () => {
    dir = await makeTempDir('alert-replay');
    const rulesFile = join(dir, 'rules.yml');
    rulesText = await exportRules(rulesFile);
    const rulesDoc = parse(rulesText) as { groups: { rules: { alert: string; expr: string; labels?: { severity?: string } }[] }[] };
    exprs = new Map(rulesDoc.groups.flatMap((g) => g.rules.map((r) => [r.alert, r.expr] as const)));
    severities = new Map(rulesDoc.groups.flatMap((g) => g.rules.map((r) => [r.alert, r.labels?.severity] as const)));

    // The windows end over an hour back, so that replay never reaches the present.
    const span = ALERT_SCENARIOS.reduce((sum, s) => sum + s.minutes * 60 + GAP_SECONDS, 0);
    let cursor = Math.floor(Date.now() / 1000 / 3600) * 3600 - 3600 - span;
    placed = ALERT_SCENARIOS.map((scenario) => {
      const start = cursor;
      cursor += scenario.minutes * 60 + GAP_SECONDS;
      return { scenario, start, end: start + scenario.minutes * 60 };
    });

    vm = await startVmsingleProcess({ dataDir: join(dir, 'vm') });
    vmUrl = vm.url;
    const body = `${placed.flatMap(importLines).join('\n')}\n`;
    const res = await fetch(`${vmUrl}/api/v1/import`, { method: 'POST', body });
    assert.equal(res.status, 204, await res.text());
    // Imported series become searchable after a while: wait until the last window answers.
    const last = placed.at(-1) as Placed;
    await pollUntil(
      'the imported series to be searchable',
      async () => {
        const params = new URLSearchParams({ 'match[]': '{__name__=~"layer_.+"}', start: String(last.start), end: String(last.end) });
        const r = await fetch(`${vmUrl}/api/v1/series?${params.toString()}`);
        const json = (await r.json()) as { data?: unknown[] };
        return (json.data?.length ?? 0) >= last.scenario.series.length;
      },
      30_000,
      250,
    );

    await replay(vmUrl, rulesFile, 'catalog', placed[0]?.start ?? 0, last.end + 60);
  });

  after(async () => {
    await vm?.kill();
    await removeTempDir(dir);
  });

  for (const [index, scenario] of ALERT_SCENARIOS.entries()) {
    it(scenario.name, async () => {
      const { start, end } = placed[index] as Placed;
      const series = await exported(vmUrl, 'ALERTS{alertstate="firing",replay="catalog"}', start, end + 60);
      if (scenario.fires) {
        const { alert, at, labels } = scenario.fires;
        const want = { alertname: alert, ...(severities.get(alert) ? { severity: severities.get(alert) } : {}), ...labels };
        const by = start + at * 60;
        const hit = series.find((s) => Object.entries(want).every(([k, v]) => s.metric[k] === v) && s.timestamps.some((ms) => ms <= by * 1000));
        const seen = series.map((s) => `${JSON.stringify(s.metric)} from minute ${minuteOf(s, start)}`);
        assert.ok(hit, `got ${alert} not firing by minute ${at}; firing in this window: ${seen.join('; ') || 'none'}`);
      }
      const quiet = scenario.quiet === 'all' ? [...severities.keys()] : scenario.quiet;
      const loud = series.filter((s) => quiet.includes(s.metric.alertname ?? ''));
      const seen = loud.map((s) => `${s.metric.alertname} from minute ${minuteOf(s, start)}`);
      assert.deepEqual(seen, [], `got ${seen.join(', ')} firing; want ${quiet.join(', ')} quiet`);
      for (const alert of scenario.conditionNeverHolds ?? []) {
        const expr = exprs.get(alert);
        assert.ok(expr, `scenario "${scenario.name}" names ${alert}, which the exported rules do not have`);
        const params = new URLSearchParams({ query: `max_over_time((${expr})[${scenario.minutes}m:${STEP_SECONDS}s])`, time: String(end) });
        const res = await fetch(`${vmUrl}/api/v1/query?${params.toString()}`);
        const json = (await res.json()) as { data?: { result?: unknown[] } };
        assert.deepEqual(json.data?.result, [], `got ${alert}'s condition holding: ${JSON.stringify(json.data?.result)}; want it never to hold`);
      }
    });
  }

  it("catches the old CacheFlapping condition firing in the demo (the demo's drops were more than 3 in 15 minutes)", async () => {
    const demo = placed.find((p) => p.scenario === DEMO_STEADY_STATE);
    assert.ok(demo);
    const current = 'changes(layer_cache_reconnect_generation[15m]) > 5';
    assert.ok(rulesText.includes(current), `got exported rules without ${current}`);
    const oldFile = join(dir, 'rules-old.yml');
    await writeFile(oldFile, rulesText.replace(current, 'changes(layer_cache_reconnect_generation[15m]) > 3'));
    await replay(vmUrl, oldFile, 'old', demo.start, demo.end + 60);
    const series = await exported(vmUrl, 'ALERTS{alertstate="firing",alertname="CacheFlapping",replay="old"}', demo.start, demo.end + 60);
    assert.ok(series.length > 0, 'got the old CacheFlapping condition never firing through the demo; want it to fire, as it did');
  });
});
