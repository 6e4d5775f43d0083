import { BASE, BASE_CATALOG, edit, edited, type DiffCase, type Edit } from './fixtures.ts';

// Catalog shape edits of test/fixtures/diff/openapi.base.yaml, each with the catalog version kept,
// bumped to a later month, or moved back.
const BUMP: Edit = ['version: "2026-05"', 'version: "2026-06"'];
const UNIT_PROPERTY = '        unit:\n          type: string\n        alert:\n';
const REMOVE_UNIT: Edit = [UNIT_PROPERTY, '        alert:\n'];

export const cases: DiffCase[] = [
  [
    'removing a property breaks without a version bump',
    {
      given: { base: BASE, head: edited({ openapi: [REMOVE_UNIT] }) },
      want: { changes: ['breaking property_removed CatalogEntry.unit'], gate: 'fail' },
    },
  ],
  [
    'renaming a property is a removal (breaking) plus an addition',
    {
      given: { base: BASE, head: edited({ openapi: [[UNIT_PROPERTY, '        base_unit:\n          type: string\n        alert:\n']] }) },
      want: { changes: ['compatible property_added CatalogEntry.base_unit', 'breaking property_removed CatalogEntry.unit'], gate: 'fail' },
    },
  ],
  [
    'making a response property optional breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['required: [name, kind, labels]', 'required: [name, kind]']] }) },
      want: { changes: ['breaking property_made_optional CatalogEntry.labels'], gate: 'fail' },
    },
  ],
  [
    'changing a type breaks',
    {
      given: { base: BASE, head: edited({ openapi: [[UNIT_PROPERTY, '        unit:\n          type: integer\n        alert:\n']] }) },
      want: { changes: ['breaking type_changed CatalogEntry.unit'], gate: 'fail' },
    },
  ],
  [
    'narrowing an enum breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['enum: [histogram, counter, gauge]', 'enum: [histogram, counter]']] }) },
      want: { changes: ['breaking enum_narrowed CatalogEntry.kind'], gate: 'fail' },
    },
  ],
  [
    'widening an enum passes',
    {
      given: { base: BASE, head: edited({ openapi: [['enum: [histogram, counter, gauge]', 'enum: [histogram, counter, gauge, summary]']] }) },
      want: { changes: ['compatible enum_widened CatalogEntry.kind'], gate: 'pass' },
    },
  ],
  [
    'turning an object into an array breaks (nesting)',
    {
      given: {
        base: BASE,
        head: edited({ openapi: [['        alert:\n          type: object\n          required: [name]\n          properties:\n            name:\n              type: string\n', '        alert:\n          type: array\n          items:\n            type: string\n']] }),
      },
      want: { changes: ['breaking nesting_changed CatalogEntry.alert'], gate: 'fail' },
    },
  ],
  [
    'changing the type of array items breaks (nesting)',
    {
      given: { base: BASE, head: edited({ openapi: [['        labels:\n          type: array\n          items:\n            type: string\n', '        labels:\n          type: array\n          items:\n            type: object\n']] }) },
      want: { changes: ['breaking nesting_changed CatalogEntry.labels[]'], gate: 'fail' },
    },
  ],
  [
    'changing the scalar type of array items breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['        labels:\n          type: array\n          items:\n            type: string\n', '        labels:\n          type: array\n          items:\n            type: integer\n']] }) },
      want: { changes: ['breaking type_changed CatalogEntry.labels[]'], gate: 'fail' },
    },
  ],
  [
    'making an object nullable is a type change, not a nesting change, and breaks readers',
    {
      given: { base: BASE, head: edited({ openapi: [['        alert:\n          type: object\n', '        alert:\n          type: [object, "null"]\n']] }) },
      want: { changes: ['breaking type_changed CatalogEntry.alert'], gate: 'fail' },
    },
  ],
  [
    'renaming a schema under components changes no JSON',
    {
      given: {
        base: BASE,
        head: edited({
          openapi: [
            ["            $ref: '#/components/schemas/CatalogEntry'\n    CatalogEntry:\n", "            $ref: '#/components/schemas/MetricEntry'\n    MetricEntry:\n"],
            ["                $ref: '#/components/schemas/CatalogEntry'\n", "                $ref: '#/components/schemas/MetricEntry'\n"],
          ],
        }),
      },
      want: { changes: [], gate: 'pass' },
    },
  ],
  [
    'a new optional property passes',
    {
      given: { base: BASE, head: edited({ openapi: [[UNIT_PROPERTY, `${UNIT_PROPERTY.replace('        alert:\n', '')}        family:\n          type: string\n        alert:\n`]] }) },
      want: { changes: ['compatible property_added CatalogEntry.family'], gate: 'pass' },
    },
  ],
  [
    'a new required property passes: readers get one more field',
    {
      given: {
        base: BASE,
        head: edited({
          openapi: [
            ['required: [name, kind, labels]', 'required: [name, kind, labels, family]'],
            [UNIT_PROPERTY, `${UNIT_PROPERTY.replace('        alert:\n', '')}        family:\n          type: string\n        alert:\n`],
          ],
        }),
      },
      want: { changes: ['compatible property_added CatalogEntry.family'], gate: 'pass' },
    },
  ],
  [
    'a change in a schema reached through $ref (LabelDetail) counts',
    {
      given: { base: BASE, head: edited({ openapi: [['      required: [name, description]\n', '      required: [name]\n']] }) },
      want: { changes: ['breaking property_made_optional LabelDetail.description'], gate: 'fail' },
    },
  ],
  [
    'an incompatible change with a bump to a later month passes, as notes',
    {
      given: { base: BASE, head: edited({ openapi: [REMOVE_UNIT], catalog: [BUMP] }) },
      want: { changes: ['note property_removed CatalogEntry.unit', 'note version_bumped version'], gate: 'pass' },
    },
  ],
  [
    'a bump without an incompatible change is a note',
    {
      given: { base: BASE, head: edited({ catalog: [BUMP] }) },
      want: { changes: ['note version_bumped version'], gate: 'pass' },
    },
  ],
  [
    'a version going backwards breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['version: "2026-05"', 'version: "2025-12"']] }) },
      want: { changes: ['breaking version_regressed version'], gate: 'fail' },
    },
  ],
  [
    'a version going backwards does not cover an incompatible change',
    {
      given: { base: BASE, head: edited({ openapi: [REMOVE_UNIT], catalog: [['version: "2026-05"', 'version: "2025-12"']] }) },
      want: { changes: ['breaking property_removed CatalogEntry.unit', 'breaking version_regressed version'], gate: 'fail' },
    },
  ],
  [
    'a version that is not YYYY-MM breaks',
    {
      given: { base: BASE, head: edited({ catalog: [['version: "2026-05"', 'version: "2026-13"']] }) },
      want: { changes: ['breaking version_invalid version'], gate: 'fail' },
    },
  ],
  [
    'openapi.yaml absent at the base: the Catalog schema is added',
    {
      given: { base: { catalog: BASE_CATALOG }, head: { openapi: BASE.openapi, catalog: edit(BASE_CATALOG, []) } },
      want: {
        changes: [
          'compatible schema_added Catalog',
          'compatible route_added /catalog',
          'compatible route_added /catalog/{name}',
          'compatible route_added /health',
          'compatible route_added /query',
        ],
        gate: 'pass',
      },
    },
  ],
];
