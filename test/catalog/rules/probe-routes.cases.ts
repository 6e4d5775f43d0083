import { catalogYaml, counter, type LintTable } from '../helpers.ts';

const RULE = 'alert-probe-routes';
const HTTP = 'layer_http_requests_total';

/** The HTTP requests counter with an alert on `condition` (one line of YAML, single-quoted). */
const httpAlert = (condition: string): string =>
  counter(HTTP, { alert: `\nname: GatewayHighErrorRate\ncondition: '${condition}'\nfor: 10m` });

// The condition GatewayHighErrorRate had before the probe routes were excluded: every /health 503 counted.
const OLD = `sum(rate(${HTTP}{code=~"5.."}[5m])) / sum(rate(${HTTP}[5m])) > 0.05`;
const FIXED = `sum(rate(${HTTP}{code=~"5..", route!~"/health|/readyz|/livez"}[5m])) / sum(rate(${HTTP}{route!~"/health|/readyz|/livez"}[5m])) > 0.05`;

/** Cases for the probe-routes rule (scripts/lib/catalog/rules/probe-routes.ts). */
export const probeRouteCases: LintTable = [
  ['an error rate that excludes the probe routes in both selectors passes', { rule: RULE, given: catalogYaml(httpAlert(FIXED)), want: [] }],
  [
    'selecting only API routes passes, and so does an alert on another metric',
    {
      rule: RULE,
      given: catalogYaml(
        httpAlert(`sum(rate(${HTTP}{code=~"5..", route=~"/v2/.*"}[5m])) / sum(rate(${HTTP}{route=~"/v2/.*"}[5m])) > 0.05`),
        counter('layer_jobs_total', { alert: '\nname: JobsFailing\ncondition: rate(layer_jobs_total{code=~"5.."}[5m]) > 1\nfor: 5m' }),
      ),
      want: [],
    },
  ],
  [
    'the old GatewayHighErrorRate condition is caught in both selectors',
    {
      rule: RULE,
      given: catalogYaml(httpAlert(OLD)),
      want: [
        { rule: RULE, entry: HTTP, at: 'condition:', says: 'counts the probe routes /health, /readyz, /livez' },
        { rule: RULE, entry: HTTP, at: 'condition:', says: 'add route!~"/health|/readyz|/livez"' },
      ],
    },
  ],
  [
    'excluding the probes in the numerator only is caught in the denominator',
    {
      rule: RULE,
      given: catalogYaml(httpAlert(`sum(rate(${HTTP}{code=~"5..",route!~"/health|/readyz|/livez"}[5m])) / sum(rate(${HTTP}[5m])) > 0.05`)),
      want: [{ rule: RULE, entry: HTTP, at: 'condition:', says: `in ${HTTP} (column` }],
    },
  ],
  [
    'excluding /health alone leaves /readyz and /livez counted',
    {
      rule: RULE,
      given: catalogYaml(httpAlert(`sum(rate(${HTTP}{code=~"5..",route!="/health"}[5m])) / sum(rate(${HTTP}{route!="/health"}[5m])) > 0.05`)),
      want: [
        { rule: RULE, entry: HTTP, at: 'condition:', says: 'counts the probe routes /readyz, /livez' },
        { rule: RULE, entry: HTTP, at: 'condition:', says: 'counts the probe routes /readyz, /livez' },
      ],
    },
  ],
];
