import assert from 'node:assert/strict';
import { coalesceKey } from '../../src/proxy/coalesce.ts';

const key = (params: [string, string[]][], headers: Record<string, string> = {}, method = 'GET') => coalesceKey('query_range', undefined, method, new Map(params), headers);

describe('coalesceKey', () => {
  it('is the same whatever the order of the parameters', () => {
    assert.equal(key([['query', ['up']], ['start', ['1']], ['step', ['15']]]), key([['step', ['15']], ['start', ['1']], ['query', ['up']]]));
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
