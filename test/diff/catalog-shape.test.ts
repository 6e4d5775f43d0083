import { checkDiff } from './fixtures.ts';
import { cases } from './catalog-shape.cases.ts';

describe('diffCatalogShape (through diffContracts)', () => {
  for (const [name, testCase] of cases) it(name, () => void checkDiff(testCase));
});
