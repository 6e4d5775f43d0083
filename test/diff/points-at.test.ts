import assert from 'node:assert/strict';
import { LineCounter, parse, parseDocument } from 'yaml';
import type { ContractFile } from '../../scripts/lib/diff/change.ts';
import { diffContracts } from '../../scripts/lib/diff/diff-contracts.ts';
import { locateChanges } from '../../scripts/lib/diff/locate.ts';
import { BASE, edited, type Edit } from './fixtures.ts';

// Where annotations land: for each edit, the head line the change of `kind` points at.
const cases: [string, { given: { openapi?: Edit[]; catalog?: Edit[]; kind: string }; want: string }][] = [
  ['a narrowed enum: its enum line', { given: { openapi: [['enum: [histogram, counter, gauge]', 'enum: [histogram, counter]']], kind: 'enum_narrowed' }, want: 'enum: [histogram, counter]' }],
  ['a property made optional: the required list', { given: { openapi: [['required: [name, kind, labels]', 'required: [name, kind]']], kind: 'property_made_optional' }, want: 'required: [name, kind]' }],
  ['a changed type: its type line', { given: { openapi: [['        unit:\n          type: string\n', '        unit:\n          type: integer\n']], kind: 'type_changed' }, want: 'type: integer' }],
  ['a removed label: the labels of its metric', { given: { catalog: [['      - name: code\n        description: Status code.\n        max_values: 40\n', '']], kind: 'label_removed' }, want: 'labels:' }],
  ['a narrowed label: its values', { given: { catalog: [['values: [GET, POST]', 'values: [GET, HEAD]']], kind: 'label_values_narrowed' }, want: 'values: [GET, HEAD]' }],
  ['a removed metric: the entries list', { given: { catalog: [['  - name: demo_queue_depth\n', '  - name: demo_queue_length\n']], kind: 'removed' }, want: 'entries:' }],
  ['a version bump: the version line', { given: { catalog: [['version: "2026-05"', 'version: "2026-06"']], kind: 'version_bumped' }, want: 'version: "2026-06"' }],
  ['a new required parameter: the parameter', { given: { openapi: [['        - name: mode\n', '        - name: tenant\n          in: query\n          required: true\n        - name: mode\n']], kind: 'parameter_added' }, want: '- name: tenant' }],
  ['a removed method: its route', { given: { openapi: [['    post:\n      operationId: queryPost\n', '    put:\n      operationId: queryPut\n']], kind: 'method_removed' }, want: '/query:' }],
];

describe('changes point at the head line', () => {
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      const head = edited({ openapi: given.openapi ?? [], catalog: given.catalog ?? [] });
      const texts: Record<ContractFile, string> = { 'openapi.yaml': head.openapi ?? '', 'catalog.yaml': head.catalog ?? '' };
      const positioned = (file: ContractFile): { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } => {
        const lineCounter = new LineCounter();
        return { doc: parseDocument(texts[file], { lineCounter }), lineCounter };
      };
      const changes = diffContracts(
        { openapi: parse(BASE.openapi ?? ''), catalog: parse(BASE.catalog ?? '') },
        { openapi: parse(texts['openapi.yaml']), catalog: parse(texts['catalog.yaml']) },
      );
      const [change] = locateChanges(changes, { 'openapi.yaml': positioned('openapi.yaml'), 'catalog.yaml': positioned('catalog.yaml') }).filter(
        (located) => located.kind === given.kind,
      );
      assert.ok(change, `got no ${given.kind} change in ${JSON.stringify(changes.map((c) => c.kind))}`);
      const got = texts[change.file].split('\n')[change.line - 1]?.trim();
      assert.equal(got, want, `got ${change.file}:${change.line} "${got}"; want "${want}"`);
    });
  }
});
