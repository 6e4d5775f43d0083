/**
 * The bundled vmalert on a real vmsingle: the catalog's rules served through the gateway in
 * Prometheus's shape, the rules file accepted by promtool, vmalert locked down like vmsingle
 * (loopback, credentials only in its environment) and restarted by its supervisor when killed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RULES_FILE } from '../../src/alerts/vmalert.ts';
import { servedCatalog } from '../../src/generated/catalog.ts';
import { useTestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { isAlive } from '../helpers/process-alive.ts';
import { readEnviron } from '../helpers/vmsingle-secrets.ts';

const run = promisify(execFile);

interface RulesBody {
  status: string;
  data: { groups: { name: string; rules: { name: string; type: string; duration?: number }[] }[] };
}

describe('bundled vmalert', function () {
  this.timeout(60_000);
  const gw = useTestGateway();

  it('serves every catalog alert at /v2/metrics/api/v1/rules, token-protected, with its for duration', async () => {
    const open = await request(`${gw().url}/v2/metrics/api/v1/rules`);
    assert.equal(open.status, 401, `got ${open.status} without a token; want 401`);
    const res = await request(`${gw().url}/v2/metrics/api/v1/rules?type=alert`, { headers: bearer(gw().token) });
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as RulesBody;
    assert.equal(body.status, 'success');
    const served = new Map(body.data.groups.flatMap((g) => g.rules.map((r) => [r.name, r.duration] as const)));
    const wanted = servedCatalog.entries.flatMap((e) => (e.alert ? [e.alert] : []));
    assert.deepEqual([...served.keys()].sort(), wanted.map((a) => a.name).sort());
    const cache = wanted.find((a) => a.name === 'CacheDisconnected')!;
    assert.equal(served.get('CacheDisconnected'), 300, `CacheDisconnected duration ${served.get('CacheDisconnected')}; want the catalog's ${cache.for}`);
  });

  it('answers /v2/metrics/api/v1/alerts in Prometheus shape (an empty list is [], never null)', async () => {
    const res = await request(`${gw().url}/v2/metrics/api/v1/alerts`, { headers: bearer(gw().token) });
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as { status: string; data: { alerts: unknown } };
    assert.equal(body.status, 'success');
    assert.ok(Array.isArray(body.data.alerts), `got alerts ${JSON.stringify(body.data.alerts)}; want an array`);
  });

  it('shows the alert counts in /health with the bundled source, and stays 200', async () => {
    const res = await request(`${gw().url}/health`);
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as { alerts: { firing: number; pending: number; source: string } };
    assert.equal(body.alerts.source, 'bundled');
    assert.equal(typeof body.alerts.firing, 'number');
    assert.equal(typeof body.alerts.pending, 'number');
  });

  it('writes a rules file promtool accepts', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', join(gw().dataDir, RULES_FILE)]);
    assert.match(stdout, /SUCCESS: \d+ rules found/);
  });

  it('is locked down: loopback only, no secret on its command line, its API refuses requests without credentials', async () => {
    const vmalert = gw().gateway.vmalert!;
    const pid = vmalert.pid!;
    assert.match(vmalert.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    assert.ok(cmdline.includes('-envflag.enable'), cmdline.join(' '));
    const env = await readEnviron(pid);
    const secrets = ['httpAuth_password', 'datasource_basicAuth_password', 'remoteWrite_basicAuth_password', 'notifier_basicAuth_password', 'flagsAuthKey'];
    for (const name of secrets) {
      assert.ok(env[name], `vmalert's environment lacks ${name}`);
      assert.ok(!cmdline.some((arg) => arg.includes(env[name]!)), `${name} is on the command line`);
    }
    assert.equal(env.LAYER_API_TOKENS, undefined, 'the gateway environment leaked into vmalert');
    const open = await request(`${vmalert.url}/api/v1/alerts`);
    assert.equal(open.status, 401, `vmalert answered ${open.status} without credentials; want 401`);
  });

  it('is restarted by its supervisor when killed, and the rules are served again', async () => {
    const vmalert = gw().gateway.vmalert!;
    const before = vmalert.pid!;
    process.kill(before, 'SIGKILL');
    const after = await pollUntil('vmalert restarted', () => (vmalert.pid !== undefined && vmalert.pid !== before ? vmalert.pid : undefined), 20_000);
    assert.ok(isAlive(after));
    assert.equal(vmalert.restarts, 1);
    await pollUntil('rules served again', async () => ((await request(`${gw().url}/v2/metrics/api/v1/rules`, { headers: bearer(gw().token) })).status === 200 ? true : undefined), 10_000);
  });
});
