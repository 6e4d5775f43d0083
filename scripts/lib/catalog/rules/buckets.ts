import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

/** Histograms, and only histograms, carry strictly increasing bucket bounds. */
export const buckets: Rule = {
  id: 'buckets',
  summary: 'histograms have buckets, others do not, and bounds strictly increase',
  check: eachEntry(({ kind, buckets: bounds }): EntryFinding[] => {
    if (kind !== 'histogram') {
      return bounds ? [{ path: ['buckets'], message: `buckets are for histograms only: remove buckets or set kind: histogram` }] : [];
    }
    if (!bounds) {
      return [{ path: ['kind'], message: `histograms need buckets: add buckets: [...] with increasing upper bounds, for example [0.01, 0.1, 1, 10]` }];
    }
    return bounds.flatMap((bound, index): EntryFinding[] => {
      const previous = bounds[index - 1];
      return previous !== undefined && bound <= previous
        ? [{ path: ['buckets', index], message: `buckets must strictly increase, but ${bound} follows ${previous}: sort them and drop duplicates` }]
        : [];
    });
  }),
};
