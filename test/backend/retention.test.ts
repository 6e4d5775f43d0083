/**
 * LAYER_VM_RETENTION accepts exactly what the real vmsingle 1.79 starts with: each value is given
 * to loadConfig and to `victoria-metrics -retentionPeriod`, and both must agree.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Whether vmsingle starts (answers /health) with -retentionPeriod=value, or exits first. */
async function vmsingleAccepts(value: string, dir: string): Promise<{ ok: boolean; output: string }> {
  const port = await findFreePort();
  const child = spawn('victoria-metrics', [`-storageDataPath=${dir}`, `-httpListenAddr=127.0.0.1:${port}`, `-retentionPeriod=${value}`, '-loggerLevel=ERROR'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  let exited = false;
  const closed = new Promise<void>((resolve) => child.once('close', () => ((exited = true), resolve())));
  try {
    const outcome = await pollUntil(`vmsingle -retentionPeriod=${value} to answer /health or exit`, async () => {
      if (exited) return 'exited';
      return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) })).ok ? 'up' : undefined;
    }, 10_000).catch(() => 'no answer');
    return { ok: outcome === 'up', output };
  } finally {
    if (!exited) child.kill('SIGINT');
    await closed;
  }
}

function configAccepts(value: string): boolean {
  try {
    loadConfig({ LAYER_VM_RETENTION: value });
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

describe('LAYER_VM_RETENTION against victoria-metrics 1.79', function () {
  this.timeout(120_000);
  const values = ['1d', '2w', '1y', '12', '24h', '1d12h', '1.5', '30D', '1200', '1h', '23h', '0', '30m', '1M', '-1', '1201', 'abc'];
  it(`accepts exactly what the binary starts with: ${values.join(' ')}`, async () => {
    const dir = await makeTempDir('layer-retention');
    try {
      for (const [i, value] of values.entries()) {
        const binary = await vmsingleAccepts(value, join(dir, String(i)));
        assert.equal(configAccepts(value), binary.ok, `${value}: loadConfig ${configAccepts(value) ? 'accepts' : 'refuses'}; vmsingle ${binary.ok ? 'starts' : `refuses: ${binary.output.slice(-300)}`}`);
      }
    } finally {
      await removeTempDir(dir);
    }
  });
});
