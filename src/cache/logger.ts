/**
 * The slice of pino's API the cache monitor uses; the app passes its pino logger in. A copy of
 * src/backend/logger.ts's interface (the two are structurally identical) so that cache/ does not
 * depend on backend/.
 */

/** A pino-compatible logger: a merge object first, then an optional message. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
