/**
 * The scan stays linear in the query's length: for each adversarial shape, a query four times as
 * long takes at most about four times as long (best of several runs, compared with a wide margin:
 * a quadratic scan takes sixteen times as long).
 */
import assert from 'node:assert/strict';
import { findKnownCrash } from '../../src/proxy/known-crash.ts';

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
  'unclosed brackets': '[5k',
  'crashing ranges': 'rate(up[5M])+',
  'subquery steps': 'up[:5M] + ',
  offsets: 'up offset 5M + ',
  'escaped backslashes': 'up\\\\',
  'unused templates': 'WITH (a = up[5M]) ',
  'template uses': 'WITH (a = up[5M], b = a) b + ',
  'nested parens': '(',
  'long numbers': '1',
  'number-like steps': 'up[1h:1_0_0_0_0_0_0_0_0_0',
};

describe('findKnownCrash is linear in the query length', function () {
  this.timeout(60_000);
  for (const [name, unit] of Object.entries(SHAPES)) {
    // The first shape at about 1 MB (a body-limit query); the others smaller, to keep the test quick.
    const size = name === 'unclosed brackets' ? 1_000_000 : 200_000;
    it(`${name}: ${size / 4000} KB, then ${size / 1000} KB`, () => {
      const small = unit.repeat(Math.ceil(size / 4 / unit.length));
      const large = unit.repeat(Math.ceil(size / unit.length));
      bestTime(small, 2); // warm-up
      const ratio = bestTime(large) / Math.max(bestTime(small), 0.05);
      assert.ok(ratio < 9, `4x the input took ${ratio.toFixed(1)}x the time`);
    });
  }
});
