import assert from 'node:assert/strict';
import { CoalesceKey, coalesceKey, createInFlightAnswers } from '../../src/proxy/coalesce.ts';
import { createBufferBudget, SharedAnswer } from '../../src/proxy/shared-answer.ts';


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

describe('CoalesceKey', () => {
  const of = (params: [string, string[]][], headers: Record<string, string> = {}, method = 'GET', labelName?: string) =>
    new CoalesceKey('query_range', labelName, method, new Map(params), headers);
  const variants: [string, CoalesceKey][] = [
    ['base', of([['query', ['up']], ['start', ['1']], ['step', ['15']]])],
    ['another value', of([['query', ['up']], ['start', ['2']], ['step', ['15']]])],
    ['values swapped between names', of([['query', ['up']], ['start', ['15']], ['step', ['1']]])],
    ['another name', of([['query', ['up']], ['start', ['1']], ['stop', ['15']]])],
    ['a parameter fewer', of([['query', ['up']], ['start', ['1']]])],
    ['a value more', of([['query', ['up']], ['start', ['1']], ['step', ['15', '15']]])],
    ['POST', of([['query', ['up']], ['start', ['1']], ['step', ['15']]], {}, 'POST')],
    ['gzip', of([['query', ['up']], ['start', ['1']], ['step', ['15']]], { 'accept-encoding': 'gzip' })],
    ['Accept', of([['query', ['up']], ['start', ['1']], ['step', ['15']]], { accept: 'application/json' })],
    ['a label name', of([['query', ['up']], ['start', ['1']], ['step', ['15']]], {}, 'GET', 'job')],
    ['a value run into the next', of([['query', ['up4:start1=1']], ['step', ['15']]])],
  ];

  it('is equal, with an equal hash, for identical requests whatever the order of their parameters', () => {
    const a = of([['query', ['up']], ['start', ['1']], ['step', ['15']]]);
    const b = of([['step', ['15']], ['query', ['up']], ['start', ['1']]]);
    assert.equal(a.hash, b.hash);
    assert.ok(a.equals(b) && b.equals(a));
    assert.equal(a.text, coalesceKey('query_range', undefined, 'GET', new Map([['query', ['up']], ['start', ['1']], ['step', ['15']]]), {}));
  });

  it('tells apart requests that differ in any part, and an equal hash is not enough', () => {
    for (const [name, key] of variants.slice(1)) assert.ok(!variants[0]![1].equals(key), name);
    // Hashes of different keys may meet; the texts decide.
    const hashes = new Set(variants.map(([, key]) => key.hash));
    assert.ok(hashes.size >= variants.length - 1, 'the hashes spread');
  });

  it('keeps repeated values in their order', () => {
    const ab = new CoalesceKey('series', undefined, 'GET', new Map([['match[]', ['a', 'b']]]), {});
    const ba = new CoalesceKey('series', undefined, 'GET', new Map([['match[]', ['b', 'a']]]), {});
    assert.ok(!ab.equals(ba));
  });
});

describe('the table of answers in flight', () => {
  const answerOf = () => new SharedAnswer({ answerBytes: 1024, budget: createBufferBudget(1 << 20), maxReaders: 2 }, { abort() {} });
  const key = (time: string) => new CoalesceKey('query', undefined, 'GET', new Map([['query', ['up']], ['time', [time]]]), {});

  it('finds an answer under an identical key until it can no longer be joined, then drops it', () => {
    const table = createInFlightAnswers();
    const answer = answerOf();
    answer.join(() => {});
    table.add(key('1'), answer);
    assert.equal(table.find(key('1')), answer, 'a key built anew from the same request finds it');
    assert.equal(table.find(key('2')), undefined);
    answer.join(() => {});
    assert.equal(table.find(key('1')), undefined, 'at its bound of readers it is not joined');
    assert.equal(table.size, 0, 'and the lookup dropped it');
  });

  it('unlists an answer that settled, and leaves a newer answer under the same key listed', () => {
    const table = createInFlightAnswers();
    const older = answerOf();
    older.join(() => {});
    table.add(key('1'), older);
    older.setHead({ status: 200, headers: {} });
    older.endWith(Buffer.from('{}'));
    assert.equal(table.size, 0, 'an instant answer is not joined once complete');
    const newer = answerOf();
    newer.join(() => {});
    table.add(key('1'), newer);
    assert.equal(table.find(key('1')), newer);
    assert.equal(table.size, 1);
  });

  it('keeps many answers apart and drops each as it settles', () => {
    const table = createInFlightAnswers();
    const answers = Array.from({ length: 500 }, (_, i) => {
      const answer = answerOf();
      answer.join(() => {});
      table.add(key(String(i)), answer);
      return answer;
    });
    for (let i = 0; i < 500; i++) assert.equal(table.find(key(String(i))), answers[i]);
    answers.forEach((answer, i) => {
      if (i % 2 === 0) return;
      answer.setHead({ status: 200, headers: {} });
      answer.endWith(Buffer.from('{}'));
    });
    assert.equal(table.size, 250);
    for (let i = 0; i < 500; i++) assert.equal(table.find(key(String(i))), i % 2 === 0 ? answers[i] : undefined);
  });
});
