/**
 * The generated crash corpus (test/fixtures/crash-corpus.jsonl, labelled by the real
 * VictoriaMetrics 1.79.5 with `npm run crash-corpus`) replayed through the scan: every query that
 * crashed the binary is refused, and every other one, answered 200 or a 422 parse error, passes.
 */
import assert from 'node:assert/strict';
import { findKnownCrash } from '../../src/proxy/known-crash.ts';
import { readCrashCorpus } from '../helpers/crash-corpus.ts';

describe('the crash corpus, replayed through findKnownCrash', () => {
  const corpus = readCrashCorpus();

  it('has at least 4,000 labelled queries, crashes among them', () => {
    assert.ok(corpus.length >= 4000, `${corpus.length} queries`);
    assert.ok(corpus.filter((entry) => entry.label === 'crash').length >= 1000);
  });

  it('refuses every query that crashed the binary, naming text from the query', () => {
    const passed = corpus.filter((entry) => entry.label === 'crash' && findKnownCrash(entry.query) === undefined);
    assert.deepEqual(passed.map((entry) => entry.query), []);
    for (const entry of corpus.filter((entry) => entry.label === 'crash')) {
      const found = findKnownCrash(entry.query)!;
      assert.equal(entry.query.slice(found.index, found.index + found.text.length), found.text);
    }
  });

  it('passes every query the binary answered (200, or 422 for a parse error)', () => {
    const refused = corpus.filter((entry) => entry.label !== 'crash' && findKnownCrash(entry.query) !== undefined);
    assert.deepEqual(refused.map((entry) => `${entry.query} (${entry.status})`), []);
  });
});
