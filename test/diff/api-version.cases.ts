import { BASE, edited, type DiffCase, type Edit } from './fixtures.ts';

// The API's version gate, as edits of test/fixtures/diff/openapi.base.yaml (info.version 0.0.0):
// an incompatible API change passes only with a major bump of info.version.
const RENAME_HEALTH: Edit = ['  /health:\n', '  /healthz:\n'];
const version = (to: string): Edit => ['  version: 0.0.0\n', `  version: ${to}\n`];

export const cases: DiffCase[] = [
  [
    'an incompatible change without a bump breaks',
    {
      given: { base: BASE, head: edited({ openapi: [RENAME_HEALTH] }) },
      want: { changes: ['breaking route_removed /health', 'compatible route_added /healthz'], gate: 'fail' },
    },
  ],
  [
    'an incompatible change with a major bump (0.x to 1.0 counts) passes, as notes',
    {
      given: { base: BASE, head: edited({ openapi: [RENAME_HEALTH, version('1.0.0')] }) },
      want: { changes: ['note route_removed /health', 'compatible route_added /healthz', 'note version_bumped info.version'], gate: 'pass' },
    },
  ],
  [
    'a minor bump does not cover an incompatible change',
    {
      given: { base: BASE, head: edited({ openapi: [RENAME_HEALTH, version('0.1.0')] }) },
      want: { changes: ['breaking route_removed /health', 'compatible route_added /healthz'], gate: 'fail' },
    },
  ],
  [
    'a major bump without an incompatible change is a note',
    {
      given: { base: BASE, head: edited({ openapi: [version('1.0.0')] }) },
      want: { changes: ['note version_bumped info.version'], gate: 'pass' },
    },
  ],
  [
    'a version going backwards breaks, and does not cover an incompatible change',
    {
      given: { base: edited({ openapi: [version('2.1.0')] }), head: edited({ openapi: [RENAME_HEALTH, version('1.9.0')] }) },
      want: { changes: ['breaking route_removed /health', 'compatible route_added /healthz', 'breaking version_regressed info.version'], gate: 'fail' },
    },
  ],
  [
    'a version that is not semver breaks',
    {
      given: { base: BASE, head: edited({ openapi: [version('"1.0"')] }) },
      want: { changes: ['breaking version_invalid info.version'], gate: 'fail' },
    },
  ],
];
