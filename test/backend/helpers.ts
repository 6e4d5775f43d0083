/**
 * Test helpers shared by the backend and cache tests: polling with a deadline instead of sleeps,
 * a logger that records what it was told, and temporary directories.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogSink as Logger } from '../../src/util/log-sink.ts';

/** Polls `check` every intervalMs until it returns a truthy value or deadlineMs passes, then throws saying what was awaited. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, deadlineMs = 10_000, intervalMs = 20): Promise<NonNullable<T>> {
  const until = Date.now() + deadlineMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${last ? `; last error: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

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

/** A fresh directory under the OS temp dir. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}-`));
}

/** Whether a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
