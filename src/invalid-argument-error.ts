/**
 * The error the embedding API throws for a value it refuses: a TypeError, as Node's own argument
 * errors are, with a stable `code` a host can branch on instead of the message's text.
 */

/**
 * What was refused:
 * - `ERR_INVALID_AMOUNT`: a duration or count that is negative, not finite or not a number;
 * - `ERR_INVALID_NAMESPACE`: a namespace name not matching ^[A-Za-z0-9_.-]{1,128}$;
 * - `ERR_INVALID_NAMESPACE_STATE`: a namespace state other than `warm`, `warming`, `cold`;
 * - `ERR_INVALID_CACHE_STATE`: a cache report other than `warm`, `warming`, `cold`, `disconnected`.
 */
export type InvalidArgumentCode = 'ERR_INVALID_AMOUNT' | 'ERR_INVALID_NAMESPACE' | 'ERR_INVALID_NAMESPACE_STATE' | 'ERR_INVALID_CACHE_STATE';

/** A value the embedding API refused; the message names the call, the value and what is allowed. */
export class InvalidArgumentError extends TypeError {
  override name = 'InvalidArgumentError';
  readonly code: InvalidArgumentCode;

  constructor(code: InvalidArgumentCode, message: string) {
    super(message);
    this.code = code;
  }
}
