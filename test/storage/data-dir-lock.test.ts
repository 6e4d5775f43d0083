import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GatewayError, StartupError } from '../../src/errors.ts';
import { acquireDataDirLock, DataDirLockedError, PID_FILE } from '../../src/storage/data-dir-lock.ts';
import { tempDirPerTest } from '../helpers/temp-dir.ts';

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await once(child, 'exit');
  assert.ok(child.pid);
  return child.pid;
}

/** Runs `fn` while holding the lock of `dataDir`, released afterwards. */
async function withLock(dataDir: string, fn: () => Promise<void>): Promise<void> {
  const lock = await acquireDataDirLock(dataDir);
  try {
    await fn();
  } finally {
    await lock.release();
  }
}

describe('acquireDataDirLock(dataDir)', () => {
  const root = tempDirPerTest('data-dir-lock');

  it('creates a missing directory and writes our pid', async () => {
    const dataDir = join(root(), 'a', 'b');
    await withLock(dataDir, async () => {
      assert.equal(await readFile(join(dataDir, PID_FILE), 'utf8'), `${process.pid}\n`);
    });
  });

  it('fails a second acquire with ERR_DATA_DIR_LOCKED and a message saying what to do', async () => {
    const dataDir = join(root(), 'data');
    await withLock(dataDir, async () => {
      await assert.rejects(acquireDataDirLock(dataDir), (err: unknown) => {
        assert.ok(err instanceof DataDirLockedError);
        assert.equal(err.code, 'ERR_DATA_DIR_LOCKED');
        assert.equal(err.pid, process.pid);
        assert.ok(err instanceof StartupError && !(err instanceof GatewayError), 'want a start-up error without an HTTP status');
        assert.equal(
          err.message,
          `data directory ${dataDir} is in use by another gateway (pid ${process.pid}); stop it or set LAYER_DATA_DIR to another directory`,
        );
        return true;
      });
    });
  });

  it('names the directory as it was given, e.g. ./data', async () => {
    const cwd = process.cwd();
    process.chdir(root());
    try {
      await withLock('./data', async () => {
        await assert.rejects(acquireDataDirLock('./data'), {
          message: `data directory ./data is in use by another gateway (pid ${process.pid}); stop it or set LAYER_DATA_DIR to another directory`,
        });
      });
    } finally {
      process.chdir(cwd);
    }
  });

  it('fails when another live process holds it', async () => {
    const other = spawn('sleep', ['30']);
    try {
      await once(other, 'spawn');
      await writeFile(join(root(), PID_FILE), `${other.pid}\n`);
      await assert.rejects(acquireDataDirLock(root()), { code: 'ERR_DATA_DIR_LOCKED', pid: other.pid });
    } finally {
      other.kill();
    }
  });

  it('takes over a stale pid file whose process is dead', async () => {
    const pid = await deadPid();
    await writeFile(join(root(), PID_FILE), `${pid}\n`);
    await withLock(root(), async () => {
      assert.equal(await readFile(join(root(), PID_FILE), 'utf8'), `${process.pid}\n`);
    });
  });

  it('takes over a pid file that stays empty or holds garbage', async () => {
    for (const content of ['', 'not a pid\n']) {
      await writeFile(join(root(), PID_FILE), content);
      const lock = await acquireDataDirLock(root());
      assert.equal(await readFile(join(root(), PID_FILE), 'utf8'), `${process.pid}\n`, `content ${JSON.stringify(content)}`);
      await lock.release();
    }
  });

  it('release() removes the pid file, is idempotent, and frees the directory', async () => {
    const lock = await acquireDataDirLock(root());
    await lock.release();
    assert.equal(existsSync(join(root(), PID_FILE)), false);
    await lock.release();
    const again = await acquireDataDirLock(root());
    await again.release();
  });

  it('release() leaves a pid file that another gateway took over', async () => {
    const lock = await acquireDataDirLock(root());
    await writeFile(join(root(), PID_FILE), '1\n');
    await lock.release();
    assert.equal(await readFile(join(root(), PID_FILE), 'utf8'), '1\n');
  });
});
