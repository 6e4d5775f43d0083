/**
 * One gateway per data directory: a `gateway.pid` file created with O_EXCL records the owner.
 * vmsingle locks its own storage (`flock.lock`), but only after it has started; this lock fails
 * earlier, with a message that names the other gateway, instead of a vmsingle stack trace.
 */
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** The pid file's name inside the data directory. */
export const PID_FILE = 'gateway.pid';

/** Another live gateway holds the data directory. */
export class DataDirLockedError extends StartupError {
  override name = 'DataDirLockedError';
  /** The pid recorded by the other gateway. */
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      'ERR_DATA_DIR_LOCKED',
      `data directory ${dataDir} is in use by another gateway (pid ${pid}); stop it or set LAYER_DATA_DIR to another directory`,
    );
    this.pid = pid;
  }
}

/** A held data directory; release() removes the pid file (idempotent). */
export interface DataDirLock {
  /** Where the pid file is. */
  readonly path: string;
  release(): Promise<void>;
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a pid file; null when the file exists but holds no pid yet, undefined when it is gone. */
async function readPid(path: string): Promise<number | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const pid = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Creates the pid file exclusively; false when it already exists. */
async function tryCreate(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Creates the data directory (and missing parents) readable by this user only: it holds the token
 * files and the metrics. An existing directory that others may enter is left as it is, with a
 * warning: its mode may be deliberate (a group that backs it up, a volume whose mode the platform
 * sets), and a chmod there would be a change the operator did not ask for.
 */
async function prepareDataDir(dataDir: string, logger: Pick<Logger, 'warn'> | undefined): Promise<void> {
  const created = await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (created !== undefined) return;
  const mode = (await stat(dataDir)).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    logger?.warn(
      { path: dataDir, mode: mode.toString(8) },
      `data directory ${dataDir} is accessible by other users (mode ${mode.toString(8)}); it holds API tokens and metrics: chmod 700 it unless that is intended`,
    );
  }
}

/**
 * Claims the data directory for this process: creates it (mode 0700) if missing and writes
 * `gateway.pid`; rejects with ERR_DATA_DIR_LOCKED when the recorded pid is alive, takes over a file
 * whose pid is dead. `logger` hears about an existing directory that others may access.
 */
export async function acquireDataDirLock(dataDir: string, logger?: Pick<Logger, 'warn'>): Promise<DataDirLock> {
  await prepareDataDir(dataDir, logger);
  const path = join(dataDir, PID_FILE);
  let emptyLooks = 0;
  // A few rounds cover the races: the file vanishing between open and read, or another gateway
  // having created it but not yet written its pid.
  for (let round = 0; round < 10; round++) {
    if (await tryCreate(path)) return heldLock(path);
    const pid = await readPid(path);
    if (pid === undefined) continue;
    if (pid !== null && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
    if (pid === null && emptyLooks < 4) {
      // Its creator may be between open() and write(); look again shortly.
      emptyLooks += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    // Stale: a dead pid, or still no pid after ~80 ms. Two gateways taking over the same stale
    // file in the same instant could both win; vmsingle's flock.lock still stops the second one.
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  throw new StartupError('ERR_DATA_DIR_LOCK_RACE', `could not create ${path}: it keeps reappearing; is another gateway starting on ${dataDir}?`);
}

function heldLock(path: string): DataDirLock {
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      // Remove only our own file: if it was taken over meanwhile, it is not ours to delete.
      if ((await readPid(path)) !== process.pid) return;
      await unlink(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
  };
}
