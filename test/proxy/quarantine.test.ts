import assert from 'node:assert/strict';
import { createQuarantine, fingerprintOf } from '../../src/proxy/quarantine.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';

describe('createQuarantine(options)', () => {
  function make(extra: { maxEntries?: number } = {}) {
    const clock = { now: 1_000_000 };
    const logger = recordingLogger();
    const quarantine = createQuarantine({ logger, now: () => clock.now, durationMs: 600_000, graceMs: 5000, ...extra });
    return { quarantine, clock, logger };
  }

  it('refuses the queries in flight at a crash, for durationMs, and nothing else', () => {
    const { quarantine, clock } = make();
    quarantine.track('a');
    quarantine.track('b').done();
    assert.equal(quarantine.backendCrashed(), 1);
    assert.equal(quarantine.refusedUntil('a')?.getTime(), clock.now + 600_000);
    assert.equal(quarantine.refusedUntil('b'), undefined);
    clock.now += 600_000;
    assert.equal(quarantine.refusedUntil('a'), undefined, 'released once the time is up');
  });

  it('counts a request that failed within graceMs before the crash was noticed as in flight', () => {
    const { quarantine, clock } = make();
    quarantine.track('recent').failed();
    clock.now -= 10_000;
    quarantine.track('old').failed();
    clock.now += 10_000;
    assert.equal(quarantine.backendCrashed(), 1);
    assert.ok(quarantine.refusedUntil('recent'));
    assert.equal(quarantine.refusedUntil('old'), undefined);
  });

  it('keeps counting the same query twice in flight until both settle', () => {
    const { quarantine } = make();
    const first = quarantine.track('q');
    quarantine.track('q');
    first.done();
    first.done();
    assert.equal(quarantine.backendCrashed(), 1);
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const { quarantine, clock } = make({ maxEntries: 2 });
    for (const query of ['one', 'two', 'three']) {
      const tracked = quarantine.track(query);
      quarantine.backendCrashed();
      tracked.done();
      clock.now += 1;
    }
    assert.equal(quarantine.refusedUntil('one'), undefined);
    assert.ok(quarantine.refusedUntil('two'));
    assert.ok(quarantine.refusedUntil('three'));
  });

  it('logs a warning with a fingerprint per quarantined query, never the query text', () => {
    const { quarantine, logger } = make();
    quarantine.track('secret_metric{token="x"}');
    quarantine.backendCrashed();
    assert.equal(logger.entries.length, 1);
    assert.equal(logger.entries[0]!.level, 'warn');
    assert.doesNotMatch(JSON.stringify(logger.entries), /secret_metric/);
    assert.match(JSON.stringify(logger.entries), new RegExp(fingerprintOf('secret_metric{token="x"}')));
  });
});
