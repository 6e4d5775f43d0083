/** Helpers of the auth tests: a logger whose output is kept, and a scratch directory. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, type Logger } from '../../src/logger.ts';

/** A trace-level logger and the JSON lines it wrote. */
export function captureLogger(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, text: () => lines.join('') };
}

/** Fails unless none of `secrets` appears in the captured log text. */
export function assertNotLogged(logText: string, secrets: readonly string[]): void {
  const leaked = secrets.filter((secret) => logText.includes(secret));
  assert.equal(leaked.length, 0, `got ${leaked.length} token(s) in the log output; want none:\n${logText}`);
}

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'layer-auth-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
