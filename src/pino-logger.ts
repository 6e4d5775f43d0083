/**
 * The gateway's own logger: pino, JSON lines to stdout (written in batches, see
 * log-destination.ts), with credentials redacted before they are serialized, so a careless
 * `logger.info({ req })` cannot leak a token; access lines, whose fields are known, are written
 * without that pass (access-line.ts). Only main.ts and the embedding entry build one; everything
 * else takes the structural `Logger` (logger.ts).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.ts';
import { accessLineOf } from './access-line.ts';
import { batchedStdout } from './log-destination.ts';
import type { Logger } from './logger.ts';
import { bindingsCensored, SECRET_NAMES, withNestedSecretsCensored } from './nested-secrets.ts';

/** Options of createLogger. */
export interface LoggerOptions {
  /** Lowest level written; LAYER_LOG_LEVEL. */
  level: LogLevel;
  /** Where JSON lines go; tests pass a stream that keeps them. (default: stdout, batched; see log-destination.ts) */
  destination?: DestinationStream;
}

/** The censor that replaces every redacted value. */
export const REDACTED = '[redacted]';

// Proxy-Authorization and Set-Cookie carry credentials just like Authorization and Cookie.
// SECRET_NAMES one level down in any object are censored by nested-secrets.ts.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_NAMES,
];

/**
 * Builds the gateway's pino logger with credentials redacted. It is typed as pino's own logger
 * so that main.ts keeps pino's string-only calls; it is passed on as a `Logger`.
 */
export function createLogger(options: LoggerOptions): PinoLogger & Required<Pick<Logger, 'accessLine'>> {
  const destination = options.destination ?? batchedStdout();
  const logger = pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          withNestedSecretsCensored(args, REDACTED, () => method.apply(this, args));
        },
      },
    },
    destination,
  );
  // pino serializes a child's bindings once, when the child is made, past the hook above. Children
  // inherit these two from the root.
  const { child, setBindings } = logger;
  logger.child = function (this: PinoLogger, bindings, childOptions) {
    return child.call(this, bindingsCensored(bindings, REDACTED), childOptions);
  } as PinoLogger['child'];
  logger.setBindings = function (this: PinoLogger, bindings) {
    setBindings.call(this, bindingsCensored(bindings, REDACTED));
  };
  return Object.assign(logger, { accessLine: accessLineOf(logger, destination) });
}
