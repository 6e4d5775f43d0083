import { catalogYaml, gauge, histogram, type LintTable } from '../helpers.ts';

/** Cases for the buckets rule (scripts/lib/catalog/rules/buckets.ts). */
export const bucketCases: LintTable = [
  ['a histogram with increasing buckets passes', { rule: 'buckets', given: catalogYaml(histogram('layer_wait_seconds')), want: [] }],
  [
    'buckets on a gauge are reported',
    {
      rule: 'buckets',
      given: catalogYaml(gauge('layer_depth', { buckets: '[1, 2]' })),
      want: [{ rule: 'buckets', entry: 'layer_depth', at: 'buckets:', says: 'remove buckets or set kind: histogram' }],
    },
  ],
  [
    'a histogram without buckets is reported at its kind',
    {
      rule: 'buckets',
      given: catalogYaml(histogram('layer_wait_seconds', { buckets: undefined })),
      want: [{ rule: 'buckets', entry: 'layer_wait_seconds', at: 'kind: histogram', says: 'add buckets' }],
    },
  ],
  [
    'each bound that does not increase is reported at its own line',
    {
      rule: 'buckets',
      given: catalogYaml(histogram('layer_wait_seconds', { buckets: '\n- 0.1\n- 1 # one\n- 0.5 # down\n- 0.5 # same' })),
      want: [
        { rule: 'buckets', entry: 'layer_wait_seconds', at: '# down', says: '0.5 follows 1' },
        { rule: 'buckets', entry: 'layer_wait_seconds', at: '# same', says: '0.5 follows 0.5' },
      ],
    },
  ],
];
