/**
 * The bundled vmsingle is locked down: its loopback port is visible to every local user, so
 * without the gateway's generated credentials nothing on it answers but /health, and the
 * credentials are in neither its command line (which `ps` shows everyone) nor anything but its
 * own small environment. Against the gateway as a real process, end to end.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { VMSINGLE_AUTH_KEY_FLAGS, flagEnvName } from '../../src/backend/vmsingle-auth.ts';
import { startGatewayChild, type GatewayChild } from '../helpers/child-gateway.ts';
import { TEST_TOKEN } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, request } from '../helpers/http.ts';
import { readEnviron } from '../helpers/vmsingle-secrets.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

describe('faults: the bundled vmsingle answers only the gateway', function () {
  this.timeout(90_000);
  let dataDir: string;
  let gw: GatewayChild;
  let vm: { pid: number; port: number };
  let vmUrl: string;
  before(async () => {
    dataDir = await makeTempDir('layer-faults-lockdown');
    gw = await startGatewayChild({ LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: TEST_TOKEN, LAYER_SCRAPE_INTERVAL: '1s' });
    vm = gw.vmsingle()!;
    assert.ok(vm, 'no "vmsingle is healthy" line');
    vmUrl = `http://127.0.0.1:${vm.port}`;
  });
  after(async () => {
    await gw?.stop();
    await removeTempDir(dataDir);
  });

  const paths: [string, string][] = [
    ['POST', '/api/v1/import'],
    ['POST', '/api/v1/import/prometheus'],
    ['POST', '/api/v1/write'],
    ['POST', '/api/v1/admin/tsdb/delete_series?match[]=up'],
    ['GET', '/api/v1/query?query=1'],
    ['GET', '/api/v1/export?match[]=up'],
    ['GET', '/metrics'],
    ['GET', '/flags'],
    ['GET', '/config'],
    ['GET', '/snapshot/create'],
    ['GET', '/snapshot/delete_all'],
    ['GET', '/internal/force_flush'],
    ['GET', '/internal/force_merge'],
    ['GET', '/internal/resetRollupResultCache'],
    ['GET', '/debug/pprof/'],
    ['POST', '/-/reload'],
    ['GET', '/api/v1/targets'],
  ];
  it(`refuses ${paths.length} admin, write, read and debug paths without credentials, and with a guessed authKey`, async () => {
    for (const [method, path] of paths) {
      const res = await request(`${vmUrl}${path}`, { method, body: method === 'POST' ? 'x 1\n' : undefined });
      assert.equal(res.status, 401, `${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`);
      const sep = path.includes('?') ? '&' : '?';
      const guessed = await request(`${vmUrl}${path}${sep}authKey=`, { method, headers: { Authorization: `Basic ${Buffer.from('layer-gateway:').toString('base64')}` } });
      assert.ok(guessed.status === 401 || guessed.status === 400, `${method} ${path} with a guessed key: ${guessed.status}`);
    }
    // /health reveals nothing and stays open for probes.
    assert.equal((await request(`${vmUrl}/health`)).status, 200);
  });

  it('shows no secret on its command line and keeps no LAYER_ variable in its environment', async () => {
    const cmdline = (await readFile(`/proc/${vm.pid}/cmdline`, 'utf8')).split('\0');
    const env = await readEnviron(vm.pid);
    const secrets = [env.httpAuth_password, ...VMSINGLE_AUTH_KEY_FLAGS.map((flag) => env[flagEnvName(flag)])];
    assert.equal(secrets.filter((s) => typeof s === 'string' && s.length >= 32).length, secrets.length, 'a generated secret is missing');
    const { stdout: ps } = await run('ps', ['-ww', '-o', 'args=', '-p', String(vm.pid)]);
    for (const secret of secrets) {
      assert.ok(!cmdline.some((arg) => arg.includes(secret!)), 'a secret is on the command line');
      assert.ok(!ps.includes(secret!), 'a secret shows in ps');
    }
    assert.ok(!/auth/i.test(ps.replace('-envflag.enable', '')), `ps shows an auth flag: ${ps}`);
    assert.deepEqual(Object.keys(env).filter((name) => name.startsWith('LAYER_')), []);
    assert.ok(!Object.values(env).some((value) => value.includes(TEST_TOKEN)), 'the API token is in its environment');
  });

  it('still serves the gateway end to end: /health ok, queries, and its scrape of the gateway (layer_* series)', async () => {
    assert.equal((await request(`${gw.url}/health`)).status, 200);
    const value = await pollUntil('layer_catalog_info scraped and queryable through the passthrough', async () => {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent('count(layer_catalog_info{job="layer-gateway"})')}`, { headers: bearer(TEST_TOKEN) });
      return res.status === 200 ? (JSON.parse(res.text) as { data: { result: { value: [number, string] }[] } }).data.result[0]?.value[1] : undefined;
    }, 30_000);
    assert.equal(value, '1');
  });
});
