import { analyzePromql, type PromqlAnalysis } from '../../scripts/lib/catalog/promql.ts';
import { itReturns } from '../helpers/table.ts';

describe('analyzePromql(expr)', () => {
  const cases: [string, { given: string; want: PromqlAnalysis }][] = [
    ['a bare selector', { given: 'layer_up', want: { metricNames: ['layer_up'] } }],
    ['selectors inside functions and binary operators, in order, once each', {
      given: 'sum(rate(a_total{code=~"5.."}[5m])) / sum(rate(a_total[5m])) + b',
      want: { metricNames: ['a_total', 'b'] },
    }],
    ['a __name__ equality matcher', { given: '{__name__="layer_up", job="x"}', want: { metricNames: ['layer_up'] } }],
    ['a __name__ regex matcher names nothing', { given: '{__name__=~"layer_.*"}', want: { metricNames: [] } }],
    ['the quoted metric name form', { given: '{"layer.up"}', want: { metricNames: ['layer.up'] } }],
    ['grouping labels are not selectors', { given: 'sum by (le) (x_bucket)', want: { metricNames: ['x_bucket'] } }],
    ['no selector at all', { given: 'vector(1)', want: { metricNames: [] } }],
    ['an unclosed call, with the offset at the end', {
      given: 'rate(x[5m]',
      want: { error: { offset: 10, column: 11, near: '' }, metricNames: ['x'] },
    }],
    ['an unknown function', { given: 'foo(bar)', want: { error: { offset: 3, column: 4, near: '(bar)' }, metricNames: ['foo'] } }],
    ['an empty expression', { given: '', want: { error: { offset: 0, column: 1, near: '' }, metricNames: [] } }],
  ];
  itReturns(cases, analyzePromql);
});
