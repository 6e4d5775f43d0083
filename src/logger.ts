/**
 * What the gateway logs through: the structural `Logger` below, which pino satisfies, so tests can
 * hand in a recording stub and the package's declarations name no logging library. The pino logger
 * itself is built in pino-logger.ts.
 */

/** What the gateway logs through: a merge object first, then an optional message (pino's call shape). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's level check; lets the hot path skip building a line nobody writes. (default: every level is written) */
  isLevelEnabled?(level: string): boolean;
}

/** A Logger that drops everything, for callers (tests, the bench) that report by other means. */
export const silentLogger: Logger = Object.freeze({ debug() {}, info() {}, warn() {}, error() {} });
