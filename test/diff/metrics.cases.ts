import { BASE, edited, type DiffCase } from './fixtures.ts';

// Every metrics rule, as an edit of test/fixtures/diff/catalog.base.yaml.
export const cases: DiffCase[] = [
  ['no edit, no changes', { given: { base: BASE, head: BASE }, want: { changes: [], gate: 'pass' } }],
  [
    'reordering entries and label values changes nothing',
    {
      given: {
        base: BASE,
        head: edited({
          catalog: [
            ['values: [/a, /b]', 'values: [/b, /a]'],
            ['values: [GET, POST]', 'values: [POST, GET]'],
          ],
        }),
      },
      want: { changes: [], gate: 'pass' },
    },
  ],
  [
    'adding a metric passes',
    {
      given: {
        base: BASE,
        head: edited({
          catalog: [
            [
              'entries:\n',
              'entries:\n  - name: demo_new_total\n    kind: counter\n    family: demo\n    unit: requests\n    stability: stable\n    description: New.\n    labels: []\n    example_promql: rate(demo_new_total[5m])\n\n',
            ],
          ],
        }),
      },
      want: { changes: ['compatible added demo_new_total'], gate: 'pass' },
    },
  ],
  [
    'removing a stable metric breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['  - name: demo_duration_seconds\n', '  - name: demo_duration2_seconds\n']] }) },
      want: { changes: ['compatible added demo_duration2_seconds', 'breaking removed demo_duration_seconds'], gate: 'fail' },
    },
  ],
  [
    'removing an experimental metric breaks: only deprecation allows removal',
    {
      given: { base: BASE, head: edited({ catalog: [['  - name: demo_queue_depth\n', '  - name: demo_queue_length\n']] }) },
      want: { changes: ['breaking removed demo_queue_depth', 'compatible added demo_queue_length'], gate: 'fail' },
    },
  ],
  [
    'removing a metric deprecated at the base passes',
    {
      given: { base: BASE, head: edited({ catalog: [['  - name: demo_legacy_total\n', '  - name: demo_legacy2_total\n']] }) },
      want: { changes: ['compatible added demo_legacy2_total', 'compatible removed demo_legacy_total'], gate: 'pass' },
    },
  ],
  [
    'removing a deprecated metric whose replaced_by exists is a rename and passes',
    {
      given: { base: BASE, head: edited({ catalog: [['  - name: demo_old_requests_total\n', '  - name: demo_gone_total\n']] }) },
      want: { changes: ['compatible added demo_gone_total', 'compatible renamed demo_old_requests_total'], gate: 'pass' },
    },
  ],
  [
    'a rename to a metric new in the head is one change, not also an addition',
    {
      given: {
        base: edited({ catalog: [['replaced_by: demo_requests_total', 'replaced_by: demo_requests_v2_total']] }),
        head: edited({
          catalog: [
            ['replaced_by: demo_requests_total', 'replaced_by: demo_requests_v2_total'],
            ['  - name: demo_old_requests_total\n', '  - name: demo_requests_v2_total\n'],
          ],
        }),
      },
      want: { changes: ['compatible renamed demo_old_requests_total'], gate: 'pass' },
    },
  ],
  [
    'changing the kind breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['    kind: gauge\n    family: demo\n    unit: queries', '    kind: counter\n    family: demo\n    unit: queries']] }) },
      want: { changes: ['breaking kind_changed demo_queue_depth'], gate: 'fail' },
    },
  ],
  [
    'changing the unit breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['    unit: seconds\n', '    unit: milliseconds\n']] }) },
      want: { changes: ['breaking unit_changed demo_duration_seconds'], gate: 'fail' },
    },
  ],
  [
    'removing a label breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['      - name: code\n        description: Status code.\n        max_values: 40\n', '']] }) },
      want: { changes: ['breaking label_removed demo_requests_total{code}'], gate: 'fail' },
    },
  ],
  [
    'renaming a label (removed and added at the same place) breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['      - name: code\n', '      - name: status_code\n']] }) },
      want: { changes: ['breaking label_renamed demo_requests_total{code}'], gate: 'fail' },
    },
  ],
  [
    'adding a label passes',
    {
      given: {
        base: BASE,
        head: edited({ catalog: [['        values: [GET, POST]\n', '        values: [GET, POST]\n      - name: tenant\n        description: Tenant.\n        max_values: 10\n']] }),
      },
      want: { changes: ['compatible label_added demo_duration_seconds{tenant}'], gate: 'pass' },
    },
  ],
  [
    'removing an allowed value breaks; adding one passes',
    {
      given: { base: BASE, head: edited({ catalog: [['values: [GET, POST]', 'values: [GET, HEAD]']] }) },
      want: {
        changes: ['breaking label_values_narrowed demo_duration_seconds{method}', 'compatible label_values_widened demo_duration_seconds{method}'],
        gate: 'fail',
      },
    },
  ],
  [
    'a closed set opening to max_values passes',
    {
      given: { base: BASE, head: edited({ catalog: [['values: [GET, POST]', 'max_values: 10']] }) },
      want: { changes: ['compatible label_values_opened demo_duration_seconds{method}'], gate: 'pass' },
    },
  ],
  [
    'an open set closing to a list breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['        max_values: 40\n', '        values: ["200", "500"]\n']] }) },
      want: { changes: ['breaking label_values_closed demo_requests_total{code}'], gate: 'fail' },
    },
  ],
  [
    'lowering max_values breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['max_values: 40', 'max_values: 20']] }) },
      want: { changes: ['breaking label_values_narrowed demo_requests_total{code}'], gate: 'fail' },
    },
  ],
  [
    'raising max_values passes',
    {
      given: { base: BASE, head: edited({ catalog: [['max_values: 40', 'max_values: 80']] }) },
      want: { changes: ['compatible label_values_widened demo_requests_total{code}'], gate: 'pass' },
    },
  ],
  [
    'changing histogram buckets breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['buckets: [0.1, 1, 10]', 'buckets: [0.1, 1, 5, 10]']] }) },
      want: { changes: ['breaking buckets_changed demo_duration_seconds'], gate: 'fail' },
    },
  ],
  [
    'rewording the description, example and alert passes',
    {
      given: {
        base: BASE,
        head: edited({
          catalog: [
            ['description: Requests answered.', 'description: Requests the demo answered.'],
            ['example_promql: sum by (code) (rate(demo_requests_total[5m]))', 'example_promql: sum(rate(demo_requests_total[1m]))'],
            ['summary: Too many server errors.', 'summary: More than one server error per second.'],
            ['description: Route template.\n        values: [/a, /b]\n      - name: code', 'description: Route template, or unmatched.\n        values: [/a, /b]\n      - name: code'],
          ],
        }),
      },
      want: {
        changes: [
          'compatible alert_changed demo_requests_total',
          'compatible description_changed demo_requests_total',
          'compatible example_changed demo_requests_total',
          'compatible label_description_changed demo_requests_total{route}',
        ],
        gate: 'pass',
      },
    },
  ],
  [
    'adding and removing alerts passes',
    {
      given: {
        base: BASE,
        head: edited({
          catalog: [
            ['    alert:\n      name: DemoErrors\n      condition: sum(rate(demo_requests_total{code=~"5.."}[5m])) > 1\n      for: 5m\n      severity: warning\n      summary: Too many server errors.\n', ''],
            ['example_promql: max_over_time(demo_queue_depth[5m])\n', 'example_promql: max_over_time(demo_queue_depth[5m])\n    alert:\n      name: DemoQueueHigh\n      condition: demo_queue_depth > 10\n'],
          ],
        }),
      },
      want: { changes: ['compatible alert_added demo_queue_depth', 'compatible alert_removed demo_requests_total'], gate: 'pass' },
    },
  ],
  [
    'deprecating a metric (a stability change) passes',
    {
      given: { base: BASE, head: edited({ catalog: [['    stability: experimental\n', '    stability: deprecated\n    replaced_by: demo_requests_total\n']] }) },
      want: { changes: ['compatible replaced_by_changed demo_queue_depth', 'compatible stability_changed demo_queue_depth'], gate: 'pass' },
    },
  ],
  [
    'a catalog absent at the base: every metric is added',
    {
      given: { base: { openapi: BASE.openapi }, head: BASE },
      want: {
        changes: [
          'compatible added demo_duration_seconds',
          'compatible added demo_legacy_total',
          'compatible added demo_old_requests_total',
          'compatible added demo_queue_depth',
          'compatible added demo_requests_total',
        ],
        gate: 'pass',
      },
    },
  ],
];
