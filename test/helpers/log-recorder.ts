/**
 * Logs kept for assertions: a stub Logger that records each call (for the backend supervisor and
 * the cache monitor), and a real pino logger whose JSON lines are kept (for redaction and output).
 */
import assert from 'node:assert/strict';
import type { Logger } from '../../src/logger.ts';
import { createLogger } from '../../src/pino-logger.ts';
import type { LogLevel } from '../../src/config.ts';

/** One recorded log call. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A Logger that keeps every call in `entries`; set LOG=1 to also print them. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => {
    entries.push({ level, obj, msg });
    if (process.env.LOG) console.log(level, msg, level === 'debug' ? '' : JSON.stringify(obj));
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The gateway's pino logger at `level` (default: trace), and the JSON lines it wrote, each ending in a newline. */
export function captureLogger(level: LogLevel = 'trace'): { logger: ReturnType<typeof createLogger>; lines: string[]; text(): string } {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, text: () => lines.join('') };
}

/** Fails unless none of `secrets` appears in the captured log text. */
export function assertNotLogged(logText: string, secrets: readonly string[]): void {
  const leaked = secrets.filter((secret) => logText.includes(secret));
  assert.equal(leaked.length, 0, `got ${leaked.length} token(s) in the log output; want none:\n${logText}`);
}
