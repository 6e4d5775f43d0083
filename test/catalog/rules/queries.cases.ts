import { catalogYaml, counter, gauge, histogram, type LintTable } from '../helpers.ts';

const alert = (condition: string): string => `\nname: JobsFailing\ncondition: ${condition}\nfor: 5m`;

/** Cases for the PromQL rules (scripts/lib/catalog/rules/queries.ts). */
export const queryCases: LintTable = [
  [
    'valid example and condition pass',
    { rule: 'promql-parse', given: catalogYaml(counter('layer_jobs_total', { alert: alert('sum(rate(layer_jobs_total[5m])) > 1') })), want: [] },
  ],
  [
    'an unclosed bracket is reported with its column',
    {
      rule: 'promql-parse',
      given: catalogYaml(counter('layer_jobs_total', { example_promql: 'rate(layer_jobs_total[5m]' })),
      want: [{ rule: 'promql-parse', entry: 'layer_jobs_total', at: 'example_promql:', says: 'column 26' }],
    },
  ],
  [
    'an unknown function in an alert condition is reported at the condition',
    {
      rule: 'promql-parse',
      given: catalogYaml(counter('layer_jobs_total', { alert: alert('ratee(layer_jobs_total[5m]) > 1') })),
      want: [{ rule: 'promql-parse', entry: 'layer_jobs_total', at: 'condition:', says: 'unexpected "(layer_jobs_total' }],
    },
  ],
  [
    "a histogram's _bucket series counts as its own",
    { rule: 'promql-reference', given: catalogYaml(histogram('layer_wait_seconds')), want: [] },
  ],
  [
    'a __name__ matcher counts as a reference',
    { rule: 'promql-reference', given: catalogYaml(gauge('layer_depth', { example_promql: `'{__name__="layer_depth"}'` })), want: [] },
  ],
  [
    'an example querying another metric is reported with the series to use',
    {
      rule: 'promql-reference',
      given: catalogYaml(counter('layer_jobs_total', { example_promql: 'rate(layer_tasks_total[5m])' })),
      want: [{ rule: 'promql-reference', entry: 'layer_jobs_total', at: 'example_promql:', says: 'it selects layer_tasks_total): select layer_jobs_total' }],
    },
  ],
  [
    'a condition selecting no metric is reported',
    {
      rule: 'promql-reference',
      given: catalogYaml(histogram('layer_wait_seconds', { alert: alert('vector(1) > 0') })),
      want: [{ rule: 'promql-reference', entry: 'layer_wait_seconds', at: 'condition:', says: 'select layer_wait_seconds_bucket, layer_wait_seconds_sum, layer_wait_seconds_count' }],
    },
  ],
];
