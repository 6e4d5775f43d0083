/**
 * A request's access line: the log line every request writes at info, the default level. The
 * gateway's own logger writes it by hand, the same bytes pino writes for
 * `logger.info(entry, 'request')`, without pino's general path for a merge object (the credential
 * hook, the redaction pass, a check of each field's type), which the line's fixed fields do not
 * need (docs/decisions.md, "The access line is written by hand").
 * test/logging/access-line.test.ts compares the two byte for byte.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { BatchedDestination, PINO_METADATA } from './log-destination.ts';
import type { AccessEntry } from './logger.ts';

const INFO = pino.levels.values.info!;
const { streamSym, chindingsSym } = pino.symbols;

// How pino writes a string value into a JSON line: on Node 25 and later through JSON.stringify;
// before, a string of up to 100 characters with no control character in it as is, with only `"`
// and `\` escaped (a lone surrogate stays as it is), and any other through JSON.stringify.
const JSON_STRINGIFY_FROM_NODE = 25;
const LONGEST_AS_IS = 100;
// eslint-disable-next-line no-control-regex -- control characters are what decides the escaping
const CONTROL = /[\x00-\x1f]/;
const QUOTE_OR_BACKSLASH = /["\\]/g;
// eslint-disable-next-line no-control-regex -- as above
const PLAIN = /^[^"\\\x00-\x1f]*$/;

function asIsWhenShort(text: string): string {
  if (text.length <= LONGEST_AS_IS) {
    if (PLAIN.test(text)) return `"${text}"`;
    if (!CONTROL.test(text)) return `"${text.replace(QUOTE_OR_BACKSLASH, '\\$&')}"`;
  }
  return JSON.stringify(text);
}

/** `text` as pino writes a string value into a JSON line on this Node line. */
const jsonString: (text: string) => string =
  Number(process.versions.node.split('.')[0]) >= JSON_STRINGIFY_FROM_NODE ? (text) => JSON.stringify(text) : asIsWhenShort;

// pino traces the building of every line on this channel, for tools that watch it.
const pinoLines = tracingChannel('pino_asJson');

/**
 * The `accessLine` method of `logger`, which createLogger made to write to `destination`. It writes
 * by hand when called on `logger` itself (a child may have been given options that change the
 * line), when `destination` reads no metadata from pino or is the batched stdout, which reads only
 * the level (pino.multistream reads more), and while nothing watches pino build its lines;
 * otherwise through `info(entry, 'request')`.
 */
export function accessLineOf(logger: PinoLogger, destination: DestinationStream): (this: PinoLogger, entry: AccessEntry) => void {
  const handWritten = !(PINO_METADATA in destination) || destination instanceof BatchedDestination;
  return function (this: PinoLogger, entry: AccessEntry): void {
    if (handWritten && this === logger && pinoLines.hasSubscribers === false) writeAccessLine(this, entry);
    else this.info(entry, 'request');
  };
}

/**
 * Writes `entry` through `logger` as `logger.info(entry, 'request')` would for a pino logger with
 * the options createLogger gives it (default time, level numbers, message key and bindings), and
 * nothing when info is not enabled.
 */
function writeAccessLine(logger: PinoLogger, entry: AccessEntry): void {
  if (logger.levelVal > INFO) return;
  // pino exposes these symbols for integrations (its API docs, `pino.symbols`): the destination,
  // and the logger's bindings as pino serialized them once (`,"pid":…,"hostname":…`).
  const state = logger as unknown as Record<symbol, unknown>;
  const stream = state[streamSym] as DestinationStream & { lastLevel?: number };
  const { method, tokenId, ms } = entry;
  const line =
    `{"level":${INFO},"time":${Date.now()}${state[chindingsSym] as string},"requestId":${jsonString(entry.requestId)}` +
    `${method === undefined ? '' : `,"method":${jsonString(method)}`},"path":${jsonString(entry.path)}` +
    `,"route":${jsonString(entry.route)},"status":${jsonString(entry.status)},"ms":${Number.isFinite(ms) ? ms : null}` +
    `${tokenId === undefined ? '' : `,"tokenId":${jsonString(tokenId)}`},"msg":"request"}\n`;
  // pino tells a destination that asks for it the level of the line it is about to write.
  if (PINO_METADATA in stream) stream.lastLevel = INFO;
  stream.write(line);
}
