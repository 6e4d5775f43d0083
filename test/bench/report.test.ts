import assert from 'node:assert/strict';
import { formatGoals, formatReport, goals, paired, summarize, type Round, type WorkloadRuns } from '../../bench/report.ts';

const round = (rps: number, p50Ms: number, cpuUsPerRequest?: number): Round => ({ rps, p50Ms, p99Ms: p50Ms * 3, requests: rps * 2, errors: 0, ...(cpuUsPerRequest === undefined ? {} : { cpuUsPerRequest }) });

function workload(connections: number, targets: Record<string, Round[]>): WorkloadRuns {
  return { workload: 'instant-small', connections, bodyBytes: {}, gatewayRss: { rss: 0, hwm: 0 }, targets: Object.entries(targets).map(([target, rounds]) => ({ target, rounds })) };
}

describe('the bench report: goals of the hot path', () => {
  const runs = [
    workload(16, {
      direct: [round(20_000, 0.5), round(21_000, 0.5)],
      gateway: [round(9000, 1.5, 68), round(8000, 1.6, 75)],
      'koa-floor': [round(10_000, 1.2), round(10_000, 1.2)],
    }),
    workload(1, {
      direct: [round(5000, 0.14), round(5000, 0.15)],
      gateway: [round(3000, 0.3, 80), round(3000, 0.5, 80)],
      'koa-floor': [round(3500, 0.28), round(3500, 0.28)],
    }),
  ];

  it('judges each goal round by round, against the target of the same round', () => {
    const [ratio, cpu, added] = goals(runs);
    assert.deepEqual(ratio!.rounds, [0.9, 0.8]);
    assert.deepEqual(cpu!.rounds, [68, 75]);
    assert.deepEqual(added!.rounds.map((v) => Number(v.toFixed(2))), [0.16, 0.35]);
  });

  it('prints the median, the range and in how many rounds each goal was met', () => {
    const text = formatGoals(goals(runs));
    assert.match(text, /gateway \/ Koa reference proxy.*≥ 0\.85 +0\.85 +0\.80 – 0\.90 +1 of 2 rounds/);
    assert.match(text, /CPU per request.*≤ 70\.0 µs +71\.5 µs +68\.0 µs – 75\.0 µs +1 of 2 rounds/);
    assert.match(text, /p50 minus direct.*≤ 0\.20 ms +0\.26 ms +0\.16 ms – 0\.35 ms +1 of 2 rounds/);
  });

  it("shows a measured process's median CPU per request beside its req/s, and nothing for a target not measured", () => {
    assert.equal(summarize(runs[0]!.targets[1]!).cpuUsPerRequest, 71.5);
    assert.equal(summarize(runs[0]!.targets[0]!).cpuUsPerRequest, undefined);
    assert.match(formatReport(runs), /CPU µs\/req/);
    assert.match(formatReport(runs), /gateway +8500 +1\.55 +4\.65 +0 +71\.5/);
  });

  it('says a goal was not measured when its workload did not run', () => {
    assert.match(formatGoals(goals([runs[0]!])), /p50 minus direct.*not measured/);
  });
});

describe('the bench report: two builds round by round', () => {
  it('gives the median of the differences and in how many rounds the second build was lower or higher', () => {
    // A drifting machine: every round of both builds moves, the difference stays.
    assert.deepEqual(paired([70, 90, 75, 100], [68, 87, 76, 97]), { medianDifference: -2.5, lower: 3, higher: 1, rounds: 4 });
  });

  it('counts an equal round as neither lower nor higher', () => {
    assert.deepEqual(paired([70, 71, 72], [70, 71, 73]), { medianDifference: 0, lower: 0, higher: 1, rounds: 3 });
  });

  it('refuses rounds that do not pair up', () => {
    assert.throws(() => paired([70, 71], [70]), /paired rounds differ in number: 2 and 1/);
    assert.throws(() => paired([], []), /paired rounds differ in number: 0 and 0/);
  });
});
