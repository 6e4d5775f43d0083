import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import { TEST_TOKEN } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { isAlive } from '../helpers/process-alive.ts';
import { tempDirPerTest } from '../helpers/temp-dir.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface Proc {
  child: ChildProcess;
  output: () => string;
}

function startMain(env: Record<string, string>): Proc {
  const child = spawn(TSX, ['src/main.ts'], { env: { ...process.env, LAYER_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  return { child, output: () => output };
}

describe('the gateway process (npm start)', function () {
  this.timeout(60_000);
  const dataDir = tempDirPerTest('layer-main');

  it('stops invalid configuration with exit 2, naming the variable, the value and what is allowed', async () => {
    const proc = startMain({ LAYER_GATEWAY_PORT: '80a', LAYER_METRICS_AUTH: 'maybe', LAYER_DATA_DIR: dataDir() });
    const [code] = await once(proc.child, 'exit');
    assert.equal(code, 2);
    assert.match(proc.output(), /LAYER_GATEWAY_PORT="80a"/);
    assert.match(proc.output(), /LAYER_METRICS_AUTH="maybe".*none.*token/);
  });

  it('starts, refuses a second gateway on the same data directory at once, and stops cleanly on SIGTERM', async () => {
    const first = startMain({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir(), LAYER_API_TOKENS: TEST_TOKEN });
    try {
      const url = await pollUntil('ready line', async () => /ready on (http:\/\/\S+)/.exec(first.output())?.[1], 30_000);
      const health = await request(`${url}/health`);
      assert.equal(health.status, 200, health.text);
      const vmPid = Number(/"pid":(\d+),"binary":"victoria-metrics"/.exec(first.output())?.[1]);
      assert.ok(isAlive(vmPid), 'vmsingle runs');

      const started = Date.now();
      const second = startMain({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir(), LAYER_API_TOKENS: TEST_TOKEN });
      const [code] = await once(second.child, 'exit');
      assert.equal(code, 1);
      assert.match(second.output(), /in use by another gateway/);
      assert.ok(Date.now() - started < 10_000, 'the second gateway did not fail at once');

      first.child.kill('SIGTERM');
      const [exit] = await once(first.child, 'exit');
      assert.equal(exit, 0, first.output().slice(-2000));
      await pollUntil('vmsingle gone', async () => (isAlive(vmPid) ? undefined : true), 10_000);
      assert.match(first.output(), /stopped/);
    } finally {
      first.child.kill('SIGKILL');
    }
  });

  it('says on stderr what the log says about the generated token: generated on the first start, the earlier one on a restart', async () => {
    const dir = dataDir();
    const run = async () => {
      const proc = startMain({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dir, LAYER_API_TOKENS: '' });
      try {
        await pollUntil('ready line', async () => /ready on http/.test(proc.output()) || undefined, 30_000);
        proc.child.kill('SIGTERM');
        await once(proc.child, 'exit');
        const lines = proc.output().split('\n').filter((line) => line.includes('api-token'));
        return { log: lines.filter((line) => line.startsWith('{')).join('\n'), stderr: lines.filter((line) => line.startsWith('layer gateway:')).join('\n') };
      } finally {
        proc.child.kill('SIGKILL');
      }
    };
    const first = await run();
    for (const text of [first.log, first.stderr]) assert.match(text, /generated one into \S+api-token \(mode 0600\)/);
    const second = await run();
    for (const text of [second.log, second.stderr]) {
      assert.match(text, /using the one generated earlier in \S+api-token/);
      assert.doesNotMatch(text, /generated one into/);
    }
  });
});
