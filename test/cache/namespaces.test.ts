import assert from 'node:assert/strict';
import type { CacheConnectionState } from '../../src/cache/monitor.ts';
import {
  createNamespaceStore, followCacheConnection, namespaceStateFor,
  type NamespaceChange, type NamespaceState,
} from '../../src/cache/namespaces.ts';

type Listing = { namespace: string; state: NamespaceState }[];

describe('createNamespaceStore()', () => {
  type Op = ['set', string, NamespaceState] | ['delete', string];
  const cases: [string, { given: Op[]; want: Listing; wantChanges: string[] }][] = [
    ['starts empty', { given: [], want: [], wantChanges: [] }],
    ['lists sorted by name', {
      given: [['set', 'zeta', 'cold'], ['set', 'alpha', 'warm'], ['set', 'Mid', 'warming']],
      want: [{ namespace: 'Mid', state: 'warming' }, { namespace: 'alpha', state: 'warm' }, { namespace: 'zeta', state: 'cold' }],
      wantChanges: ['zeta: - -> cold', 'alpha: - -> warm', 'Mid: - -> warming'],
    }],
    ['set overwrites, and a same-state set is no change', {
      given: [['set', 'a', 'cold'], ['set', 'a', 'warming'], ['set', 'a', 'warming'], ['set', 'a', 'warm']],
      want: [{ namespace: 'a', state: 'warm' }],
      wantChanges: ['a: - -> cold', 'a: cold -> warming', 'a: warming -> warm'],
    }],
    ['delete removes, and deleting an unknown name is no change', {
      given: [['set', 'a', 'warm'], ['set', 'b', 'warm'], ['delete', 'a'], ['delete', 'a'], ['delete', 'nope']],
      want: [{ namespace: 'b', state: 'warm' }],
      wantChanges: ['a: - -> warm', 'b: - -> warm', 'a: warm -> -'],
    }],
  ];
  for (const [name, { given, want, wantChanges }] of cases) {
    it(name, () => {
      const registry = createNamespaceStore();
      const seen: string[] = [];
      registry.onChange((c: NamespaceChange) => seen.push(`${c.namespace}: ${c.previous ?? '-'} -> ${c.state ?? '-'}`));
      for (const op of given) {
        if (op[0] === 'set') registry.set(op[1], op[2]);
        else registry.delete(op[1]);
      }
      assert.deepEqual(registry.list(), want, `got ${JSON.stringify(registry.list())}; want ${JSON.stringify(want)}`);
      assert.deepEqual(seen, wantChanges);
    });
  }

  it('list() is a copy the caller cannot use to change the registry', () => {
    const registry = createNamespaceStore();
    registry.set('a', 'warm');
    const listing = registry.list();
    listing[0]!.state = 'cold';
    listing.pop();
    assert.deepEqual(registry.list(), [{ namespace: 'a', state: 'warm' }]);
  });

  it('onChange() returns an unsubscribe function', () => {
    const registry = createNamespaceStore();
    let calls = 0;
    const off = registry.onChange(() => (calls += 1));
    registry.set('a', 'warm');
    off();
    off();
    registry.set('a', 'cold');
    assert.equal(calls, 1);
  });

  it('a listener unsubscribing during a change does not make its neighbour miss it', () => {
    const registry = createNamespaceStore();
    const seen: string[] = [];
    const off = registry.onChange(() => {
      seen.push('first');
      off();
    });
    registry.onChange(() => seen.push('second'));
    registry.set('a', 'warm');
    registry.set('a', 'cold');
    assert.deepEqual(seen, ['first', 'second', 'second']);
  });
});

describe('followCacheConnection(registry, namespaces, snapshot)', () => {
  const cases: [string, { given: CacheConnectionState; want: NamespaceState | undefined }][] = [
    ['connected -> warm', { given: 'connected', want: 'warm' }],
    ['connecting -> warming', { given: 'connecting', want: 'warming' }],
    ['disconnected -> cold', { given: 'disconnected', want: 'cold' }],
    ['disabled -> not listed', { given: 'disabled', want: undefined }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      assert.equal(namespaceStateFor(given), want);
      const registry = createNamespaceStore();
      followCacheConnection(registry, ['b', 'a'], { state: given, reconnect_generation: 0 });
      const wantList = want === undefined ? [] : [{ namespace: 'a', state: want }, { namespace: 'b', state: want }];
      assert.deepEqual(registry.list(), wantList, `got ${JSON.stringify(registry.list())}; want ${JSON.stringify(wantList)}`);
    });
  }

  it('follows a sequence of snapshots, and disabled clears the listed namespaces only', () => {
    const registry = createNamespaceStore();
    registry.set('driven-by-cache-layer', 'warm');
    const states: CacheConnectionState[] = ['connecting', 'connected', 'disconnected', 'connected'];
    const seen: string[] = [];
    for (const state of states) {
      followCacheConnection(registry, ['ns'], { state, reconnect_generation: 0 });
      seen.push(registry.list().map((e) => `${e.namespace}=${e.state}`).join(','));
    }
    assert.deepEqual(seen, [
      'driven-by-cache-layer=warm,ns=warming',
      'driven-by-cache-layer=warm,ns=warm',
      'driven-by-cache-layer=warm,ns=cold',
      'driven-by-cache-layer=warm,ns=warm',
    ]);
    followCacheConnection(registry, ['ns'], { state: 'disabled', reconnect_generation: 0 });
    assert.deepEqual(registry.list(), [{ namespace: 'driven-by-cache-layer', state: 'warm' }]);
  });
});
