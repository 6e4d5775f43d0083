/**
 * An external backend behind its own auth: vmauth (Debian victoria-metrics) in front of a real
 * vmsingle, with a bearer-token user and a Basic-auth user. The gateway's credentials come from
 * LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE, go only to the backend, and are never
 * logged; the client's Authorization (the gateway's own token) never reaches the backend.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startGatewayChild } from '../helpers/child-gateway.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, request } from '../helpers/http.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { startVmsingleProcess, type VmsingleProcess } from '../helpers/vmsingle-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const VMAUTH_TOKEN = 'vmauth-bearer-0123456789';
const VMAUTH_USER = 'gateway';
const VMAUTH_PASSWORD = 'pa ss:word-9876';
const T0 = Math.floor(Date.now() / 1000 / 60) * 60 - 3600;
const QUERY = `query=${encodeURIComponent('sum(auth_total)')}&time=${T0 + 60}`;

async function healthState(url: string): Promise<{ status: number; state: string }> {
  const res = await request(`${url}/health`);
  return { status: res.status, state: (JSON.parse(res.text) as { backend: { state: string } }).backend.state };
}

describe('an external backend behind vmauth', function () {
  this.timeout(60_000);
  let dir: string;
  let vm: VmsingleProcess | undefined;
  let vmauth: ServerProcess | undefined;
  let want: { status: number; body: Buffer };
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = await makeTempDir('layer-vmauth');
    vm = await startVmsingleProcess({ dataDir: file('vm') });
    const imported = await request(`${vm.url}/api/v1/import/prometheus`, { method: 'POST', body: `auth_total 7 ${T0 * 1000}\n` });
    assert.equal(imported.status, 204, imported.text);
    await request(`${vm.url}/internal/force_flush`);
    const direct = await request(`${vm.url}/api/v1/query?${QUERY}`);
    assert.match(direct.text, /"7"/);
    want = { status: direct.status, body: direct.body };
    // The gateway's own API token is a valid vmauth token too: were it forwarded, vmauth would let it through.
    await writeFile(
      file('vmauth.yml'),
      [
        'users:',
        `  - bearer_token: ${JSON.stringify(VMAUTH_TOKEN)}`,
        `    url_prefix: ${JSON.stringify(vm.url)}`,
        `  - bearer_token: ${JSON.stringify(TEST_TOKEN)}`,
        `    url_prefix: ${JSON.stringify(vm.url)}`,
        `  - username: ${JSON.stringify(VMAUTH_USER)}`,
        `    password: ${JSON.stringify(VMAUTH_PASSWORD)}`,
        `    url_prefix: ${JSON.stringify(vm.url)}`,
        '',
      ].join('\n'),
    );
    vmauth = await startServerProcess({
      command: '/usr/bin/vmauth',
      args: (port) => [`-auth.config=${file('vmauth.yml')}`, `-httpListenAddr=127.0.0.1:${port}`],
      readyPath: '/health',
    });
    await writeFile(file('bearer'), `${VMAUTH_TOKEN}\n`);
    await writeFile(file('basic'), `${VMAUTH_USER}:${VMAUTH_PASSWORD}\n`);
    await writeFile(file('wrong'), 'not-the-token\n');
    await writeFile(file('wrong-basic'), `${VMAUTH_USER}:wrong-password\n`);
  });
  after(async () => {
    await vmauth?.stop();
    await vm?.stop();
    await removeTempDir(dir);
  });

  async function withGateway(env: Record<string, string>, check: (gw: TestGateway) => Promise<void>): Promise<void> {
    const gw = await startTestGateway({ env: { LAYER_VM_URL: vmauth!.url, ...env }, captureLogs: true });
    try {
      await check(gw);
    } finally {
      await gw.close();
    }
    const logs = gw.logs.join('\n');
    for (const secret of [VMAUTH_TOKEN, VMAUTH_PASSWORD, Buffer.from(`${VMAUTH_USER}:${VMAUTH_PASSWORD}`).toString('base64')]) {
      assert.ok(!logs.includes(secret), 'a backend credential is in the debug log');
    }
  }

  for (const [kind, env] of [
    ['a bearer token (LAYER_VM_BEARER_TOKEN_FILE)', () => ({ LAYER_VM_BEARER_TOKEN_FILE: file('bearer') })],
    ['Basic auth (LAYER_VM_BASIC_AUTH_FILE)', () => ({ LAYER_VM_BASIC_AUTH_FILE: file('basic') })],
  ] as const) {
    it(`with ${kind}: /health ok and queries byte-identical to vmsingle's, nothing secret in the debug log`, async () => {
      await withGateway(env(), async (gw) => {
        await pollUntil('/health 200', async () => ((await healthState(gw.url)).status === 200 ? true : undefined), 15_000);
        const got = await request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers: bearer(gw.token) });
        assert.equal(got.status, want.status, got.text);
        assert.ok(got.body.equals(want.body), `got ${got.text}; want ${want.body.toString()}`);
      });
    });
  }

  // vmauth 1.79 answers an unknown bearer token or Basic pair with 400 and the credential quoted
  // in plain text (`cannot find the provided auth token "..." in config`), and a missing one with
  // 401. Either way the operator must fix the gateway's credentials, not the client its query.
  for (const [kind, env] of [
    ['a wrong bearer token', () => ({ LAYER_VM_BEARER_TOKEN_FILE: file('wrong') })],
    ['a wrong Basic password', () => ({ LAYER_VM_BASIC_AUTH_FILE: file('wrong-basic') })],
  ] as const) {
    it(`with ${kind}: 502 saying the operator must fix the credentials, /health saying so, a warning logged; neither backend nor credential named`, async () => {
      let logs = '';
      await withGateway(env(), async (gw) => {
        await pollUntil('/health 503 naming the refused credentials', async () => {
          const res = await request(`${gw.url}/health`);
          const body = JSON.parse(res.text) as { backend: { state: string }; reasons: string[] };
          return res.status === 503 && body.backend.state === 'down' && body.reasons.some((r) => r.includes("refused the gateway's credentials")) ? true : undefined;
        }, 15_000);
        const got = await request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers: bearer(gw.token) });
        assert.equal(got.status, 502, got.text);
        const body = JSON.parse(got.text) as { status: string; errorType: string; error: string };
        assert.equal(body.status, 'error');
        assert.equal(body.errorType, 'unavailable');
        assert.match(body.error, /^the metrics backend refused the gateway's credentials; the operator must fix LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE/);
        for (const leak of [String(vmauth!.port), '127.0.0.1', 'not-the-token', 'wrong-password', Buffer.from(`${VMAUTH_USER}:wrong-password`).toString('base64')]) {
          assert.ok(!got.text.includes(leak), `the answer holds ${leak}: ${got.text}`);
        }
        logs = gw.logs.join('\n');
      });
      const warning = logs.split('\n').find((line) => line.includes('"level":40') && line.includes("refused the gateway's credentials"));
      assert.ok(warning, `no warning about the refused credentials in the log:\n${logs.slice(-2000)}`);
      for (const leak of ['not-the-token', 'wrong-password']) assert.ok(!logs.includes(leak), `the log holds ${leak}`);
    });
  }

  it('without credentials where the backend wants them: 502 unavailable saying the operator must fix them', async () => {
    await withGateway({}, async (gw) => {
      const got = await request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers: bearer('some-other-token-0123456789') });
      // The test gateway accepts only TEST_TOKEN.
      assert.equal(got.status, 401, got.text);
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers: bearer(gw.token) });
      assert.equal(res.status, 502, res.text);
      const body = JSON.parse(res.text) as { errorType: string; error: string };
      assert.equal(body.errorType, 'unavailable');
      assert.match(body.error, /refused the gateway's credentials; the operator must fix LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE/);
    });
  });

  it("never forwards the client's Authorization: without backend credentials vmauth refuses, though the client's token is one it knows", async () => {
    await withGateway({}, async (gw) => {
      for (const headers of [bearer(TEST_TOKEN), { Authorization: `Basic ${Buffer.from(`${TEST_TOKEN}:`).toString('base64')}` }]) {
        const got = await request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers });
        assert.equal(got.status, 502, got.text);
      }
    });
  });

  it('rotates by SIGHUP: a corrected file takes effect, a broken one keeps the previous credentials and says why', async () => {
    const tokenFile = file('rotating');
    await writeFile(tokenFile, 'not-the-token\n');
    const gw = await startGatewayChild({ LAYER_VM_URL: vmauth!.url, LAYER_VM_BEARER_TOKEN_FILE: tokenFile, LAYER_DATA_DIR: file('gw'), LAYER_API_TOKENS: TEST_TOKEN, LAYER_LOG_LEVEL: 'debug' });
    try {
      const query = () => request(`${gw.url}/v2/metrics/api/v1/query?${QUERY}`, { headers: bearer(TEST_TOKEN) });
      assert.notEqual((await query()).status, 200);
      await writeFile(tokenFile, `${VMAUTH_TOKEN}\n`);
      gw.child.kill('SIGHUP');
      await pollUntil('queries to succeed after SIGHUP', async () => ((await query()).status === 200 ? true : undefined), 10_000);
      await pollUntil('/health 200 after SIGHUP', async () => ((await healthState(gw.url)).status === 200 ? true : undefined), 15_000);

      await writeFile(tokenFile, 'two\nlines\n');
      gw.child.kill('SIGHUP');
      await pollUntil('the refusal logged', async () => (gw.output().includes('backend credentials not reloaded') ? true : undefined), 10_000);
      assert.match(gw.output(), /holds 2 lines; write exactly one; the previous credentials stay in use/);
      const after = await query();
      assert.equal(after.status, 200, after.text);
      assert.ok(after.body.equals(want.body));
    } finally {
      await gw.stop();
    }
    for (const secret of [VMAUTH_TOKEN, 'not-the-token']) assert.ok(!gw.output().includes(secret), `${secret} is in the debug log`);
  });

  it('refuses to start (exit 2) when the credentials file cannot be read, naming the variable', async () => {
    await assert.rejects(
      startGatewayChild({ LAYER_VM_URL: vmauth!.url, LAYER_VM_BEARER_TOKEN_FILE: file('missing'), LAYER_DATA_DIR: file('gw2'), LAYER_API_TOKENS: TEST_TOKEN }),
      /exited with 2 before it was ready:[\s\S]*LAYER_VM_BEARER_TOKEN_FILE=.*cannot be read \(ENOENT\)/,
    );
  });
});
