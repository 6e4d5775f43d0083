import assert from 'node:assert/strict';
import { findKnownCrash, isCrashingDuration } from '../../src/proxy/known-crash.ts';
import { CRASHING, SURVIVING } from '../fixtures/known-crash-queries.ts';

describe('findKnownCrash(query)', () => {
  for (const [query, offending] of CRASHING) {
    it(`finds ${offending} in ${JSON.stringify(query)}`, () => {
      const found = findKnownCrash(query);
      assert.ok(found, `got nothing; want ${offending}`);
      assert.equal(found.text, offending, `got ${found.text}; want ${offending}`);
      assert.equal(query.slice(found.index, found.index + offending.length), offending);
    });
  }
  for (const query of SURVIVING) {
    it(`passes ${JSON.stringify(query)}`, () => {
      assert.equal(findKnownCrash(query), undefined);
    });
  }
  it('is not fooled by escaped quotes or unclosed strings', () => {
    assert.equal(findKnownCrash('up{a="x\\"[5M]"}'), undefined);
    assert.equal(findKnownCrash('up{a="[5M]'), undefined);
    assert.equal(findKnownCrash('label_set(up, "a\\\\", "b")[5M]')?.text, '5M');
  });
  it('finds one after a string that merely contains a bracket', () => {
    assert.equal(findKnownCrash('label_set(up, "x", "[")[5M]')?.text, '5M');
  });
});

describe('isCrashingDuration(text)', () => {
  const table: [string, boolean][] = [
    ['5M', true], ['5m', false], ['5ms', false], ['1h5M', false], ['5M30s', false], ['300', false],
    ['0x1f', true], ['0x', false], ['0b102', false], ['08', false], ['1e3', false], ['Inf', false],
  ];
  for (const [text, want] of table) {
    it(`${text} -> ${want}`, () => assert.equal(isCrashingDuration(text), want, `got ${!want}; want ${want}`));
  }
});
