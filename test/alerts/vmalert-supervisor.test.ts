/**
 * createVmalert with the real binary: it follows its targets (a backend that moved, credentials
 * re-read), is not counted as crashed when it does, and stops with its process gone.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRulesAccess } from '../../src/alerts/rules-access.ts';
import { createVmalert, type VmalertTargets } from '../../src/alerts/vmalert.ts';
import { silentLogger } from '../../src/logger.ts';
import { renderVmalertRules } from '../../src/wiring/alerts.ts';
import { pollUntil } from '../helpers/poll-until.ts';
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

  it("serves its rules through createRulesAccess without the backend's address, which a rule's lastError quotes", async () => {
    const backend = 'http://127.0.0.1:9';
    const targets: VmalertTargets = { backendUrl: backend, writeUrl: backend, notifierUrl: 'http://127.0.0.1:2', evalIntervalMs: 1000, externalUrl: 'http://gateway.invalid', auth: {} };
    const vmalert = createVmalert({ binary: 'vmalert', dataDir: dir(), rules: renderVmalertRules(), targets: () => targets, logger: silentLogger });
    const rules = createRulesAccess({ vmTimeoutMs: 5000 }, () => [backend, '127.0.0.1:9', '127.0.0.1', ':9']);
    rules.bundled.vmalert = vmalert;
    try {
      await vmalert.start();
      await pollUntil('a lastError quoting the backend', async () => {
        const raw = await fetch(`${vmalert.url}/api/v1/rules`, { headers: { authorization: vmalert.authorization } });
        return (await raw.text()).includes('127.0.0.1:9') ? true : undefined;
      }, 10_000, 100);
      const answer = await rules.get('/api/v1/rules', '');
      const text = answer.body.toString('utf8');
      assert.equal(answer.status, 200);
      assert.ok(!text.includes('127.0.0.1:9'), `the answer names the backend: ${text.slice(0, 300)}`);
      assert.match(text, /\[backend\]/);
    } finally {
      await vmalert.stop();
    }
  });
});
