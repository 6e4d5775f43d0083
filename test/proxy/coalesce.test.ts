import assert from 'node:assert/strict';
import { coalesceKey } from '../../src/proxy/coalesce.ts';

const key = (params: [string, string[]][], headers: Record<string, string> = {}, method = 'GET') => coalesceKey('query_range', undefined, method, new Map(params), headers);

describe('coalesceKey', () => {
  it('is the same whatever the order of the parameters', () => {
    assert.equal(key([['query', ['up']], ['start', ['1']], ['step', ['15']]]), key([['step', ['15']], ['start', ['1']], ['query', ['up']]]));
  });

  it('is the same for every order of four parameters, and differs when a name changes', () => {
    const names = ['step', 'end', 'query', 'start'];
    const keys = new Set<string>();
    for (let turn = 0; turn < names.length; turn++) {
      const order = [...names.slice(turn), ...names.slice(0, turn)];
      keys.add(key(order.map((name): [string, string[]] => [name, ['1']])));
      keys.add(key(order.reverse().map((name): [string, string[]] => [name, ['1']])));
    }
    assert.equal(keys.size, 1);
    assert.notEqual([...keys][0], key([['step', ['1']], ['end', ['1']], ['query', ['1']], ['stop', ['1']]]));
  });

  it('differs for a different value, method, Accept-Encoding or order of repeated values', () => {
    const base = key([['match[]', ['a', 'b']]]);
    assert.notEqual(base, key([['match[]', ['b', 'a']]]));
    assert.notEqual(base, key([['match[]', ['a', 'b']]], {}, 'POST'));
    assert.notEqual(base, key([['match[]', ['a', 'b']]], { 'accept-encoding': 'gzip' }));
    assert.notEqual(base, key([['match[]', ['ab']]]));
  });

  it('cannot be forged by a value that spells out the next parameter', () => {
    assert.notEqual(key([['query', ['up']], ['step', ['15']]]), key([['query', ['up4:step1=2:15']]]));
    assert.notEqual(key([['a', ['1:x']]]), key([['a', ['1']], ['x', ['']]]));
  });
});
