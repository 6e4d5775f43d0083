/**
 * The gateway's own logger: pino, JSON lines to stdout (written once per event-loop turn, see
 * log-destination.ts), with credentials redacted before they are serialized, so a careless
 * `logger.info({ req })` cannot leak a token. Only main.ts and the embedding entry build one;
 * everything else takes the structural `Logger` (logger.ts).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.ts';
import { batchedStdout } from './log-destination.ts';

/** Options of createLogger. */
export interface LoggerOptions {
  /** Lowest level written; LAYER_LOG_LEVEL. */
  level: LogLevel;
  /** Where JSON lines go; tests pass a stream that keeps them. (default: stdout, batched per event-loop turn) */
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
  return pino(settings, options.destination ?? batchedStdout());
}
