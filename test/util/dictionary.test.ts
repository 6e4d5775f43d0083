import assert from 'node:assert/strict';
import { Dictionary, textKeys, type KeyKind } from '../../src/util/dictionary.ts';

describe('Dictionary', () => {
  it('gets, sets, overwrites and deletes, counting the keys set', () => {
    const table = new Dictionary<string, number>(textKeys());
    assert.equal(table.get('a'), undefined);
    table.set('a', 1);
    table.set('b', 0);
    table.set('a', 2);
    assert.equal(table.size, 2);
    assert.equal(table.get('a'), 2);
    assert.equal(table.get('b'), 0, 'a falsy value is a value');
    table.delete('a');
    table.delete('a');
    table.delete('never set');
    assert.equal(table.size, 1);
    assert.equal(table.get('a'), undefined);
    assert.deepEqual(table.keys(), ['b']);
  });

  it("treats the names of Object's prototype and numeric text as plain keys", () => {
    const table = new Dictionary<string, string>(textKeys());
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0', '4294967295', ''];
    for (const name of names) assert.equal(table.get(name), undefined, name);
    for (const name of names) table.set(name, `value of ${name}`);
    assert.equal(table.size, names.length);
    for (const name of names) assert.equal(table.get(name), `value of ${name}`);
    assert.deepEqual([...table.keys()].sort(), [...names].sort());
    for (const name of names) table.delete(name);
    assert.equal(table.size, 0);
    assert.deepEqual(table.keys(), []);
  });

  it('stays exact through many keys coming and going', () => {
    const table = new Dictionary<string, number>(textKeys());
    const live = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `query ${i % 997}:${i}`;
      table.set(key, i);
      live.set(key, i);
      if (i % 3 !== 0) {
        const gone = `query ${(i - 1) % 997}:${i - 1}`;
        table.delete(gone);
        live.delete(gone);
      }
    }
    assert.equal(table.size, live.size);
    for (const [key, value] of live) assert.equal(table.get(key), value);
    assert.deepEqual(table.keys().sort(), [...live.keys()].sort());
  });

  it('finds a key by its text, whichever string object carries it', () => {
    const table = new Dictionary<string, number>(textKeys());
    const built = (i: number) => ['query', String(i), 'time'].join(':');
    for (let i = 0; i < 1000; i++) table.set(built(i), i);
    for (let i = 0; i < 1000; i++) {
      assert.equal(table.get(built(i)), i);
      if (i % 2 === 0) table.delete(built(i));
      assert.equal(table.get(built(i)), i % 2 === 0 ? undefined : i);
    }
    assert.equal(table.size, 500);
  });

  it('removes a key by the entry set gave, and only while that entry is the one set', () => {
    const table = new Dictionary<string, number>(textKeys());
    const first = table.set('a', 1);
    assert.equal(table.set('a', 2), first, 'overwriting a key keeps its entry');
    assert.equal(first.value, 2);
    table.set('b', 3);
    table.remove(first);
    assert.equal(table.get('a'), undefined);
    assert.equal(first.value, undefined, 'a removed entry holds no value');
    assert.equal(table.size, 1);
    const second = table.set('a', 4);
    table.remove(first);
    assert.equal(table.get('a'), 4, 'a stale entry removes nothing, not even its key set anew');
    assert.equal(table.size, 2);
    table.remove(second);
    assert.deepEqual(table.keys(), ['b']);
  });

  it('stays exact with keys that all hash alike, compared by their own equality', () => {
    type Key = { name: string };
    const allAlike: KeyKind<Key> = { hash: () => 7, equal: (a, b) => a.name === b.name };
    const table = new Dictionary<Key, number>(allAlike);
    const entries = Array.from({ length: 200 }, (_, i) => table.set({ name: `k${i}` }, i));
    for (let i = 0; i < 200; i++) assert.equal(table.get({ name: `k${i}` }), i);
    for (let i = 0; i < 200; i += 2) table.remove(entries[i]!);
    for (let i = 1; i < 200; i += 4) table.delete({ name: `k${i}` });
    assert.equal(table.size, 50);
    for (let i = 0; i < 200; i++) assert.equal(table.get({ name: `k${i}` }), i % 4 === 3 ? i : undefined, `k${i}`);
  });
});
