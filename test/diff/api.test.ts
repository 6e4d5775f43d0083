import assert from 'node:assert/strict';
import { checkDiff } from './fixtures.ts';
import { cases } from './api.cases.ts';

describe('diffApi (through diffContracts)', () => {
  for (const [name, testCase] of cases) it(name, () => void checkDiff(testCase));

  it('names every operation that reaches a changed shared schema', () => {
    const [change] = checkDiff(cases.find(([name]) => name.startsWith('removing a response property of a shared'))![1]);
    const want = '(in GET /query 200, POST /query 200)';
    assert.ok(change?.detail.includes(want), `got ${change?.detail}; want it to include ${want}`);
  });
});
