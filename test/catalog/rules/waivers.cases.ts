import { catalogYaml, gauge, type LintTable } from '../helpers.ts';

const waive = (...rules: string[]): string => rules.map((rule) => `\n- rule: ${rule}\n  reason: test`).join('');

/** Cases for lint_waivers (scripts/lib/catalog/lint.ts). */
export const waiverCases: LintTable = [
  [
    'a waiver suppresses its rule for its entry',
    { rule: 'unused-waiver', given: catalogYaml(gauge('layer_jobs_count', { lint_waivers: waive('reserved-suffix') })), want: [] },
  ],
  [
    'a waiver does not suppress its rule for other entries',
    {
      rule: 'reserved-suffix',
      given: catalogYaml(gauge('layer_jobs_count', { lint_waivers: waive('reserved-suffix') }), gauge('layer_tasks_count')),
      want: [{ rule: 'reserved-suffix', entry: 'layer_tasks_count', at: 'name: layer_tasks_count' }],
    },
  ],
  [
    'a waiver naming an unknown rule is reported',
    {
      rule: 'unused-waiver',
      given: catalogYaml(gauge('layer_depth', { lint_waivers: waive('no-such-rule') })),
      want: [{ rule: 'unused-waiver', entry: 'layer_depth', at: 'rule: no-such-rule', says: 'unknown rule no-such-rule: use one of counter-suffix' }],
    },
  ],
  [
    'a waiver for a rule that does not fire is reported',
    {
      rule: 'unused-waiver',
      given: catalogYaml(gauge('layer_depth', { lint_waivers: waive('counter-suffix') })),
      want: [{ rule: 'unused-waiver', entry: 'layer_depth', at: 'rule: counter-suffix', says: 'remove the waiver' }],
    },
  ],
  [
    'a second waiver for the same rule is reported',
    {
      rule: 'unused-waiver',
      given: catalogYaml(gauge('layer_jobs_count', { lint_waivers: waive('reserved-suffix', 'reserved-suffix # again') })),
      want: [{ rule: 'unused-waiver', entry: 'layer_jobs_count', at: '# again', says: 'already waived' }],
    },
  ],
];
