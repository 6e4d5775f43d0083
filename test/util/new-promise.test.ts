import assert from 'node:assert/strict';
import { madeReject, madeResolve, newPromise } from '../../src/util/new-promise.ts';

describe('newPromise', () => {
  it('hands each promise its own resolvers, taken right after it is made', async () => {
    const first = newPromise<string>();
    const resolveFirst = madeResolve<string>();
    const second = newPromise<string>();
    const rejectSecond = madeReject();
    resolveFirst('first');
    rejectSecond(new Error('second'));
    assert.equal(await first, 'first');
    await assert.rejects(second, /second/);
  });
});
