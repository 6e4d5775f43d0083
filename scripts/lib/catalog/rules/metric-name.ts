import type { Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

// Naming rules as `promtool check metrics` applies them (client_golang testutil/promlint).

const TYPE_WORDS = ['counter', 'gauge', 'histogram', 'summary'];

/** Counters end in `_total`. */
export const counterSuffix: Rule = {
  id: 'counter-suffix',
  summary: 'counter names end in _total',
  check: eachEntry(({ name, kind }) =>
    kind === 'counter' && !name.endsWith('_total')
      ? [{ path: ['name'], message: `counter names must end in _total: rename to ${name}_total` }]
      : [],
  ),
};

/** Only counters end in `_total`. */
export const nonCounterTotal: Rule = {
  id: 'non-counter-total',
  summary: 'only counters end in _total',
  check: eachEntry(({ name, kind }) =>
    kind !== 'counter' && name.endsWith('_total')
      ? [
          {
            path: ['name'],
            message: `only counters end in _total, and this is a ${kind}: rename to ${name.slice(0, -'_total'.length)} or set kind: counter`,
          },
        ]
      : [],
  ),
};

/** `_bucket`, `_count` and `_sum` belong to the series of histograms and summaries. */
export const reservedSuffix: Rule = {
  id: 'reserved-suffix',
  summary: 'names do not end in _bucket, _count or _sum',
  check: eachEntry(({ name, kind }) => {
    const suffix = /_(bucket|count|sum)$/.exec(name)?.[0];
    if (!suffix) return [];
    const stem = name.slice(0, -suffix.length);
    const rename = kind === 'counter' ? `${stem}_total` : stem;
    return [
      {
        path: ['name'],
        message: `names ending in ${suffix} are reserved for histogram and summary series: rename, for example to ${rename}`,
      },
    ];
  }),
};

/** Metric names are snake_case ASCII, without the `:` that recording rules use. */
export const snakeCase: Rule = {
  id: 'snake-case',
  summary: 'metric names match ^[a-z_][a-z0-9_]*$ (no colons, no leading __)',
  check: eachEntry(({ name }) => {
    const fixed = toSnakeCase(name);
    if (name.includes(':')) {
      return [{ path: ['name'], message: `colons are reserved for recording rules: rename to ${fixed}` }];
    }
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
      return [{ path: ['name'], message: `metric names must be snake_case (^[a-z_][a-z0-9_]*$): rename to ${fixed}` }];
    }
    if (name.startsWith('__')) {
      return [{ path: ['name'], message: `names starting with __ are reserved for Prometheus itself: rename to ${fixed}` }];
    }
    return [];
  }),
};

/** The kind is metadata; repeating it in the name (`_counter`) is noise promlint flags. */
export const typeInName: Rule = {
  id: 'type-in-name',
  summary: 'names do not contain counter, gauge, histogram or summary as a segment',
  check: eachEntry(({ name }) => {
    const segments = name.split('_');
    const word = segments.find((segment) => TYPE_WORDS.includes(segment));
    if (!word) return [];
    const renamed = segments.filter((segment) => segment !== word).join('_');
    return [{ path: ['name'], message: `names should not say their type ("${word}"): rename to ${renamed}` }];
  }),
};

/** `layerQuery:Total-ms` -> `layer_query_total_ms`. */
function toSnakeCase(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^_+/, '');
  return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

/** The metric-name rules, in report order. */
export const metricNameRules: readonly Rule[] = [counterSuffix, nonCounterTotal, reservedSuffix, snakeCase, typeInName];
