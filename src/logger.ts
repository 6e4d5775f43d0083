/**
 * The gateway's logger: pino, JSON lines to stdout, with credentials redacted before they are
 * serialized, so a careless `logger.info({ req })` cannot leak a token.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.ts';

/** The gateway's logger type (pino's). */
export type Logger = PinoLogger;

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

/** Builds the gateway's pino logger with credentials redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = { level: options.level, redact: { paths: REDACT_PATHS, censor: REDACTED } };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
