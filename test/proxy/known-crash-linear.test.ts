/**
 * The scan stays linear in the query's length. For each adversarial shape it counts its steps (over
 * tokens, templates and template uses): a query four times as long takes at most about four times
 * as many. Lexing is one pass over the characters; the 1 MB case checks its time loosely too (best
 * of several runs after a warm-up; a quadratic scan takes sixteen times as long for four times the input).
 */
import assert from 'node:assert/strict';
import { findKnownCrash, type ScanStats } from '../../src/proxy/known-crash.ts';

function stepsOf(query: string): number {
  const stats: ScanStats = { steps: 0 };
  findKnownCrash(query, stats);
  return stats.steps;
}

/** Best of `runs` timings of the scan of `query`, in ms. */
function bestTime(query: string, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    findKnownCrash(query);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const SHAPES: Record<string, string> = {
  'crashing ranges': 'rate(up[5M])+',
  'subquery steps': 'up[:5M] + ',
  offsets: 'up offset 5M + ',
  'duration expressions': '1h-m + ',
  'unused templates': 'WITH (a = up[5M]) ',
  'template uses': 'WITH (a = up[5M], b = a) b + ',
  'uses inside unused templates': 'WITH (a = up[5M]) (WITH (b = a) 1) + ',
  'template chains': 'WITH (a = up[5M], a = a) ',
  'nested parens': '(',
};

describe('findKnownCrash is linear in the query length', function () {
  this.timeout(60_000);
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(`${name}: 4x the input, at most ~4x the steps`, () => {
      const small = unit.repeat(Math.ceil(50_000 / unit.length));
      const large = unit.repeat(Math.ceil(200_000 / unit.length));
      const [a, b] = [stepsOf(small), stepsOf(large)];
      assert.ok(b <= 4.2 * a + 100, `${a} steps, then ${b}`);
      assert.ok(b <= 20 * large.length, `${b} steps for ${large.length} characters`);
    });
  }

  it('`[5k` repeated to 1 MB: 4x the input takes well under 16x the time', () => {
    const small = '[5k'.repeat(83_334);
    const large = '[5k'.repeat(333_334);
    bestTime(large, 1);
    bestTime(small, 3);
    const ratio = bestTime(large) / Math.max(bestTime(small, 7), 0.05);
    assert.ok(ratio < 10, `4x the input took ${ratio.toFixed(1)}x the time`);
  });
});
