/**
 * Validates responses against openapi.yaml (the generated document), as a client reading the
 * contract would: the operation's documented status, content type and JSON schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openapiDocument } from '../../src/generated/openapi-document.ts';
import { operations, type OperationId } from '../../src/generated/routes.ts';

type Json = Record<string, unknown>;
const doc = openapiDocument as unknown as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// OpenAPI's own keywords inside schemas (discriminator mapping) are annotations here.
ajv.addKeyword('discriminator');
ajv.addSchema({ $id: 'openapi', components: (doc as { components: Json }).components });

function resolve(node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<Json>((at, key) => at[key] as Json, doc);
  }
  return current;
}

/** Problems of a response against the contract, or [] when it conforms. */
export function responseProblems(operationId: OperationId, status: number, contentType: string | null, body: string): string[] {
  const op = operations[operationId];
  const pathItem = (doc.paths as Json)[op.path] as Json;
  const operation = pathItem[op.method.toLowerCase()] as Json;
  const responses = operation.responses as Json;
  const declared = responses[String(status)] as Json | undefined;
  if (!declared) return [`status ${status} is not documented for ${operationId}; documented: ${Object.keys(responses).join(', ')}`];
  const response = resolve(declared);
  const content = response.content as Json | undefined;
  if (!content) return body.length === 0 ? [] : [`status ${status} of ${operationId} documents no body, got ${body.length} bytes`];
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  const media = content[mediaType] as Json | undefined;
  if (!media) return [`content type ${mediaType} is not documented for ${operationId} ${status}; documented: ${Object.keys(content).join(', ')}`];
  if (mediaType !== 'application/json') return [];
  const schema = media.schema as Json;
  const ref = typeof schema.$ref === 'string' ? `openapi${schema.$ref}` : undefined;
  const validate = ref ? ajv.getSchema(ref) : ajv.compile(schema);
  if (!validate) return [`cannot compile the schema of ${operationId} ${status}`];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`body is not JSON: ${body.slice(0, 80)}`];
  }
  if (validate(parsed)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
