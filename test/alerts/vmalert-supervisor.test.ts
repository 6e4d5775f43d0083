/**
 * createVmalert with the real binary: it follows its targets (a backend that moved, credentials
 * re-read), is not counted as crashed when it does, and stops with its process gone.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createVmalert, type VmalertTargets } from '../../src/alerts/vmalert.ts';
import { silentLogger } from '../../src/logger.ts';
import { renderVmalertRules } from '../../src/wiring/alerts.ts';
import { isAlive } from '../helpers/process-alive.ts';
import { readEnviron } from '../helpers/vmsingle-secrets.ts';
import { tempDirPerTest } from '../helpers/temp-dir.ts';

describe('createVmalert(options)', function () {
  this.timeout(30_000);
  const dir = tempDirPerTest('layer-vmalert');

  it('restarts vmalert with the new backend address and credentials once targets() changes, and only then', async () => {
    let targets: VmalertTargets = {
      backendUrl: 'http://127.0.0.1:1', writeUrl: 'http://127.0.0.1:1', notifierUrl: 'http://127.0.0.1:2',
      evalIntervalMs: 1000, externalUrl: 'http://gateway.invalid', auth: { backend: 'Bearer first-token' },
    };
    const vmalert = createVmalert({ binary: 'vmalert', dataDir: dir(), rules: renderVmalertRules(), targets: () => targets, logger: silentLogger });
    try {
      await vmalert.start();
      const first = vmalert.pid!;
      await vmalert.followTargets();
      assert.equal(vmalert.pid, first, 'restarted although nothing changed');
      targets = { ...targets, backendUrl: 'http://127.0.0.1:3', auth: { backend: 'Bearer second-token' } };
      await vmalert.followTargets();
      const second = vmalert.pid!;
      assert.notEqual(second, first, 'still the first process after its targets changed');
      assert.ok(!isAlive(first), 'the first process is still running');
      const cmdline = (await readFile(`/proc/${second}/cmdline`, 'utf8')).split('\0');
      assert.equal(cmdline[cmdline.indexOf('-datasource.url') + 1], 'http://127.0.0.1:3');
      assert.equal((await readEnviron(second)).datasource_bearerToken, 'second-token');
      assert.equal(vmalert.restarts, 0, 'a restart on request was counted as a crash');
    } finally {
      await vmalert.stop();
    }
    assert.equal(vmalert.pid, undefined);
  });
});
