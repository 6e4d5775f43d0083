/**
 * A promise whose resolvers are taken right after it is made, through one module-level executor:
 * on a per-request path this saves the closure that `new Promise((resolve, reject) => ...)` makes
 * for every promise. The executor runs synchronously inside `new Promise`, so the resolvers read
 * just after `newPromise()` are that promise's own.
 */

let resolveMade: (value: never) => void = () => {};
let rejectMade: (error: unknown) => void = () => {};

function capture(resolve: (value: never) => void, reject: (error: unknown) => void): void {
  resolveMade = resolve;
  rejectMade = reject;
}

/** A new pending promise; take its resolvers at once with madeResolve() and madeReject(). */
export function newPromise<T>(): Promise<T> {
  return new Promise<T>(capture as (resolve: (value: T) => void, reject: (error: unknown) => void) => void);
}

/** The resolve function of the promise newPromise() made last. */
export function madeResolve<T>(): (value: T) => void {
  return resolveMade as (value: T) => void;
}

/** The reject function of the promise newPromise() made last. */
export function madeReject(): (error: unknown) => void {
  return rejectMade;
}
