/**
 * The slice of pino's API the backend uses; the app passes its pino logger in. Declared here
 * rather than imported from pino so tests can hand in a recording stub.
 */

/** A pino-compatible logger: a merge object first, then an optional message. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
