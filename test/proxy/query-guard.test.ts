import assert from 'node:assert/strict';
import { checkQuery, selectorKey } from '../../src/proxy/query-guard.ts';
import { createQuarantine } from '../../src/proxy/quarantine.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';

describe('checkQuery(selectors, quarantine)', () => {
  const cases: [string, { given: string[]; want: string | undefined }][] = [
    ['one query, no crash', { given: ['rate(up[5m])'], want: undefined }],
    ['one query with an M duration', { given: ['rate(up[5M])'], want: 'known_crash' }],
    ['the crash in the second match[]', { given: ['up', 'rate(up[5M])'], want: 'known_crash' }],
    // Scanned together, the unterminated string of the first would hide the second's duration.
    ['the crash after a selector with an unterminated string', { given: ['{a="', 'x offset 1M'], want: 'known_crash' }],
    ['no selectors at all (labels without match[])', { given: [], want: undefined }],
  ];
  const bundled = () => createQuarantine({ logger: recordingLogger() });
  for (const [name, { given, want }] of cases) {
    it(`${name}: ${want ?? 'passes'}`, () => {
      const got = checkQuery(given, bundled())?.reason;
      assert.equal(got, want, `got ${got}; want ${want}`);
    });
  }

  it('refuses nothing for an external backend (no quarantine): its version answers for itself', () => {
    assert.equal(checkQuery(['rate(up[5M])'], undefined), undefined);
  });

  it('names the bundled backend and its version in the refusal', () => {
    const refusal = checkQuery(['rate(up[1h-m])'], bundled());
    assert.match(refusal!.error.message, /"1h-m" \(at character 9\) where a duration belongs, and the bundled metrics backend \(VictoriaMetrics 1\.79\) crashes on it: give every part/);
  });

  it('says how to write a subquery step with a negative part, which this backend cannot print back and parse', () => {
    assert.match(checkQuery(['up[1h: 1h-5m] + 1'], bundled())!.error.message, /"1h-5m".*without a negative part \(55m rather than 1h-5m\)/);
  });

  it('keys the quarantine by the canonical form: whitespace, comments and keyword case do not count', () => {
    const quarantine = bundled();
    quarantine.track(selectorKey(['sum(rate(up[5m])) by (job)']));
    quarantine.backendCrashed();
    for (const variant of [' sum(rate(up[5m])) by (job)', 'sum( rate(up[ 5m ]) ) BY (job)', 'sum(rate(up[5m])) by (job) # x', 'SUM(rate(up[5m]))by(job)']) {
      assert.equal(checkQuery([variant], quarantine)?.reason, 'quarantined', variant);
    }
    assert.equal(checkQuery(['sum(rate(up[5m])) by (instance)'], quarantine), undefined);
  });

  it('keys the quarantine by every selector in order, a lone query by its own text', () => {
    const clock = { now: 1_000_000 };
    const quarantine = createQuarantine({ logger: recordingLogger(), now: () => clock.now });
    quarantine.track(selectorKey(['a', 'b']));
    quarantine.track(selectorKey(['q']));
    quarantine.backendCrashed();
    assert.equal(checkQuery(['a', 'b'], quarantine)?.reason, 'quarantined');
    assert.equal(checkQuery(['q'], quarantine)?.reason, 'quarantined');
    assert.equal(selectorKey(['q']), 'q');
    assert.equal(checkQuery(['b', 'a'], quarantine), undefined);
    assert.equal(checkQuery(['a'], quarantine), undefined);
    assert.equal(checkQuery([], quarantine), undefined, 'a request without selectors is never refused as quarantined');
  });

  it('takes the quarantine key the caller computed once, rather than computing it again', () => {
    const quarantine = bundled();
    quarantine.track(selectorKey(['sum(up)']));
    quarantine.backendCrashed();
    assert.equal(checkQuery(['sum(up)'], quarantine, selectorKey(['sum(up)']))?.reason, 'quarantined');
    assert.equal(checkQuery(['sum(up)'], quarantine, 'another key'), undefined, 'the given key decides');
    assert.equal(checkQuery(['rate(up[5M])'], quarantine, 'another key')?.reason, 'known_crash', 'the crash scan reads the selectors themselves');
  });
});
