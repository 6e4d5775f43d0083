import { catalogYaml, gauge, type LintTable } from '../helpers.ts';

const labels = (...names: string[]): string =>
  names.map((name) => `\n- name: ${name}\n  description: A label.\n  max_values: 3`).join('');

/** Cases for the label rules (scripts/lib/catalog/rules/labels.ts). */
export const labelCases: LintTable = [
  ['valid label names pass', { rule: 'label-name', given: catalogYaml(gauge('layer_depth', { labels: labels('status', 'Pool_2') })), want: [] }],
  [
    'a dash in a label name is reported',
    {
      rule: 'label-name',
      given: catalogYaml(gauge('layer_depth', { labels: labels('http-status') })),
      want: [{ rule: 'label-name', entry: 'layer_depth', at: 'name: http-status', says: 'rename to http_status' }],
    },
  ],
  [
    'a label starting with __ is reported',
    {
      rule: 'label-name',
      given: catalogYaml(gauge('layer_depth', { labels: labels('__pool') })),
      want: [{ rule: 'label-name', entry: 'layer_depth', at: 'name: __pool', says: 'rename to pool' }],
    },
  ],
  ['labels other than le and quantile pass', { rule: 'reserved-label', given: catalogYaml(gauge('layer_depth', { labels: labels('level') })), want: [] }],
  [
    'le is reported',
    {
      rule: 'reserved-label',
      given: catalogYaml(gauge('layer_depth', { labels: labels('le') })),
      want: [{ rule: 'reserved-label', entry: 'layer_depth', at: 'name: le', says: 'histogram bucket bounds' }],
    },
  ],
  [
    'quantile is reported',
    {
      rule: 'reserved-label',
      given: catalogYaml(gauge('layer_depth', { labels: labels('quantile') })),
      want: [{ rule: 'reserved-label', entry: 'layer_depth', at: 'name: quantile', says: 'summary quantiles' }],
    },
  ],
  ['distinct labels pass', { rule: 'duplicate-label', given: catalogYaml(gauge('layer_depth', { labels: labels('pool', 'status') })), want: [] }],
  [
    'the second of two same-named labels is reported',
    {
      rule: 'duplicate-label',
      given: catalogYaml(gauge('layer_depth', { labels: labels('pool', 'status', 'pool # again') })),
      want: [{ rule: 'duplicate-label', entry: 'layer_depth', at: '# again', says: 'already declared as labels[0]' }],
    },
  ],
];
