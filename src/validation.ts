/**
 * Request validation against openapi.yaml through openapi-backend. Routing is done by the router
 * from the generated operation table and parameters are already parsed by the time a request is
 * validated, so the gateway calls openapi-backend's precompiled per-operation validators directly:
 * its own router and request parsing (qs, header normalisation) cost more than the validation.
 */
import { OpenAPIBackend } from 'openapi-backend';
import type { Document } from 'openapi-backend';
import { openapiDocument } from './generated/openapi-document.ts';
import { operations, type OperationId } from './generated/routes.ts';

/** A request as the validator sees it: already parsed. Header names are lower case. */
export interface RequestToValidate {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string | string[] | undefined>;
  /** The form body as an object, for POST operations. */
  body?: Record<string, string>;
}

/** Validates a request against one operation; returns the problems as one sentence, or null when valid. */
export interface RequestValidator {
  (operationId: OperationId, request: RequestToValidate): string | null;
  /**
   * Whether a request to the operation with only these query parameters (each name with its values
   * as given; no body, no path parameters) is valid whatever the values, as fitsPlainQuery decides.
   * True means validating it returns null; false decides nothing. Lets a caller that holds the
   * parameters as lists skip building the object the validator takes.
   */
  fitsPlainLists?(operationId: OperationId, query: ReadonlyMap<string, readonly string[]>): boolean;
}

/** One of openapi-backend's compiled ajv validators of an operation. */
type Validate = ReturnType<OpenAPIBackend['validator']['getRequestValidatorsForOperation']>[number];

/** Builds the validator once at start-up: openapi-backend dereferences and compiles every operation's schemas. */
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
  const validators = new Map<string, Validate[]>();
  // Verdicts for requests that carry nothing a schema can check (see headersCannotFail), computed
  // once: most requests to the catalog and /metrics are such, and skip ajv.
  const emptyVerdicts = new Map<string, string | null>();
  // And the operations where a request of plain-string query parameters can be judged without ajv
  // (see plainQueryOf): nearly every passthrough query.
  const plainQueries = new Map<string, PlainQuery>();
  for (const operationId of Object.keys(operations)) {
    validators.set(operationId, api.validator.getRequestValidatorsForOperation(operationId) ?? []);
    const parameters = api.getOperation(operationId)?.parameters;
    if (headersCannotFail(parameters)) emptyVerdicts.set(operationId, run(operationId, {}));
    const plain = plainQueryOf(parameters);
    if (plain !== undefined) plainQueries.set(operationId, plain);
  }

  function run(operationId: string, request: RequestToValidate): string | null {
    // The shape openapi-backend's compiled validators expect: its validateRequest builds the same
    // object, which its public API does not name (the version is pinned; test/validation.test.ts
    // and test/library-internals.test.ts fail when it changes).
    const parameters: Record<string, unknown> = {
      path: request.params ?? {},
      query: request.query ?? {},
      header: request.headers ?? {},
      cookie: {},
    };
    if (request.body !== undefined) parameters.requestBody = request.body;
    let problems: string | null = null;
    for (const validate of validators.get(operationId) ?? []) {
      if (validate(parameters)) continue;
      const text = (validate.errors ?? [])
        .map((error) => `${error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'request'} ${error.message ?? 'is invalid'}`)
        .join('; ');
      problems = problems ? `${problems}; ${text}` : text;
    }
    return problems;
  }

  const validate: RequestValidator = (operationId, request) => {
    if (request.body === undefined && isEmpty(request.params)) {
      if (isEmpty(request.query)) {
        const verdict = emptyVerdicts.get(operationId);
        if (verdict !== undefined) return verdict;
      } else {
        const plain = plainQueries.get(operationId);
        if (plain !== undefined && fitsPlainQuery(request.query!, plain)) return null;
      }
    }
    return run(operationId, request);
  };
  validate.fitsPlainLists = (operationId, query) => {
    const plain = plainQueries.get(operationId);
    return plain !== undefined && query.size > 0 && fitsPlainLists(query, plain);
  };
  return validate;
}

interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

/**
 * Whether no path, header or cookie value can make a request to the operation invalid: it declares
 * only query parameters and optional headers whose schema is just `type: string` (Node hands every
 * header value over as a string). Then a request with no query, path parameters or body always
 * gets the verdict of the empty request.
 */
export function headersCannotFail(parameters: unknown): boolean {
  return ((parameters ?? []) as Parameter[]).every(
    (p) => p.in === 'query' || (p.in === 'header' && p.required !== true && isPlainString(p.schema)),
  );
}

function isPlainString(schema: Record<string, unknown> | undefined): boolean {
  return schema !== undefined && Object.keys(schema).join() === 'type' && schema.type === 'string';
}

/** An operation's query parameters that take any string, and its required ones. */
export interface PlainQuery {
  plain: ReadonlySet<string>;
  required: readonly string[];
}

/**
 * The plain-string query parameters (schema just `type: string`) of an operation whose headers
 * cannot fail either (headersCannotFail) and which has no path parameters; undefined for any other.
 * A request to it that gives only those parameters, each once, and every required one, is valid
 * whatever the values: the schema could only refuse an unknown, repeated or missing parameter.
 */
export function plainQueryOf(parameters: unknown): PlainQuery | undefined {
  if (!headersCannotFail(parameters)) return undefined;
  const plain = new Set<string>();
  const required: string[] = [];
  for (const p of (parameters ?? []) as Parameter[]) {
    if (p.in !== 'query' || p.name === undefined) continue;
    if (isPlainString(p.schema)) plain.add(p.name);
    if (p.required === true) required.push(p.name);
  }
  return { plain, required };
}

/** Whether `query` gives only plain-string parameters, each as one string, and every required one. */
export function fitsPlainQuery(query: Readonly<Record<string, string | string[]>>, { plain, required }: PlainQuery): boolean {
  for (const name in query) if (!plain.has(name) || typeof query[name] !== 'string') return false;
  for (const name of required) if (typeof query[name] !== 'string') return false;
  return true;
}

/**
 * fitsPlainQuery for parameters held as lists: a plain-string parameter given once is one string
 * to the validator, and given more often (or as a list) it is not.
 */
export function fitsPlainLists(query: ReadonlyMap<string, readonly string[]>, { plain, required }: PlainQuery): boolean {
  for (const [name, values] of query) if (!plain.has(name) || values.length !== 1) return false;
  for (const name of required) if (query.get(name)?.length !== 1) return false;
  return true;
}

function isEmpty(object: object | undefined): boolean {
  for (const _ in object) return false;
  return true;
}
