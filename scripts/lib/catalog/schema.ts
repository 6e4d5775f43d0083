/**
 * JSON Schema (draft-07, as ajv reads it) for catalog.yaml: the shape only. Naming, units, bucket
 * order, PromQL and cross-entry checks are lint rules (lint.ts), because they need friendlier
 * messages and waivers than a schema can give.
 */

const nonEmptyString = { type: 'string', minLength: 1 } as const;

/** One label: exactly one of `values` (closed set) or `max_values` (budget for an open set). */
const labelSchema = {
  type: 'object',
  required: ['name', 'description'],
  additionalProperties: false,
  properties: {
    name: nonEmptyString,
    description: nonEmptyString,
    values: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    max_values: { type: 'integer', minimum: 1 },
  },
  oneOf: [
    { type: 'object', required: ['values'] },
    { type: 'object', required: ['max_values'] },
  ],
} as const;

const alertSchema = {
  type: 'object',
  required: ['name', 'condition'],
  additionalProperties: false,
  properties: {
    name: nonEmptyString,
    condition: nonEmptyString,
    for: nonEmptyString,
    severity: { type: 'string', enum: ['info', 'warning', 'critical'] },
    summary: nonEmptyString,
  },
} as const;

const waiverSchema = {
  type: 'object',
  required: ['rule', 'reason'],
  additionalProperties: false,
  properties: { rule: nonEmptyString, reason: nonEmptyString },
} as const;

const entrySchema = {
  type: 'object',
  required: ['name', 'kind', 'description', 'unit', 'family', 'stability', 'labels', 'example_promql'],
  additionalProperties: false,
  properties: {
    name: nonEmptyString,
    kind: { type: 'string', enum: ['histogram', 'counter', 'gauge'] },
    description: nonEmptyString,
    unit: nonEmptyString,
    family: nonEmptyString,
    stability: { type: 'string', enum: ['stable', 'experimental', 'deprecated'] },
    labels: { type: 'array', items: labelSchema },
    buckets: { type: 'array', minItems: 1, items: { type: 'number' } },
    example_promql: nonEmptyString,
    alert: alertSchema,
    replaced_by: nonEmptyString,
    lint_waivers: { type: 'array', items: waiverSchema },
  },
} as const;

/** The schema catalog.yaml must satisfy before it is linted; mirrors the types in model.ts. */
export const catalogSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'layer metrics gateway catalog',
  type: 'object',
  required: ['version', 'entries'],
  additionalProperties: false,
  properties: {
    version: nonEmptyString,
    entries: { type: 'array', items: entrySchema },
  },
} as const;
