/** The crash and quarantine guard: queries known to crash the backend, or in flight when it crashed, are refused. */
import { checkQuery } from '../proxy/query-guard.ts';
import type { CheckedRequest } from './check-request.ts';
import type { Passthrough } from './deps.ts';

/** Throws the 400 of a query the guard refuses, counted by its reason. */
export function guard(request: CheckedRequest, { deps, reject }: Passthrough): void {
  const refusal = checkQuery(request.selectors, deps.quarantine);
  if (!refusal) return;
  reject(refusal.reason);
  throw refusal.error;
}
