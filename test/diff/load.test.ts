import assert from 'node:assert/strict';
import { loadContract } from '../../scripts/lib/diff/load.ts';
import { CatalogDiffError } from '../../scripts/lib/diff/errors.ts';

const refused: [string, { given: { text: string; file: 'openapi.yaml' | 'catalog.yaml' }; want: string }][] = [
  [
    'invalid YAML: names the file, the side and the line',
    { given: { text: 'version: "2026-05"\nentries:\n  - name: [a\n', file: 'catalog.yaml' }, want: 'catalog:diff: catalog.yaml at HEAD~1 is not valid YAML: line 4: ' },
  ],
  ['a top level that is not a mapping', { given: { text: '- a\n- b\n', file: 'openapi.yaml' }, want: 'catalog:diff: openapi.yaml at HEAD~1: line 1: the top level must be a mapping' }],
  ['entries that are not a list', { given: { text: 'version: "2026-05"\nentries: 3\n', file: 'catalog.yaml' }, want: 'catalog:diff: catalog.yaml at HEAD~1: line 2: entries must be a list' }],
  [
    'an entry without a name',
    { given: { text: 'entries:\n  - name: a\n  - kind: counter\n', file: 'catalog.yaml' }, want: 'catalog:diff: catalog.yaml at HEAD~1: line 3: entry 1 has no name' },
  ],
];

describe('loadContract(text, file, where)', () => {
  it('reads an empty file as an absent one', () => {
    const got = loadContract('', 'catalog.yaml', 'at HEAD').value;
    assert.equal(got, undefined, `got ${JSON.stringify(got)}; want undefined`);
  });
  for (const [name, { given, want }] of refused) {
    it(`refuses ${name} with ERR_PARSE`, () => {
      assert.throws(
        () => loadContract(given.text, given.file, 'at HEAD~1'),
        (error: unknown) => {
          assert.ok(error instanceof CatalogDiffError && error.code === 'ERR_PARSE', `got ${String(error)}; want ERR_PARSE`);
          assert.ok(error.message.startsWith(want), `got ${error.message}; want it to start with ${want}`);
          return true;
        },
      );
    });
  }
});
