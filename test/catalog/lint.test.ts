import assert from 'node:assert/strict';
import { checkCatalogText } from '../../scripts/lib/catalog/check.ts';
import { LINT_RULE_IDS } from '../../scripts/lib/catalog/lint.ts';
import { assertProblems, type LintTable } from './helpers.ts';
import { alertCases } from './rules/alerts.cases.ts';
import { bucketCases } from './rules/buckets.cases.ts';
import { entryCases } from './rules/entries.cases.ts';
import { labelCases } from './rules/labels.cases.ts';
import { metricNameCases } from './rules/metric-name.cases.ts';
import { probeRouteCases } from './rules/probe-routes.cases.ts';
import { queryCases } from './rules/queries.cases.ts';
import { unitCases } from './rules/units.cases.ts';
import { textCases } from './rules/text.cases.ts';
import { waiverCases } from './rules/waivers.cases.ts';

const tables: [string, LintTable][] = [
  ['metric names', metricNameCases],
  ['units', unitCases],
  ['labels', labelCases],
  ['entries', entryCases],
  ['buckets', bucketCases],
  ['queries', queryCases],
  ['alerts', alertCases],
  ['probe routes', probeRouteCases],
  ['text', textCases],
  ['waivers', waiverCases],
];

describe('lintCatalog (through checkCatalogText)', () => {
  for (const [group, table] of tables) {
    describe(group, () => {
      for (const [name, { given, want }] of table) {
        it(name, () => {
          const { catalog, problems } = checkCatalogText(given, 'test.yaml');
          assert.ok(catalog, `got no catalog (schema problems: ${problems.map((p) => p.message).join('; ')}); want a schema-valid case`);
          assertProblems(given, problems, want);
          for (const problem of problems) assert.equal(problem.file, 'test.yaml', `got file ${problem.file}; want test.yaml`);
        });
      }
    });
  }

  it('has a passing and a failing case for every rule', () => {
    const cases = tables.flatMap(([, table]) => table.map(([, c]) => c));
    const missing = LINT_RULE_IDS.flatMap((id) => [
      ...(cases.some((c) => c.rule === id && c.want.length === 0) ? [] : [`${id} (passing)`]),
      ...(cases.some((c) => c.rule === id && c.want.some((w) => w.rule === id)) ? [] : [`${id} (failing)`]),
    ]);
    assert.deepEqual(missing, [], `got cases missing for ${missing.join(', ')}; want none`);
  });
});
