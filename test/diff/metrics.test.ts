import { checkDiff } from './fixtures.ts';
import { cases } from './metrics.cases.ts';

describe('diffMetrics (through diffContracts)', () => {
  for (const [name, testCase] of cases) it(name, () => void checkDiff(testCase));
});
