import { catalogYaml, counter, gauge, type LintTable } from '../helpers.ts';

/** Cases for the base-unit rule (scripts/lib/catalog/rules/units.ts). */
export const unitCases: LintTable = [
  ['gauge in seconds ending in _seconds passes', { rule: 'base-unit', given: catalogYaml(gauge('layer_wait_seconds', { unit: 'seconds' })), want: [] }],
  ['counter puts the unit before _total', { rule: 'base-unit', given: catalogYaml(counter('layer_cpu_seconds_total', { unit: 'seconds' })), want: [] }],
  [
    'unit bytes without _bytes in the name is reported',
    {
      rule: 'base-unit',
      given: catalogYaml(gauge('layer_memory', { unit: 'bytes' })),
      want: [{ rule: 'base-unit', entry: 'layer_memory', at: 'name: layer_memory', says: 'rename to layer_memory_bytes' }],
    },
  ],
  [
    'a counter in seconds gets _seconds before _total',
    {
      rule: 'base-unit',
      given: catalogYaml(counter('layer_cpu_total', { unit: 'seconds' })),
      want: [{ rule: 'base-unit', entry: 'layer_cpu_total', at: 'name: layer_cpu_total', says: 'rename to layer_cpu_seconds_total' }],
    },
  ],
  [
    'a non-base unit field is reported with the base unit',
    {
      rule: 'base-unit',
      given: catalogYaml(gauge('layer_wait', { unit: 'ms' })),
      want: [{ rule: 'base-unit', entry: 'layer_wait', at: 'unit: ms', says: 'unit: seconds' }],
    },
  ],
  [
    'a prefixed unit in the name is reported',
    {
      rule: 'base-unit',
      given: catalogYaml(gauge('layer_wait_milliseconds')),
      want: [{ rule: 'base-unit', entry: 'layer_wait_milliseconds', at: 'name: layer_wait_milliseconds', says: 'rename to layer_wait_seconds' }],
    },
  ],
  [
    'a name unit that disagrees with the unit field is reported at the unit',
    {
      rule: 'base-unit',
      given: catalogYaml(gauge('layer_wait_seconds', { unit: 'bytes' })),
      want: [{ rule: 'base-unit', entry: 'layer_wait_seconds', at: 'unit: bytes', says: 'set unit: seconds' }],
    },
  ],
  [
    'percent in unit and name is reported twice, once per node',
    {
      rule: 'base-unit',
      given: catalogYaml(gauge('layer_cache_hit_percent', { unit: 'percent' })),
      want: [
        { rule: 'base-unit', entry: 'layer_cache_hit_percent', at: 'name: layer_cache_hit_percent', says: 'rename to layer_cache_hit_ratio' },
        { rule: 'base-unit', entry: 'layer_cache_hit_percent', at: 'unit: percent', says: 'unit: ratio' },
      ],
    },
  ],
];
