/**
 * The gateway's logger: pino, JSON lines to stdout, with credentials redacted before they are
 * serialized, so a careless `logger.info({ req })` cannot leak a token. Everything except main.ts
 * takes the structural `Logger` below, which pino satisfies, so tests can hand in a recording stub.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.ts';

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

/** Options of createLogger. */
export interface LoggerOptions {
  /** Lowest level written; LAYER_LOG_LEVEL. */
  level: LogLevel;
  /** Where JSON lines go; tests pass a stream that keeps them. (default: stdout) */
  destination?: DestinationStream;
}

/** The censor that replaces every redacted value. */
export const REDACTED = '[redacted]';

// pino's `*.token` matches one level down only, so the top-level keys are listed too.
// Proxy-Authorization and Set-Cookie carry credentials just like Authorization and Cookie.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'tokens',
  'apiTokens',
  '*.token',
  '*.tokens',
  '*.apiTokens',
];

/**
 * Builds the gateway's pino logger with credentials redacted. It is typed as pino's own logger
 * so that main.ts keeps pino's string-only calls; it is passed on as a `Logger`.
 */
export function createLogger(options: LoggerOptions): PinoLogger {
  const settings = { level: options.level, redact: { paths: REDACT_PATHS, censor: REDACTED } };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
