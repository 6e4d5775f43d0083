import { catalogYaml, counter, type LintTable } from '../helpers.ts';

const alerting = (name: string, alertName: string, holdFor = '5m'): string =>
  counter(name, { alert: `\nname: ${alertName}\ncondition: rate(${name}[5m]) > 1\nfor: ${holdFor}` });

/** Cases for the alert rules (scripts/lib/catalog/rules/alerts.ts). */
export const alertCases: LintTable = [
  ['distinct CamelCase alerts pass', { rule: 'alert-name', given: catalogYaml(alerting('layer_jobs_total', 'JobsFailing'), alerting('layer_tasks_total', 'TasksFailing')), want: [] }],
  [
    'a snake_case alert name is reported with the CamelCase one',
    {
      rule: 'alert-name',
      given: catalogYaml(alerting('layer_jobs_total', 'jobs_p99_high')),
      want: [{ rule: 'alert-name', entry: 'layer_jobs_total', at: 'name: jobs_p99_high', says: 'rename to JobsP99High' }],
    },
  ],
  [
    'the second use of an alert name is reported',
    {
      rule: 'alert-name',
      given: catalogYaml(alerting('layer_jobs_total', 'JobsFailing'), alerting('layer_tasks_total', 'JobsFailing # again')),
      want: [{ rule: 'alert-name', entry: 'layer_tasks_total', at: '# again', says: 'already used by layer_jobs_total (line' }],
    },
  ],
  ['compound and zero durations pass', { rule: 'alert-for', given: catalogYaml(alerting('layer_jobs_total', 'JobsFailing', '1h30m'), alerting('layer_tasks_total', 'TasksFailing', '0m')), want: [] }],
  [
    'words are not a duration',
    {
      rule: 'alert-for',
      given: catalogYaml(alerting('layer_jobs_total', 'JobsFailing', '5 minutes')),
      want: [{ rule: 'alert-for', entry: 'layer_jobs_total', at: 'for: 5 minutes', says: 'like 30s, 5m or 1h30m' }],
    },
  ],
  [
    'fractions and units out of order are not durations',
    {
      rule: 'alert-for',
      given: catalogYaml(alerting('layer_jobs_total', 'JobsFailing', '1.5h'), alerting('layer_tasks_total', 'TasksFailing', '5m1h')),
      want: [
        { rule: 'alert-for', entry: 'layer_jobs_total', at: 'for: 1.5h' },
        { rule: 'alert-for', entry: 'layer_tasks_total', at: 'for: 5m1h' },
      ],
    },
  ],
];
