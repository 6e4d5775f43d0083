/** Checking a read passthrough request's parameters, in one step, before anything is sent. */
import { BadRequestError } from '../errors.ts';
import { operations } from '../generated/routes.ts';
import { checkMatchLimits } from '../proxy/match-limits.ts';
import { checkParams, PARAM_RULES, SELECTOR_PARAMS, type Endpoint, type Params } from '../proxy/params.ts';
import { checkQueryLength } from '../proxy/query-length.ts';
import type { Passthrough } from './deps.ts';

/** A checked request: the client's raw bytes to forward and what was read from them. */
export interface CheckedRequest {
  rawQuery: string;
  body: Buffer | undefined;
  params: Params;
  /** The PromQL and series selectors it carries, for the crash and quarantine guard. */
  selectors: string[];
  labelName: string | undefined;
  /** The quarantine key of `selectors` (selectorKey), set by the guard when there is a quarantine; else empty. */
  suspect: string;
}

/** The parameters as the contract's validators see them: lists as arrays, every other parameter as its one value. */
function contractValues(endpoint: Endpoint, params: Params): Record<string, string | string[]> {
  const repeatable = PARAM_RULES[endpoint].repeatable;
  const values: Record<string, string | string[]> = {};
  for (const [name, list] of params) values[name] = repeatable.has(name) ? list : list[0]!;
  return values;
}

/**
 * Checks the parameters and returns the raw bytes to forward, or throws the 400 to answer.
 * Synchronous: a GET has nothing to wait for, and an await would cost it a promise and a turn.
 */
export function checkRequest(p: Passthrough, labelName: string | undefined, rawQuery: string, body: Buffer | undefined): CheckedRequest {
  const { endpoint, operationId, deps } = p;
  // Names, counts and presence (checkParams) come first, with the messages that name the fix;
  // the contract's schemas then judge the values.
  const params = checkParams(endpoint, rawQuery, body?.toString('latin1'));
  // Sizes first: every later check, the crash scan among them, costs time in the text's length.
  checkQueryLength(params, deps.queryLength);
  checkMatchLimits(params, deps.matchLimits);
  // Most GETs give only parameters that take any string: then the verdict needs no values object.
  const anyValues = body === undefined && labelName === undefined && deps.validate.fitsPlainLists?.(operationId, params) === true;
  if (!anyValues) {
    const values = contractValues(endpoint, params);
    const pathParams = labelName === undefined ? undefined : { name: labelName };
    // The contract types a form body's fields as strings; a list's entries are checked one by one there.
    const problem = deps.validate(
      operationId,
      operations[operationId].method === 'GET' ? { query: values, params: pathParams } : { body: values as Record<string, string>, params: pathParams },
    );
    if (problem) throw new BadRequestError(`invalid parameters: ${problem}`);
  }
  const selectors: string[] = [];
  for (const [name, list] of params) if (SELECTOR_PARAMS.has(name)) for (const selector of list) selectors.push(selector);
  return { rawQuery, body, params, selectors, labelName, suspect: '' };
}
