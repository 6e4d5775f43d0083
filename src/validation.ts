/**
 * Request validation against openapi.yaml through openapi-backend. Routing is done by @koa/router
 * from the generated operation table, so openapi-backend is asked only to validate a request for
 * an operation already known, not to route it (its router is the costly part).
 */
import { OpenAPIBackend } from 'openapi-backend';
import type { Document } from 'openapi-backend';
import { openapiDocument } from './generated/openapi-document.ts';
import type { OperationId } from './generated/routes.ts';

/** A request as the validator sees it. */
export interface RequestToValidate {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string | string[]>;
  body?: unknown;
}

/** Validates a request against one operation; returns the problems as one sentence, or null when valid. */
export type RequestValidator = (operationId: OperationId, request: RequestToValidate) => string | null;

/** Builds the validator once at start-up (openapi-backend dereferences and compiles the schemas). */
export async function createRequestValidator(): Promise<RequestValidator> {
  const api = new OpenAPIBackend({
    definition: structuredClone(openapiDocument) as unknown as Document,
    validate: true,
    // openapi-backend checks documents against the OpenAPI 3.0 schema, which rejects valid 3.1
    // keywords (const, prefixItems); the document is linted by redocly in npm test instead.
    quick: true,
    ajvOpts: { strict: false },
  });
  await api.init();
  return (operationId, request) => {
    const result = api.validateRequest(
      { method: request.method, path: request.path, query: request.query ?? {}, headers: request.headers ?? {}, body: request.body },
      operationId,
    );
    if (result.valid) return null;
    return (result.errors ?? [])
      .map((error) => `${error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'request'} ${error.message ?? 'is invalid'}`)
      .join('; ');
  };
}
