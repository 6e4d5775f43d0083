import { counter, catalogYaml, type LintTable } from '../helpers.ts';

const labelled = (description: string, name = 'layer_jobs_total'): string => counter(name, { labels: `\n- name: outcome\n  description: ${description}\n  values: [ok, failed]` });

/** Cases for the text convention (scripts/lib/catalog/rules/text.ts). */
export const textCases: LintTable = [
  ['plain sentences with `literals` pass', { rule: 'catalog-text', given: catalogYaml(counter('layer_jobs_total', { description: '"Jobs run; `unmatched` for others."' }), labelled('"How a job ended; `failed` when it threw."', 'layer_tasks_total')), want: [] }],
  [
    'an unpaired backtick is reported',
    {
      rule: 'catalog-text',
      given: catalogYaml(counter('layer_jobs_total', { description: '"Jobs run; `unmatched for others."' })),
      want: [{ rule: 'catalog-text', entry: 'layer_jobs_total', at: 'description: "Jobs run', says: 'unpaired backtick' }],
    },
  ],
  [
    'emphasis and links in a label description are reported',
    {
      rule: 'catalog-text',
      given: catalogYaml(labelled('"How a job **ended**, see [docs](https://example.com)."')),
      want: [{ rule: 'catalog-text', entry: 'layer_jobs_total', at: 'description: "How a job', says: 'write plain sentences' }],
    },
  ],
  [
    'a bare __overflow__ reads as emphasis and is reported; in backticks it passes',
    {
      rule: 'catalog-text',
      given: catalogYaml(counter('layer_jobs_total', { description: '"Folded into __overflow__."' }), counter('layer_tasks_total', { description: '"Folded into `__overflow__`."' })),
      want: [{ rule: 'catalog-text', entry: 'layer_jobs_total', at: 'Folded into __overflow__', says: 'emphasis' }],
    },
  ],
  [
    'a description that does not end a sentence is reported',
    {
      rule: 'catalog-text',
      given: catalogYaml(counter('layer_jobs_total', { description: 'Jobs run' })),
      want: [{ rule: 'catalog-text', entry: 'layer_jobs_total', at: 'description: Jobs run', says: 'full stop' }],
    },
  ],
];
