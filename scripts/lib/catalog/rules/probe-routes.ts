import { matchersAdmit, vectorSelectors } from '../promql.ts';
import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

/**
 * The gateway's probe routes. Their 503s are answers working as designed (degraded, not ready),
 * and load balancers and orchestrators call them at their own pace, so in an error rate they are
 * false errors and in a denominator they are traffic no client sent.
 */
export const PROBE_ROUTES = ['/health', '/readyz', '/livez'] as const;

/** The counter of the gateway's HTTP answers, by route. */
const HTTP_REQUESTS = 'layer_http_requests_total';

/** Alerts over layer_http_requests_total exclude the probe routes in every selector of it. */
export const alertProbeRoutes: Rule = {
  id: 'alert-probe-routes',
  summary: `alert conditions over ${HTTP_REQUESTS} exclude the probe routes (${PROBE_ROUTES.join(', ')}) in every selector of it`,
  check: eachEntry(({ alert }): EntryFinding[] => {
    if (!alert) return [];
    return vectorSelectors(alert.condition).flatMap((selector): EntryFinding[] => {
      if (!selector.metricNames.includes(HTTP_REQUESTS)) return [];
      const counted = PROBE_ROUTES.filter((route) => matchersAdmit(selector.matchers, 'route', route));
      if (counted.length === 0) return [];
      return [
        {
          path: ['alert', 'condition'],
          message:
            `alert ${alert.name} counts the probe routes ${counted.join(', ')} in ${selector.text} (column ${selector.column}), whose 503s are ` +
            `readiness answers, not server errors: add route!~"${PROBE_ROUTES.join('|')}" to every ${HTTP_REQUESTS} selector of the condition`,
        },
      ];
    });
  }),
};
