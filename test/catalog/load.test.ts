import assert from 'node:assert/strict';
import { loadCatalogText } from '../../scripts/lib/catalog/load.ts';
import { catalogYaml, counter, dedent, gauge, histogram, lineContaining, type WantProblem } from './helpers.ts';

type LoadCase = [string, { given: string; want: WantProblem[] }];

/** Asserts the loader's problems are exactly `want`, in order, each with its fix in the message. */
function assertLoadProblems(given: string, want: WantProblem[]): void {
  const { catalog, problems } = loadCatalogText(given, 'test.yaml');
  const got = problems.map((p) => `${p.rule} "${p.entry}" line ${p.line}`);
  const expected = want.map((w) => `${w.rule} "${w.entry}" line ${lineContaining(given, w.at)}`);
  assert.deepEqual(got, expected, `got ${JSON.stringify(got)}; want ${JSON.stringify(expected)}\nmessages: ${problems.map((p) => p.message).join(' | ')}`);
  problems.forEach((problem, index) => {
    const says = want[index]?.says ?? '';
    assert.ok(problem.message.includes(says), `got message ${JSON.stringify(problem.message)}; want it to contain ${JSON.stringify(says)}`);
  });
  assert.equal(catalog, undefined, 'got a catalog; want none when the loader reports problems');
}

describe('loadCatalogText(text, file): YAML', () => {
  const cases: LoadCase[] = [
    [
      'an unclosed flow sequence is reported at the line where it breaks',
      {
        given: catalogYaml(gauge('layer_depth', { labels: '[1, 2' })),
        want: [{ rule: 'yaml', entry: '-', at: 'example_promql:', says: 'fix the YAML syntax' }],
      },
    ],
    [
      'a duplicate key is reported',
      {
        given: catalogYaml(gauge('layer_depth')).replace('    stability: stable', '    unit: again'),
        want: [{ rule: 'yaml', entry: '-', at: 'unit: again', says: 'Map keys must be unique' }],
      },
    ],
    [
      'a tab used as indentation is reported',
      { given: 'version: "2026-05"\nentries:\n\t- name: x\n', want: [{ rule: 'yaml', entry: '-', at: '\t- name: x', says: 'Tabs' }] },
    ],
    [
      'an alias to an undefined anchor is reported at the alias, not thrown',
      {
        given: catalogYaml(gauge('layer_depth', { labels: '*shared_labels' })),
        want: [{ rule: 'yaml', entry: '-', at: 'labels: *shared_labels', says: 'Unresolved alias' }],
      },
    ],
  ];
  for (const [name, { given, want }] of cases) it(name, () => assertLoadProblems(given, want));
});

describe('loadCatalogText(text, file): schema', () => {
  const cases: LoadCase[] = [
    [
      'an unknown property is reported with the field it probably meant',
      {
        given: catalogYaml(counter('layer_jobs_total', { example_promql: undefined, exmaple_promql: 'rate(layer_jobs_total[5m])' })),
        want: [{ rule: 'schema', entry: 'layer_jobs_total', at: 'exmaple_promql:', says: 'unknown field exmaple_promql: did you mean example_promql? rename it to example_promql' }],
      },
    ],
    [
      'an unknown property with no near match lists the allowed fields',
      {
        given: catalogYaml(gauge('layer_depth', { owner: 'team-a' })),
        want: [{ rule: 'schema', entry: 'layer_depth', at: 'owner:', says: 'remove it (allowed fields: name, kind,' }],
      },
    ],
    [
      'an unknown top-level property is reported outside any entry',
      { given: `${catalogYaml(gauge('layer_depth'))}verison: x\n`, want: [{ rule: 'schema', entry: '-', at: 'verison:', says: 'rename it to version' }] },
    ],
    [
      'a wrong kind is reported with the allowed kinds',
      {
        given: catalogYaml(gauge('layer_depth', { kind: 'summary' })),
        want: [{ rule: 'schema', entry: 'layer_depth', at: 'kind: summary', says: 'kind must be one of histogram, counter, gauge (got "summary")' }],
      },
    ],
    [
      'a missing field is reported at its entry with what to add',
      {
        given: catalogYaml(counter('layer_jobs_total'), gauge('layer_depth', { unit: undefined })),
        want: [{ rule: 'schema', entry: 'layer_depth', at: '- name: layer_depth', says: 'missing required field unit: add unit:' }],
      },
    ],
    [
      'an entry without a name is named by its index',
      {
        given: catalogYaml(gauge('layer_depth'), gauge('layer_other', { name: undefined, kind: 'gauge # here' })),
        want: [{ rule: 'schema', entry: 'entries[1]', at: 'kind: gauge # here', says: 'missing required field name' }],
      },
    ],
    [
      'a label with both values and max_values is reported',
      {
        given: catalogYaml(gauge('layer_depth', { labels: '\n- name: pool\n  description: Pool.\n  values: [a, b]\n  max_values: 3' })),
        want: [{ rule: 'schema', entry: 'layer_depth', at: '- name: pool', says: 'labels[0] has both values and max_values' }],
      },
    ],
    [
      'a label with neither values nor max_values is reported',
      {
        given: catalogYaml(gauge('layer_depth', { labels: '\n- name: pool\n  description: Pool.' })),
        want: [{ rule: 'schema', entry: 'layer_depth', at: '- name: pool', says: 'needs exactly one of values' }],
      },
    ],
    [
      'empty, duplicate and non-string label values are reported at their node',
      {
        given: catalogYaml(
          gauge('layer_depth', {
            labels: dedent(`
              - name: pool
                description: Pool.
                values: [] # empty
              - name: state
                description: State.
                values: [up, up] # twice
              - name: zone
                description: Zone.
                max_values: 0 # zero
              - name: code
                description: Code.
                values:
                  - 200 # number
            `).replace(/^/, '\n'),
          }),
        ),
        want: [
          { rule: 'schema', entry: 'layer_depth', at: '# empty', says: 'labels[0].values is empty: list at least one value, or use max_values' },
          { rule: 'schema', entry: 'layer_depth', at: '# twice', says: 'labels[1].values lists "up" twice' },
          { rule: 'schema', entry: 'layer_depth', at: '# zero', says: 'labels[2].max_values must be at least 1 (got 0)' },
          { rule: 'schema', entry: 'layer_depth', at: '# number', says: 'labels[3].values[0] must be a string (got 200)' },
        ],
      },
    ],
    [
      'alert and waiver fields are checked',
      {
        given: catalogYaml(
          histogram('layer_wait_seconds', {
            buckets: '[0.1, "1"]',
            alert: '\nname: WaitHigh\nseverity: page',
            lint_waivers: '\n- rule: buckets # no reason',
          }),
        ),
        want: [
          { rule: 'schema', entry: 'layer_wait_seconds', at: 'buckets:', says: 'buckets[1] must be a number (got "1")' },
          { rule: 'schema', entry: 'layer_wait_seconds', at: 'alert:', says: 'alert is missing required field condition' },
          { rule: 'schema', entry: 'layer_wait_seconds', at: 'severity: page', says: 'must be one of info, warning, critical' },
          { rule: 'schema', entry: 'layer_wait_seconds', at: '# no reason', says: 'lint_waivers[0] is missing required field reason' },
        ],
      },
    ],
    ['an empty file is reported', { given: '', want: [{ rule: 'schema', entry: '-', at: /^$/, says: 'the catalog must be a mapping (got nothing)' }] }],
    [
      'entries that are not a list are reported',
      { given: 'version: "2026-05"\nentries: none\n', want: [{ rule: 'schema', entry: '-', at: 'entries:', says: 'entries must be a list (got "none")' }] },
    ],
  ];
  for (const [name, { given, want }] of cases) it(name, () => assertLoadProblems(given, want));

  it('returns the catalog, with lines for every node, when the schema passes', () => {
    const given = catalogYaml(histogram('layer_wait_seconds'));
    const { catalog, problems, lineOf } = loadCatalogText(given, 'test.yaml');
    assert.deepEqual(problems, [], `got problems ${JSON.stringify(problems)}; want none`);
    assert.equal(catalog?.entries[0]?.name, 'layer_wait_seconds');
    const cases: [string, (string | number)[], number][] = [
      ['a field points at its key', ['entries', 0, 'kind'], lineContaining(given, 'kind: histogram')],
      ['an item points at its start', ['entries', 0], lineContaining(given, '- name: layer_wait_seconds')],
      ['a flow item points at its line', ['entries', 0, 'buckets', 2], lineContaining(given, 'buckets:')],
      ['a missing node falls back to its parent', ['entries', 0, 'alert', 'name'], lineContaining(given, '- name: layer_wait_seconds')],
    ];
    for (const [name, path, want] of cases) assert.equal(lineOf(path), want, `${name}: got line ${lineOf(path)}; want ${want}`);
  });
});
