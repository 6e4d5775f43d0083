import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { loadCatalogText } from '../scripts/lib/catalog/load.ts';
import { locateLine, type NodePath } from '../scripts/lib/yaml-lines.ts';

const TEXT = `# line 1
version: "2026-05"
entries:
  - name: a_total
    labels:
      - name: code
        values: [x, y]
paths:
  /q:
    get:
      responses: &shared
        '200':
          description: ok
    post:
      responses: *shared
`;

const lineCounter = new LineCounter();
const file = { doc: parseDocument(TEXT, { lineCounter }), lineCounter };

const cases: [string, { given: NodePath; want: number }][] = [
  ['a top-level key', { given: ['version'], want: 2 }],
  ['a list item', { given: ['entries', 0], want: 4 }],
  ['a key inside a list item', { given: ['entries', 0, 'labels', 0, 'values'], want: 7 }],
  ['something removed: its nearest parent', { given: ['entries', 0, 'labels', 3], want: 5 }],
  ['a removed entry: the parent list', { given: ['entries', 9], want: 3 }],
  ['through an alias: where the anchored text is', { given: ['paths', '/q', 'post', 'responses', '200', 'description'], want: 13 }],
  ['a key the file does not have at all: line 1', { given: ['components', 'schemas'], want: 1 }],
];

describe('locateLine(file, path)', () => {
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      const got = locateLine(file, given);
      assert.equal(got, want, `got line ${got}; want ${want}`);
    });
  }
});

describe('the catalog loader\'s lineOf(path)', () => {
  // Same locator: the diff and the check name the same line; a path the file lacks entirely points
  // at the document's first line rather than at a leading comment.
  const { lineOf } = loadCatalogText(TEXT, 'catalog.yaml');
  const catalogCases: [string, { given: NodePath; want: number }][] = [
    ...cases.filter(([name]) => !name.startsWith('a key the file does not have')),
    ['a key the file does not have at all: the first line of the document', { given: ['components', 'schemas'], want: 2 }],
  ];
  for (const [name, { given, want }] of catalogCases) {
    it(name, () => {
      const got = lineOf(given);
      assert.equal(got, want, `got line ${got}; want ${want}`);
    });
  }
});
