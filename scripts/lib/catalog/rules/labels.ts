import type { EntryFinding, Rule } from './rule.ts';
import { eachEntry } from './rule.ts';

/** Label names are valid Prometheus label names and not reserved (`__` prefix). */
export const labelName: Rule = {
  id: 'label-name',
  summary: 'label names match ^[a-zA-Z_][a-zA-Z0-9_]*$ and do not start with __',
  check: eachEntry(({ labels }) =>
    labels.flatMap(({ name }, index): EntryFinding[] => {
      const path = ['labels', index, 'name'];
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
        const fixed = name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^([0-9])/, '_$1');
        return [{ path, message: `label name ${name} is not a valid Prometheus label name (^[a-zA-Z_][a-zA-Z0-9_]*$): rename to ${fixed}` }];
      }
      if (name.startsWith('__')) {
        return [{ path, message: `label names starting with __ are reserved for Prometheus itself: rename to ${name.replace(/^_+/, '')}` }];
      }
      return [];
    }),
  ),
};

/** `le` and `quantile` are the labels Prometheus adds to histogram and summary series. */
export const reservedLabel: Rule = {
  id: 'reserved-label',
  summary: 'no label is named le or quantile',
  check: eachEntry(({ labels }) =>
    labels.flatMap(({ name }, index): EntryFinding[] =>
      name === 'le' || name === 'quantile'
        ? [
            {
              path: ['labels', index, 'name'],
              message: `label ${name} is reserved for ${name === 'le' ? 'histogram bucket bounds' : 'summary quantiles'}: rename the label`,
            },
          ]
        : [],
    ),
  ),
};

/** A label appears once per entry. */
export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  summary: 'no label name appears twice in one entry',
  check: eachEntry(({ labels }) => {
    const first = new Map<string, number>();
    return labels.flatMap(({ name }, index): EntryFinding[] => {
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return [];
      }
      return [{ path: ['labels', index, 'name'], message: `label ${name} is already declared as labels[${earlier}]: remove or rename this one` }];
    });
  }),
};

/** The label rules, in report order. */
export const labelRules: readonly Rule[] = [labelName, reservedLabel, duplicateLabel];
