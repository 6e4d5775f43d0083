import { ContractError } from './contract-error.ts';
import { generatedHeader, literal } from './header.ts';
import type { OpenApiLike } from './routes.ts';

const METHODS = ['get', 'post'] as const;

interface ParameterLike {
  $ref?: string;
  name?: string;
  in?: string;
  required?: boolean;
  schema?: { type?: string };
}

/** One operation's query parameters as the passthrough checks them. */
export interface QueryParameterRow {
  /** Every accepted name, in the contract's order. */
  allowed: string[];
  /** Names with `required: true`. */
  required: string[];
  /** Names whose schema is an array (`match[]`): given any number of times. */
  repeatable: string[];
}

function resolve(doc: OpenApiLike, parameter: ParameterLike, where: string, source: string): ParameterLike {
  if (!parameter.$ref) return parameter;
  const prefix = '#/components/parameters/';
  const components = (doc as { components?: { parameters?: Record<string, ParameterLike> } }).components?.parameters ?? {};
  const found = parameter.$ref.startsWith(prefix) ? components[parameter.$ref.slice(prefix.length)] : undefined;
  if (!found) throw new ContractError(`${source}: ${where} refers to ${parameter.$ref}, which components.parameters does not hold`);
  return found;
}

/** The query parameters of every operation that declares any, keyed by operationId, in document order. */
export function queryParameterRows(doc: OpenApiLike, source = 'openapi.yaml'): Record<string, QueryParameterRow> {
  const rows: Record<string, QueryParameterRow> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string; parameters?: ParameterLike[] } | undefined;
      if (!op?.operationId) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const query = (op.parameters ?? []).map((p) => resolve(doc, p, where, source)).filter((p) => p.in === 'query');
      if (query.length === 0) continue;
      rows[op.operationId] = {
        allowed: query.map((p) => p.name ?? ''),
        required: query.filter((p) => p.required === true).map((p) => p.name ?? ''),
        repeatable: query.filter((p) => p.schema?.type === 'array').map((p) => p.name ?? ''),
      };
    }
  }
  return rows;
}

/**
 * Renders src/generated/query-params.ts: the query parameters each operation of openapi.yaml
 * declares (accepted, required, repeatable), which the passthrough's parameter check reads
 * (src/proxy/params.ts), so the contract is the only list of them.
 */
export function renderQueryParams(doc: OpenApiLike, source = 'openapi.yaml'): string {
  const rows = queryParameterRows(doc, source);
  return [
    generatedHeader(source),
    `/** The query parameters of one operation. */`,
    `export interface QueryParameterSpec {`,
    `  /** Every accepted name, in the contract's order. */`,
    `  readonly allowed: readonly string[];`,
    `  /** Names the contract marks required. */`,
    `  readonly required: readonly string[];`,
    `  /** Names with an array schema (\`match[]\`): given any number of times. */`,
    `  readonly repeatable: readonly string[];`,
    `}`,
    '',
    `/** The query parameters of every operation that declares any, keyed by operationId, in document order. */`,
    `export const queryParameters = {`,
    ...Object.entries(rows).map(([id, row]) => `  ${id}: ${literal(row)},`),
    `} as const satisfies Record<string, QueryParameterSpec>;`,
    '',
  ].join('\n');
}
