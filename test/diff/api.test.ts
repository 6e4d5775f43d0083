import assert from 'node:assert/strict';
import { BASE, edited, checkDiff, type DiffCase } from './fixtures.ts';

// Every API rule, as an edit of test/fixtures/diff/openapi.base.yaml.
const cases: DiffCase[] = [
  [
    'removing a route breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['  /health:\n', '  /healthz:\n']] }) },
      want: { changes: ['breaking route_removed /health', 'compatible route_added /healthz'], gate: 'fail' },
    },
  ],
  [
    'removing a method breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['    post:\n      operationId: queryPost\n', '    put:\n      operationId: queryPut\n']] }) },
      want: { changes: ['breaking method_removed POST /query', 'compatible method_added PUT /query'], gate: 'fail' },
    },
  ],
  [
    'renaming a path parameter changes nothing for clients',
    {
      given: { base: BASE, head: edited({ openapi: [['  /catalog/{name}:\n', '  /catalog/{id}:\n'], ['        - name: name\n          in: path\n', '        - name: id\n          in: path\n']] }) },
      want: { changes: [], gate: 'pass' },
    },
  ],
  [
    'a new required query parameter breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['        - name: limit\n          in: query\n', '        - name: limit\n          in: query\n          required: true\n'], ['        - name: mode\n', '        - name: tenant\n          in: query\n          required: true\n        - name: mode\n']] }) },
      want: { changes: ['breaking parameter_made_required GET /query query:limit', 'breaking parameter_added GET /query query:tenant'], gate: 'fail' },
    },
  ],
  [
    'a new required header parameter breaks; a new optional one passes',
    {
      given: {
        base: BASE,
        head: edited({
          openapi: [['      operationId: getHealth\n', '      operationId: getHealth\n      parameters:\n        - {name: X-Tenant, in: header, required: true, schema: {type: string}}\n        - {name: X-Trace, in: header, schema: {type: string}}\n']],
        }),
      },
      want: { changes: ['breaking parameter_added GET /health header:X-Tenant', 'compatible parameter_added GET /health header:X-Trace'], gate: 'fail' },
    },
  ],
  [
    'a new optional parameter passes; a removed one is a note',
    {
      given: { base: BASE, head: edited({ openapi: [['        - name: limit\n', '        - name: max_series\n']] }) },
      want: { changes: ['note parameter_removed GET /query query:limit', 'compatible parameter_added GET /query query:max_series'], gate: 'pass' },
    },
  ],
  [
    'narrowing a parameter enum breaks; widening it passes',
    {
      given: { base: BASE, head: edited({ openapi: [['enum: [fast, exact]', 'enum: [fast, approximate]']] }) },
      want: { changes: ['breaking enum_narrowed GET /query query:mode', 'compatible enum_widened GET /query query:mode'], gate: 'fail' },
    },
  ],
  [
    'changing a parameter type breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['        - name: limit\n          in: query\n          schema:\n            type: string\n', '        - name: limit\n          in: query\n          schema:\n            type: integer\n']] }) },
      want: { changes: ['breaking type_changed GET /query query:limit'], gate: 'fail' },
    },
  ],
  [
    'a new required request body breaks',
    {
      given: {
        base: BASE,
        head: edited({ openapi: [['      operationId: getHealth\n', '      operationId: getHealth\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {type: object}\n']] }),
      },
      want: { changes: ['breaking request_body_added GET /health body'], gate: 'fail' },
    },
  ],
  [
    'a request body made required breaks',
    {
      given: {
        base: edited({ openapi: [['      requestBody:\n        required: true\n', '      requestBody:\n        required: false\n']] }),
        head: BASE,
      },
      want: { changes: ['breaking request_body_made_required POST /query body'], gate: 'fail' },
    },
  ],
  [
    'a new required request body property breaks; removing one is a note',
    {
      given: {
        base: BASE,
        head: edited({ openapi: [['    QueryForm:\n      type: object\n      properties:\n        query:\n          type: string\n        limit:\n', '    QueryForm:\n      type: object\n      required: [tenant]\n      properties:\n        query:\n          type: string\n        tenant:\n']] }),
      },
      want: { changes: ['note property_removed QueryForm.limit', 'breaking property_added QueryForm.tenant'], gate: 'fail' },
    },
  ],
  [
    'removing a response property of a shared schema breaks, reported once',
    {
      given: { base: BASE, head: edited({ openapi: [['        warnings:\n          type: array\n          items:\n            type: string\n    Catalog:', '    Catalog:']] }) },
      want: { changes: ['breaking property_removed QueryResult.warnings'], gate: 'fail' },
    },
  ],
  [
    'changing a nested response property type breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['                      - type: number\n', '                      - type: string\n']] }) },
      want: { changes: ['breaking type_changed QueryResult.data.result[].value[0]'], gate: 'fail' },
    },
  ],
  [
    'narrowing a response enum breaks; widening one passes',
    {
      given: { base: BASE, head: edited({ openapi: [['enum: [vector, matrix]', 'enum: [vector, scalar]']] }) },
      want: {
        changes: ['breaking enum_narrowed QueryResult.data.resultType', 'compatible enum_widened QueryResult.data.resultType'],
        gate: 'fail',
      },
    },
  ],
  [
    'changing a response const breaks',
    {
      given: { base: BASE, head: edited({ openapi: [['const: success', 'const: ok']] }) },
      want: { changes: ['breaking enum_narrowed QueryResult.status', 'compatible enum_widened QueryResult.status'], gate: 'fail' },
    },
  ],
  [
    'adding a response property passes',
    {
      given: { base: BASE, head: edited({ openapi: [['        uptime_seconds:\n', '        checked_at:\n          type: string\n        uptime_seconds:\n']] }) },
      want: { changes: ['compatible property_added Health.checked_at'], gate: 'pass' },
    },
  ],
  [
    'removing a 2xx response breaks; error responses are out of scope',
    {
      given: {
        base: BASE,
        head: edited({ openapi: [["        '200':\n          description: Healthy.\n", "        '202':\n          description: Healthy.\n"], ['      required: [code, message]\n', '      required: [code]\n']] }),
      },
      want: { changes: ['breaking response_removed GET /health 200', 'compatible response_added GET /health 202'], gate: 'fail' },
    },
  ],
  [
    'a response swapped from a catalog schema to another is compared',
    {
      given: { base: BASE, head: edited({ openapi: [["                $ref: '#/components/schemas/CatalogEntry'\n", "                $ref: '#/components/schemas/Error'\n"]] }) },
      want: {
        changes: [
          'breaking property_removed CatalogEntry->Error.alert',
          'compatible property_added CatalogEntry->Error.code',
          'breaking property_removed CatalogEntry->Error.kind',
          'breaking property_removed CatalogEntry->Error.label_details',
          'breaking property_removed CatalogEntry->Error.labels',
          'compatible property_added CatalogEntry->Error.message',
          'breaking property_removed CatalogEntry->Error.name',
          'breaking property_removed CatalogEntry->Error.unit',
        ],
        gate: 'fail',
      },
    },
  ],
  [
    'the catalog schemas are left to the catalog shape section',
    {
      given: { base: BASE, head: edited({ openapi: [['        unit:\n          type: string\n        alert:\n', '        alert:\n']] }) },
      want: { changes: ['breaking property_removed CatalogEntry.unit'], gate: 'fail' },
    },
  ],
];

describe('diffApi (through diffContracts)', () => {
  for (const [name, testCase] of cases) it(name, () => void checkDiff(testCase));

  it('names every operation that reaches a changed shared schema', () => {
    const [change] = checkDiff(cases.find(([name]) => name.startsWith('removing a response property of a shared'))![1]);
    const want = '(in GET /query 200, POST /query 200)';
    assert.ok(change?.detail.includes(want), `got ${change?.detail}; want it to include ${want}`);
  });
});
