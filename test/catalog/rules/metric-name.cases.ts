import { catalogYaml, counter, gauge, histogram, type LintTable } from '../helpers.ts';

/** Cases for the promlint naming rules (scripts/lib/catalog/rules/metric-name.ts). */
export const metricNameCases: LintTable = [
  ['counter ending in _total passes', { rule: 'counter-suffix', given: catalogYaml(counter('layer_jobs_total')), want: [] }],
  [
    'counter without _total is reported with the new name',
    {
      rule: 'counter-suffix',
      given: catalogYaml(counter('layer_jobs')),
      want: [{ rule: 'counter-suffix', entry: 'layer_jobs', at: 'name: layer_jobs', says: 'rename to layer_jobs_total' }],
    },
  ],
  ['gauge without _total passes', { rule: 'non-counter-total', given: catalogYaml(gauge('layer_queue_depth')), want: [] }],
  [
    'gauge ending in _total is reported',
    {
      rule: 'non-counter-total',
      given: catalogYaml(gauge('layer_queue_total')),
      want: [{ rule: 'non-counter-total', entry: 'layer_queue_total', at: 'name: layer_queue_total', says: 'rename to layer_queue or set kind: counter' }],
    },
  ],
  ['a histogram may own its _count series', { rule: 'reserved-suffix', given: catalogYaml(histogram('layer_wait_seconds')), want: [] }],
  [
    'gauge ending in _count is reported',
    {
      rule: 'reserved-suffix',
      given: catalogYaml(gauge('layer_jobs_count')),
      want: [{ rule: 'reserved-suffix', entry: 'layer_jobs_count', at: 'name: layer_jobs_count', says: 'rename, for example to layer_jobs' }],
    },
  ],
  [
    'histogram ending in _sum is reported (it would expose layer_x_sum_sum)',
    {
      rule: 'reserved-suffix',
      given: catalogYaml(histogram('layer_wait_seconds_sum', { unit: 'items' })),
      want: [{ rule: 'reserved-suffix', entry: 'layer_wait_seconds_sum', at: 'name: layer_wait_seconds_sum' }],
    },
  ],
  ['snake_case passes', { rule: 'snake-case', given: catalogYaml(gauge('layer_queue_depth2')), want: [] }],
  [
    'camelCase is reported with the snake_case name',
    {
      rule: 'snake-case',
      given: catalogYaml(gauge('layerQueueDepth')),
      want: [{ rule: 'snake-case', entry: 'layerQueueDepth', at: 'name: layerQueueDepth', says: 'rename to layer_queue_depth' }],
    },
  ],
  [
    'a colon is reported as reserved for recording rules',
    {
      rule: 'snake-case',
      given: catalogYaml(gauge('layer:queue_depth')),
      want: [{ rule: 'snake-case', entry: 'layer:queue_depth', at: 'name: layer:queue_depth', says: 'recording rules' }],
    },
  ],
  [
    'a leading __ is reported',
    {
      rule: 'snake-case',
      given: catalogYaml(gauge('__layer_depth')),
      want: [{ rule: 'snake-case', entry: '__layer_depth', at: 'name: __layer_depth', says: 'rename to layer_depth' }],
    },
  ],
  ['a type word inside another word passes', { rule: 'type-in-name', given: catalogYaml(gauge('layer_gauges_seen')), want: [] }],
  [
    'a type word as a name segment is reported',
    {
      rule: 'type-in-name',
      given: catalogYaml(counter('layer_jobs_counter_total')),
      want: [{ rule: 'type-in-name', entry: 'layer_jobs_counter_total', at: 'name: layer_jobs_counter_total', says: 'rename to layer_jobs_total' }],
    },
  ],
];
