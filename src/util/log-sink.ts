/**
 * The slice of pino's API that the backend supervisor and the cache monitor use; the app passes
 * its pino logger in. Declared as an interface rather than pino's type so that tests can hand in
 * a recording stub.
 */

/** A pino-compatible logger: a merge object first, then an optional message. */
export interface LogSink {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A LogSink that drops everything, for callers (tests, the bench) that report by other means. */
export const silentSink: LogSink = Object.freeze({ debug() {}, info() {}, warn() {}, error() {} });
