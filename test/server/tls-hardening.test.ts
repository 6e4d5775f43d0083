/**
 * TLS settings of the edge, checked with openssl's own client: TLS 1.2 offers only AEAD suites
 * (Mozilla's "intermediate" profile) with an ECDSA and with an RSA certificate, and HTTPS answers
 * carry Strict-Transport-Security (LAYER_TLS_HSTS_MAX_AGE; 0 sends none), plain HTTP ones never.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** A self-signed certificate for 127.0.0.1 with an EC P-256 or an RSA 2048 key, as cert.pem and key.pem in dir. */
async function makeCertificate(dir: string, kind: 'ec' | 'rsa'): Promise<{ certFile: string; keyFile: string }> {
  const key = kind === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', 'rsa:2048'];
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  await run('openssl', ['req', '-x509', ...key, '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { cwd: dir });
  return { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
}

/** Whether `openssl s_client` completes a TLS 1.2 handshake offering only `cipher`; resolves with the suite it got. */
function handshake(port: number, cipher: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_2', '-cipher', cipher], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stdin.end(); // s_client says Q and closes once its input ends
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const suite = /Cipher is (\S+)/.exec(out)?.[1];
      resolve(code === 0 && suite !== '(NONE)' ? suite : undefined);
    });
  });
}

/** An HTTPS GET that trusts any certificate (the test checks headers, not trust). */
function httpsGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false, headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      })
      .on('error', reject);
  });
}

// Non-AEAD suites (CBC with SHA-1 or SHA-2 MACs), CCM8 and ARIA, per key type, and AEAD ones that must work.
const SUITES = {
  ec: {
    refused: ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-ECDSA-AES128-CCM8', 'ECDHE-ECDSA-ARIA128-GCM-SHA256'],
    accepted: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  },
  rsa: {
    refused: ['ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES256-SHA384', 'AES256-SHA', 'AES128-SHA256', 'AES256-SHA256', 'AES128-GCM-SHA256', 'AES128-CCM8', 'ECDHE-ARIA256-GCM-SHA384'],
    accepted: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-CHACHA20-POLY1305'],
  },
} as const;

describe('TLS hardening at the edge', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const gateways: TestGateway[] = [];
  after(async () => {
    for (const gw of gateways) await gw.close();
    for (const dir of dirs) await removeTempDir(dir);
  });

  /** A gateway over HTTPS (or plain HTTP without `kind`); nothing reaches its backend. */
  async function gatewayWith(kind: 'ec' | 'rsa' | undefined, env: Record<string, string> = {}): Promise<TestGateway> {
    const tlsEnv: Record<string, string> = {};
    if (kind) {
      const dir = await makeTempDir(`layer-tls-${kind}`);
      dirs.push(dir);
      const { certFile, keyFile } = await makeCertificate(dir, kind);
      Object.assign(tlsEnv, { LAYER_TLS_CERT_FILE: certFile, LAYER_TLS_KEY_FILE: keyFile });
    }
    const gw = await startTestGateway({ env: { LAYER_VM_URL: 'http://127.0.0.1:9', ...tlsEnv, ...env } });
    gateways.push(gw);
    return gw;
  }

  for (const kind of ['ec', 'rsa'] as const) {
    it(`with an ${kind.toUpperCase()} certificate, TLS 1.2 completes only with AEAD suites`, async () => {
      const gw = await gatewayWith(kind);
      const port = Number(new URL(gw.url).port);
      const got: Record<string, string | undefined> = {};
      for (const suite of [...SUITES[kind].refused, ...SUITES[kind].accepted]) got[suite] = await handshake(port, suite);
      const want = Object.fromEntries([...SUITES[kind].refused.map((s) => [s, undefined]), ...SUITES[kind].accepted.map((s) => [s, s])]);
      assert.deepEqual(got, want);
    });
  }

  it('sends Strict-Transport-Security with max-age=31536000 on every HTTPS answer, errors included', async () => {
    const gw = await gatewayWith('ec');
    for (const [path, headers, status] of [
      ['/health', {}, 503],
      ['/livez', {}, 200],
      ['/v2/metrics/api/v1/status/buildinfo', { Authorization: `Bearer ${TEST_TOKEN}` }, 200],
      ['/v2/metrics/api/v1/status/buildinfo', {}, 401],
      ['/v2/metrics/api/v1/query?query=up', { Authorization: `Bearer ${TEST_TOKEN}` }, 502],
      ['/no/such/route', {}, 404],
    ] as const) {
      const res = await httpsGet(`${gw.url}${path}`, headers);
      assert.equal(res.status, status, path);
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000', `${path}: got ${String(res.headers['strict-transport-security'])}`);
    }
  });

  it('sends none with LAYER_TLS_HSTS_MAX_AGE=0, and none over plain HTTP', async () => {
    const off = await gatewayWith('ec', { LAYER_TLS_HSTS_MAX_AGE: '0' });
    assert.equal((await httpsGet(`${off.url}/livez`)).headers['strict-transport-security'], undefined);
    const plain = await gatewayWith(undefined);
    assert.match(plain.url, /^http:/);
    assert.equal((await request(`${plain.url}/livez`)).headers['strict-transport-security'], undefined);
  });

  it('honours a configured max-age', async () => {
    const gw = await gatewayWith('rsa', { LAYER_TLS_HSTS_MAX_AGE: '600' });
    assert.equal((await httpsGet(`${gw.url}/livez`)).headers['strict-transport-security'], 'max-age=600');
  });
});
