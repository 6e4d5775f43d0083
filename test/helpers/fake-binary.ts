/**
 * The fake vmsingle (fake-vmsingle.mjs), for the faults a real vmsingle cannot produce on demand.
 * Its mode is written into a small executable wrapper rather than set in this process's
 * environment, so it reaches the fake whoever spawns it (the supervisor in this process, or a
 * gateway child whose environment is its own), and nothing leaks into later tests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * never-healthy: prints a line and never serves /health. ignores-sigint: serves /health, records
 * each SIGINT and keeps running. crash-on-query: serves /health, exits at once on a query
 * containing "crash" and never answers one containing "hang".
 */
export type FakeVmsingleMode = 'never-healthy' | 'ignores-sigint' | 'crash-on-query';

/** Options of writeFakeVmsingle. */
export interface FakeVmsingleOptions {
  mode: FakeVmsingleMode;
  /** A file the fake writes its pid to. (default: none) */
  pidFile?: string;
  /** A file the fake appends `SIGINT` lines to (ignores-sigint). (default: none) */
  signalsFile?: string;
}

const FAKE_VMSINGLE = fileURLToPath(new URL('fake-vmsingle.mjs', import.meta.url));

/** A word for sh: single-quoted, with any single quote closed, escaped and reopened. */
function shellWord(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Writes an executable `victoria-metrics` into `dir` that runs the fake in `options.mode`, and
 * returns its path, to pass as the vmsingle binary. It execs node, so the pid spawned is the fake's.
 */
export async function writeFakeVmsingle(dir: string, options: FakeVmsingleOptions): Promise<string> {
  const env = { FAKE_MODE: options.mode, FAKE_PIDFILE: options.pidFile, FAKE_SIGNALS: options.signalsFile };
  const assignments = Object.entries(env).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${shellWord(value)}`]));
  const path = join(dir, 'victoria-metrics');
  await writeFile(path, `#!/bin/sh\n${assignments.join(' ')} exec ${shellWord(process.execPath)} ${shellWord(FAKE_VMSINGLE)} "$@"\n`, { mode: 0o755 });
  return path;
}
