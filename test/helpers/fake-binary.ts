/**
 * The fake vmsingle binary (fake-vmsingle.mjs), for the faults a real vmsingle cannot produce on
 * demand. It reads its mode from the environment it inherits, so the mode is set for the time of
 * one callback and removed afterwards, also when the callback fails.
 */
import { fileURLToPath } from 'node:url';

/** never-healthy: prints a line and never serves /health. ignores-sigint: serves /health, records each SIGINT and keeps running. */
export type FakeVmsingleMode = 'never-healthy' | 'ignores-sigint';

/** Options of withFakeVmsingle. */
export interface FakeVmsingleOptions {
  mode: FakeVmsingleMode;
  /** A file the fake writes its pid to. (default: none) */
  pidFile?: string;
  /** A file the fake appends `SIGINT` lines to (ignores-sigint). (default: none) */
  signalsFile?: string;
}

/** Path of the fake binary, to pass as the vmsingle binary. */
export const FAKE_VMSINGLE = fileURLToPath(new URL('fake-vmsingle.mjs', import.meta.url));

/** Runs `fn` with the fake binary's path while its environment selects `options.mode`. */
export async function withFakeVmsingle<T>(options: FakeVmsingleOptions, fn: (binary: string) => Promise<T>): Promise<T> {
  const env: Record<string, string | undefined> = { FAKE_MODE: options.mode, FAKE_PIDFILE: options.pidFile, FAKE_SIGNALS: options.signalsFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
  try {
    return await fn(FAKE_VMSINGLE);
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
}
