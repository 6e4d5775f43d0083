import assert from 'node:assert/strict';
import { canonicalQuery } from '../../src/proxy/canonical-query.ts';

describe('canonicalQuery(query)', () => {
  const same: [string, string[]][] = [
    ['1', [' 1', '1 ', '\t1\n', '1 # a comment', '# a comment\n1']],
    ['rate(up[5m])', ['rate( up [ 5m ] )', 'RATE(up[5m])', 'rate(up[5m]) # why', 'rate(up[\n5m])']],
    ['sum(up) by (job)', ['SUM(up) BY (job)', 'sum ( up ) by(job)']],
    ['sum by (job) (up)', ['SUM BY (job) (up)', 'Sum By(job)(up)']],
    ['up offset 5m', ['up OFFSET 5m', 'up   offset\t5m']],
  ];
  for (const [query, variants] of same) {
    it(`${JSON.stringify(query)} and its spellings share one form`, () => {
      for (const variant of variants) assert.equal(canonicalQuery(variant), canonicalQuery(query), JSON.stringify(variant));
    });
  }

  const different: [string, string][] = [
    ['up{a="x y"}', 'up{a="x  y"}'],
    ['rate(up[5m])', 'rate(up[5M])'],
    ['Up', 'up'],
    ['up{a="#"}', 'up{a=""}'],
  ];
  for (const [a, b] of different) {
    it(`keeps ${JSON.stringify(a)} and ${JSON.stringify(b)} apart (strings, numbers, metric names as written)`, () => {
      assert.notEqual(canonicalQuery(a), canonicalQuery(b));
    });
  }

  it('keeps text after a lexing error, whitespace collapsed', () => {
    assert.equal(canonicalQuery('up  ;  x'), canonicalQuery('up ; x'));
    assert.notEqual(canonicalQuery('up ; x'), canonicalQuery('up ; y'));
  });
});
