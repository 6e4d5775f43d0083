/** The crash and quarantine guard: queries known to crash the backend, or in flight when it crashed, are refused. */
import { checkQuery, selectorKey } from '../proxy/query-guard.ts';
import type { CheckedRequest } from './check-request.ts';
import type { Passthrough } from './deps.ts';

/** Throws the 400 of a query the guard refuses, counted by its reason; sets the request's quarantine key. */
export function guard(request: CheckedRequest, { deps, reject }: Passthrough): void {
  // One canonical form per request: the quarantine is checked, and the request tracked, by it.
  if (deps.quarantine !== undefined) request.suspect = selectorKey(request.selectors);
  const refusal = checkQuery(request.selectors, deps.quarantine, request.suspect);
  if (!refusal) return;
  reject(refusal.reason);
  throw refusal.error;
}
