import openapiTS, { astToString } from 'openapi-typescript';
import { generatedHeader } from './header.ts';

/**
 * Renders src/generated/api-types.ts: request and response types of openapi.yaml (openapi-typescript),
 * the one output the server imports and `npm run sdk` copies into packages/client.
 */
export async function renderApiTypes(doc: object, source = 'openapi.yaml'): Promise<string> {
  // structuredClone: openapi-typescript annotates the document it is given.
  const ast = await openapiTS(structuredClone(doc) as Parameters<typeof openapiTS>[0], { alphabetize: true, silent: true });
  return `${generatedHeader(source)}${astToString(ast)}`;
}

/**
 * Renders src/generated/openapi-document.ts: the contract as data (YAML anchors expanded), which
 * openapi-backend validates requests against, so the server never reads openapi.yaml at run time.
 */
export function renderOpenApiDocument(doc: object, source = 'openapi.yaml'): string {
  return [
    generatedHeader(source),
    `/** openapi.yaml as parsed, for openapi-backend. */`,
    `export const openapiDocument = ${JSON.stringify(doc, null, 2)};`,
    '',
  ].join('\n');
}

