import assert from 'node:assert/strict';
import {
  CacheOwnedByMonitorError, cacheHealthOfConnection, createHostCacheState,
  type CacheHealth, type ReportedCacheState,
} from '../../src/cache/cache-health.ts';
import type { CacheConnectionState } from '../../src/cache/monitor.ts';
import { degradedReasons } from '../../src/health/snapshot.ts';

describe('cacheHealthOfConnection()', () => {
  const cases: [string, { given: CacheConnectionState; want: CacheHealth['state'] }][] = [
    ['connected is warm: the monitor has no warmth signal', { given: 'connected', want: 'warm' }],
    ['connecting is disconnected', { given: 'connecting', want: 'disconnected' }],
    ['a lost connection is disconnected', { given: 'disconnected', want: 'disconnected' }],
    ['no cache is disabled', { given: 'disabled', want: 'disabled' }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      assert.deepEqual(cacheHealthOfConnection({ state: given, reconnect_generation: 2 }), { state: want, reconnect_generation: 2, connection: given });
    });
  }
});

describe('createHostCacheState()', () => {
  const cases: [string, { given: ReportedCacheState[]; want: CacheHealth; wantChanges: number }][] = [
    ['is disabled until the first report', { given: [], want: { state: 'disabled', reconnect_generation: 0, connection: 'disabled' }, wantChanges: 0 }],
    ['the first connection does not count', {
      given: ['disconnected', 'cold', 'warming', 'warm'],
      want: { state: 'warm', reconnect_generation: 0, connection: 'connected' },
      wantChanges: 4,
    }],
    ['each return from disconnected after a connection counts once', {
      given: ['cold', 'warm', 'disconnected', 'cold', 'warm', 'disconnected', 'disconnected', 'warm'],
      want: { state: 'warm', reconnect_generation: 2, connection: 'connected' },
      wantChanges: 7,
    }],
    ['moving between warmth states is not a reconnect', {
      given: ['warm', 'cold', 'warming', 'warm'],
      want: { state: 'warm', reconnect_generation: 0, connection: 'connected' },
      wantChanges: 4,
    }],
  ];
  for (const [name, { given, want, wantChanges }] of cases) {
    it(name, () => {
      let changes = 0;
      const host = createHostCacheState(() => changes++);
      for (const state of given) host.report(state);
      assert.deepEqual(host.snapshot(), want, `got ${JSON.stringify(host.snapshot())}; want ${JSON.stringify(want)}`);
      assert.equal(changes, wantChanges);
    });
  }

  it('refuses a state outside the set, naming the allowed ones', () => {
    const host = createHostCacheState(() => undefined);
    assert.throws(() => host.report('connected' as ReportedCacheState), /cache.report\("connected"\): the state must be one of warm, warming, cold, disconnected/);
    assert.throws(() => host.report('disabled' as ReportedCacheState), TypeError);
  });

  it('CacheOwnedByMonitorError says how to take ownership', () => {
    const error = new CacheOwnedByMonitorError();
    assert.equal(error.code, 'ERR_CACHE_OWNED_BY_MONITOR');
    assert.match(error.message, /LAYER_CACHE_ADDR is set/);
  });
});

describe('degradedReasons() for the cache', () => {
  const cases: [string, { given: CacheHealth['state']; want: string[] }][] = [
    ['warm is fine', { given: 'warm', want: [] }],
    ['disabled is fine', { given: 'disabled', want: [] }],
    ['warming degrades', { given: 'warming', want: ['cache warming'] }],
    ['cold degrades', { given: 'cold', want: ['cache cold'] }],
    ['disconnected degrades', { given: 'disconnected', want: ['cache disconnected'] }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      assert.deepEqual(degradedReasons('up', { state: given, reconnect_generation: 0 }, []), want);
    });
  }
});
