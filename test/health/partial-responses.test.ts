import assert from 'node:assert/strict';
import { createPartialResponses } from '../../src/health/partial-responses.ts';

describe('createPartialResponses(now)', () => {
  const start = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('shows nothing before the first partial answer', () => {
    const partial = createPartialResponses(() => start);
    assert.deepEqual(partial.read(), { last_minute: 0 });
  });

  it('counts the last 60 seconds and keeps the start of the run while answers keep coming', () => {
    let now = start;
    const partial = createPartialResponses(() => now);
    partial.record();
    partial.record();
    now += 30_000;
    partial.record();
    assert.deepEqual(partial.read(), { last_minute: 3, since: new Date(start).toISOString() });
    now += 31_000; // the first two are now older than a minute
    assert.deepEqual(partial.read(), { last_minute: 1, since: new Date(start).toISOString() });
    now += 10_000;
    partial.record(); // within a minute of the last one: the same run
    assert.deepEqual(partial.read(), { last_minute: 2, since: new Date(start).toISOString() });
  });

  it('clears after a quiet minute and starts a new run with the next answer', () => {
    let now = start;
    const partial = createPartialResponses(() => now);
    partial.record();
    now += 60_000;
    assert.deepEqual(partial.read(), { last_minute: 0 });
    now += 5000;
    partial.record();
    assert.deepEqual(partial.read(), { last_minute: 1, since: new Date(now).toISOString() });
  });

  it('holds a fixed amount of memory at any rate: 10,000 answers in one second count as such', () => {
    const now = start + 400;
    const partial = createPartialResponses(() => now);
    for (let i = 0; i < 10_000; i++) partial.record();
    assert.equal(partial.read().last_minute, 10_000);
  });
});
