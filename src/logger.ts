/**
 * What the gateway logs through: the structural `Logger` below, which pino satisfies, so tests can
 * hand in a recording stub and the package's declarations name no logging library. The pino logger
 * itself is built in pino-logger.ts.
 */

/** The fields of a request's access line, in the order they are written. */
export interface AccessEntry {
  requestId: string;
  /** Node's request method; left out when unset, as pino leaves out an undefined field. */
  method: string | undefined;
  path: string;
  route: string;
  /** The status code, or `aborted` for a response cut short. */
  status: string;
  ms: number;
  /** The short id edge auth derived from the token; left out when the request carried none. */
  tokenId: string | undefined;
}

/** What the gateway logs through: a merge object first, then an optional message (pino's call shape). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's level check; lets the hot path skip building a line nobody writes. (default: every level is written) */
  isLevelEnabled?(level: string): boolean;
  /** Writes a request's access line at info, as `info(entry, 'request')` would. (default: that call) */
  accessLine?(entry: AccessEntry): void;
}

/** A Logger that drops everything, for callers (tests, the bench) that report by other means. */
export const silentLogger: Logger = Object.freeze({ debug() {}, info() {}, warn() {}, error() {} });
