// Lives under test/backend (its main user) because test/util is outside this change's files.
import assert from 'node:assert/strict';
import { createBackoff, type BackoffOptions } from '../../src/util/backoff.ts';

describe('createBackoff({ initialMs, maxMs, factor, random })', () => {
  const cases: [string, { given: BackoffOptions; calls: number; want: number[] }][] = [
    ['doubles the bound while under the cap (random just below 1)', {
      given: { initialMs: 100, maxMs: 10_000, random: () => 0.999999 },
      calls: 5, want: [99, 199, 399, 799, 1599],
    }],
    ['caps the bound at maxMs', {
      given: { initialMs: 100, maxMs: 500, random: () => 0.999999 },
      calls: 6, want: [99, 199, 399, 499, 499, 499],
    }],
    ['full jitter: random 0 waits 0', {
      given: { initialMs: 100, maxMs: 500, random: () => 0 },
      calls: 3, want: [0, 0, 0],
    }],
    ['full jitter: random 0.5 waits half the bound', {
      given: { initialMs: 100, maxMs: 1000, random: () => 0.5 },
      calls: 5, want: [50, 100, 200, 400, 500],
    }],
    ['honours a custom factor', {
      given: { initialMs: 10, maxMs: 10_000, factor: 3, random: () => 0.5 },
      calls: 4, want: [5, 15, 45, 135],
    }],
    ['factor 1 is a constant bound', {
      given: { initialMs: 200, maxMs: 1000, factor: 1, random: () => 0.5 },
      calls: 3, want: [100, 100, 100],
    }],
  ];
  for (const [name, { given, calls, want }] of cases) {
    it(name, () => {
      const backoff = createBackoff(given);
      const got = Array.from({ length: calls }, () => backoff.next());
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
      assert.equal(backoff.attempt, calls);
    });
  }

  it('stays capped after very many attempts (no Infinity or NaN)', () => {
    const backoff = createBackoff({ initialMs: 1, maxMs: 30_000, random: () => 0.999999 });
    let last = 0;
    for (let i = 0; i < 5000; i++) last = backoff.next();
    assert.equal(last, 29_999);
  });

  it('reset() starts over at initialMs', () => {
    const backoff = createBackoff({ initialMs: 100, maxMs: 10_000, random: () => 0.5 });
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    assert.equal(backoff.attempt, 0);
    assert.equal(backoff.next(), 50);
  });

  const invalid: [string, BackoffOptions][] = [
    ['initialMs 0', { initialMs: 0, maxMs: 10 }],
    ['maxMs below initialMs', { initialMs: 100, maxMs: 10 }],
    ['factor below 1', { initialMs: 1, maxMs: 10, factor: 0.5 }],
    ['NaN initialMs', { initialMs: Number.NaN, maxMs: 10 }],
  ];
  for (const [name, given] of invalid) {
    it(`rejects ${name} with a RangeError`, () => {
      assert.throws(() => createBackoff(given), RangeError);
    });
  }
});
