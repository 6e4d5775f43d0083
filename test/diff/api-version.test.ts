import assert from 'node:assert/strict';
import { checkDiff } from './fixtures.ts';
import { cases } from './api-version.cases.ts';

describe('gateApiVersion (through diffContracts)', () => {
  for (const [name, testCase] of cases) it(name, () => void checkDiff(testCase));

  it('says what to bump to, and what a bump covered', () => {
    const [unbumped] = checkDiff(cases[0]![1]);
    assert.match(unbumped!.detail, /incompatible for API clients: bump openapi.yaml info.version to 1\.0\.0$/);
    const changes = checkDiff(cases[1]![1]);
    assert.match(changes[0]!.detail, /covered by the major version bump to 1\.0\.0$/);
    assert.equal(changes[2]!.detail, 'major bump 0.0.0 -> 1.0.0 covers 1 incompatible API change');
  });
});
