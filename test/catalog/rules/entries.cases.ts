import { catalogYaml, counter, gauge, histogram, type LintTable } from '../helpers.ts';

const withVersion = (version: string): string => catalogYaml(gauge('layer_depth')).replace('"2026-05"', version);

/** Cases for the catalog-structure rules (scripts/lib/catalog/rules/entries.ts). */
export const entryCases: LintTable = [
  ['distinct entries pass', { rule: 'duplicate-entry', given: catalogYaml(counter('layer_jobs_total'), gauge('layer_depth')), want: [] }],
  [
    'the second entry of a name is reported',
    {
      rule: 'duplicate-entry',
      given: catalogYaml(counter('layer_jobs_total'), counter('layer_jobs_total', { name: 'layer_jobs_total # again' })),
      want: [{ rule: 'duplicate-entry', entry: 'layer_jobs_total', at: '# again', says: 'already defined at line 3' }],
    },
  ],
  [
    "an entry clashing with a histogram's series is reported",
    {
      rule: 'duplicate-entry',
      given: catalogYaml(gauge('layer_wait_count', { lint_waivers: '\n- rule: reserved-suffix\n  reason: test' }), histogram('layer_wait', { unit: 'items' })),
      want: [{ rule: 'duplicate-entry', entry: 'layer_wait', at: /name: layer_wait$/, says: 'series layer_wait_count is already exposed by gauge layer_wait_count' }],
    },
  ],
  ['YYYY-MM passes', { rule: 'version', given: withVersion('"2026-12"'), want: [] }],
  [
    'month 13 is reported',
    { rule: 'version', given: withVersion('"2026-13"'), want: [{ rule: 'version', entry: '-', at: 'version:', says: 'for example "2026-05"' }] },
  ],
  [
    'a date is reported',
    { rule: 'version', given: withVersion('"2026-05-01"'), want: [{ rule: 'version', entry: '-', at: 'version:', says: 'YYYY-MM' }] },
  ],
  [
    'a deprecated entry naming a live replacement passes',
    {
      rule: 'replaced-by',
      given: catalogYaml(gauge('layer_old_depth', { stability: 'deprecated', replaced_by: 'layer_depth' }), gauge('layer_depth')),
      want: [],
    },
  ],
  [
    'a replacement missing from the catalog is reported',
    {
      rule: 'replaced-by',
      given: catalogYaml(gauge('layer_old_depth', { stability: 'deprecated', replaced_by: 'layer_depth' })),
      want: [{ rule: 'replaced-by', entry: 'layer_old_depth', at: 'replaced_by:', says: 'not in the catalog' }],
    },
  ],
  [
    'replaced_by on a stable entry is reported',
    {
      rule: 'replaced-by',
      given: catalogYaml(gauge('layer_old_depth', { replaced_by: 'layer_depth' }), gauge('layer_depth')),
      want: [{ rule: 'replaced-by', entry: 'layer_old_depth', at: 'replaced_by:', says: 'set stability: deprecated' }],
    },
  ],
  [
    'a replacement that is itself deprecated is reported with the next hop',
    {
      rule: 'replaced-by',
      given: catalogYaml(
        gauge('layer_oldest_depth', { stability: 'deprecated', replaced_by: 'layer_old_depth # here' }),
        gauge('layer_old_depth', { stability: 'deprecated', replaced_by: 'layer_depth' }),
        gauge('layer_depth'),
      ),
      want: [{ rule: 'replaced-by', entry: 'layer_oldest_depth', at: '# here', says: 'point at layer_depth instead' }],
    },
  ],
];
