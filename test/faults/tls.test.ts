/**
 * TLS at the edge against the gateway as a real process in bundled mode, with certificates made by
 * openssl in the test (a self-signed CA, server certificates for 127.0.0.1 and localhost): curl and
 * promtool over HTTPS, vmsingle's scrape over HTTPS, rotation by a real SIGHUP while a keep-alive
 * connection stays open, a bad pair refused on reload and at start.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { startGatewayChild, type GatewayChild } from '../helpers/child-gateway.ts';
import { TEST_TOKEN } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** Makes a CA and server certificates (EC P-256) in dir with openssl. */
async function makeCertificates(dir: string): Promise<void> {
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=layer test CA');
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const name of ['server1', 'server2']) {
    await openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost');
    await openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', 'san.ext');
  }
  await openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', 'other.key');
}

/** A GET over `agent`; resolves with status, body, whether the socket was reused and the server certificate's fingerprint. */
function get(url: string, agent: https.Agent, headers: Record<string, string> = {}): Promise<{ status: number; text: string; reused: boolean; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { agent, headers }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, reused: req.reusedSocket, fingerprint }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function fingerprintOf(dir: string, file: string): Promise<string> {
  const { stdout } = await run('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], { cwd: dir });
  return stdout.trim().split('=')[1]!;
}

describe('faults: TLS at the edge (bundled mode)', function () {
  this.timeout(120_000);
  let dir: string;
  let gw: GatewayChild | undefined;
  let ca: Buffer;
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = await makeTempDir('layer-faults-tls');
    await makeCertificates(dir);
    await copyFile(file('server1.pem'), file('cert.pem'));
    await copyFile(file('server1.key'), file('key.pem'));
    ca = await readFile(file('ca.pem'));
    gw = await startGatewayChild({
      LAYER_DATA_DIR: file('data'), LAYER_API_TOKENS: TEST_TOKEN, LAYER_SCRAPE_INTERVAL: '1s',
      LAYER_TLS_CERT_FILE: file('cert.pem'), LAYER_TLS_KEY_FILE: file('key.pem'),
    });
  });
  after(async () => {
    await gw?.stop();
    await removeTempDir(dir);
  });

  it('serves HTTPS on its port (ready on https://), TLS 1.2 or later, trusted by curl with the CA and refused without it', async () => {
    assert.match(gw!.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const { stdout } = await run('curl', ['-sS', '--cacert', file('ca.pem'), '-w', ' %{http_code} %{ssl_verify_result}', `${gw!.url}/health`]);
    assert.match(stdout, /"status":"ok".* 200 0$/);
    const untrusted = await run('curl', ['-sS', `${gw!.url}/health`]).then(() => 0, (error: { code: number }) => error.code);
    assert.equal(untrusted, 60, 'curl without the CA should fail certificate verification (exit 60)');
    const tls12 = await run('curl', ['-sS', '--cacert', file('ca.pem'), '--tlsv1.2', '--tls-max', '1.2', '-o', '/dev/null', '-w', '%{http_code}', `${gw!.url}/health`]);
    assert.equal(tls12.stdout, '200');
    const plain = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', gw!.url.replace('https:', 'http:') + '/health']).then((r) => r.stdout, () => 'refused');
    assert.notEqual(plain, '200', 'plain HTTP must not be served on the TLS port');
  });

  it('is queried by promtool over HTTPS (SSL_CERT_FILE trusts the CA), and vmsingle scrapes it over HTTPS: up and layer_* series', async () => {
    const target = gw!.url.replace('https://', `https://${TEST_TOKEN}@`) + '/v2/metrics';
    const out = await pollUntil('up == 1 for the https scrape target', async () => {
      const { stdout } = await run('promtool', ['query', 'instant', target, 'up{job="layer-gateway"}'], { env: { ...process.env, SSL_CERT_FILE: file('ca.pem') } });
      return /=> 1 @/.test(stdout) ? stdout : undefined;
    }, 30_000);
    assert.match(out, /instance="127\.0\.0\.1:\d+"/);
    const { stdout } = await run('promtool', ['query', 'instant', target, 'count(layer_catalog_info)'], { env: { ...process.env, SSL_CERT_FILE: file('ca.pem') } });
    assert.match(stdout, /=> 1 @/);
  });

  it('rotates by SIGHUP without dropping an open keep-alive connection; vmsingle keeps scraping; a bad pair is refused and the last good one stays', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
    try {
      const old = await fingerprintOf(dir, 'server1.pem');
      const rotated = await fingerprintOf(dir, 'server2.pem');
      const first = await get(`${gw!.url}/health`, agent);
      assert.equal(first.fingerprint, old);

      await copyFile(file('server2.pem'), file('cert.pem'));
      await copyFile(file('server2.key'), file('key.pem'));
      const rotatedAt = Date.now() / 1000;
      gw!.child.kill('SIGHUP');
      await pollUntil('the reload logged', async () => (gw!.output().includes('TLS certificate reloaded') ? true : undefined), 10_000);

      const same = await get(`${gw!.url}/health`, agent);
      assert.deepEqual([same.status, same.reused, same.fingerprint], [200, true, old], 'the open connection keeps going with its certificate');
      const fresh = await get(`${gw!.url}/health`, new https.Agent({ ca }));
      assert.deepEqual([fresh.status, fresh.fingerprint], [200, rotated], 'a new connection gets the new certificate');

      // vmsingle reloads its scrape config (new trusted certificate) and scrapes on a new connection.
      const api = (query: string) => get(`${gw!.url}/v2/metrics/api/v1/query?query=${encodeURIComponent(query)}`, new https.Agent({ ca }), { Authorization: `Bearer ${TEST_TOKEN}` });
      const valueOf = async (query: string) => Number((JSON.parse((await api(query)).text) as { data: { result: { value: [number, string] }[] } }).data.result[0]?.value[1]);
      await pollUntil('a successful scrape after the rotation', async () => {
        const ts = await valueOf('timestamp(up{job="layer-gateway"})');
        return ts > rotatedAt + 2 && (await valueOf('up{job="layer-gateway"}')) === 1 ? ts : undefined;
      }, 20_000);

      await copyFile(file('other.key'), file('key.pem'));
      gw!.child.kill('SIGHUP');
      await pollUntil('the refusal logged', async () => (gw!.output().includes('TLS certificate not reloaded') ? true : undefined), 10_000);
      assert.match(gw!.output(), /LAYER_TLS_KEY_FILE=.*the key does not match the certificate/);
      const still = await get(`${gw!.url}/health`, new https.Agent({ ca }));
      assert.deepEqual([still.status, still.fingerprint], [200, rotated]);
      const kept = await get(`${gw!.url}/health`, agent);
      assert.deepEqual([kept.status, kept.reused], [200, true]);
    } finally {
      agent.destroy();
    }
  });
});

describe('faults: TLS configuration refused at start', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await makeTempDir('layer-faults-tls-start');
    await makeCertificates(dir);
    await writeFile(join(dir, 'garbage.pem'), 'not a certificate\n');
  });
  after(async () => {
    await removeTempDir(dir);
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['a key that does not match the certificate', { LAYER_TLS_CERT_FILE: 'server1.pem', LAYER_TLS_KEY_FILE: 'other.key' }, /LAYER_TLS_KEY_FILE=.*the key does not match the certificate/],
    ['a certificate that is not PEM', { LAYER_TLS_CERT_FILE: 'garbage.pem', LAYER_TLS_KEY_FILE: 'server1.key' }, /LAYER_TLS_CERT_FILE=.*not a PEM certificate/],
    ['a key that is not PEM', { LAYER_TLS_CERT_FILE: 'server1.pem', LAYER_TLS_KEY_FILE: 'garbage.pem' }, /LAYER_TLS_KEY_FILE=.*not a PEM private key/],
    ['an unreadable key file', { LAYER_TLS_CERT_FILE: 'server1.pem', LAYER_TLS_KEY_FILE: 'missing.key' }, /LAYER_TLS_KEY_FILE=.*cannot be read \(ENOENT\)/],
    ['a certificate without its key', { LAYER_TLS_CERT_FILE: 'server1.pem' }, /LAYER_TLS_KEY_FILE=.*go together/],
  ];
  for (const [name, files, message] of cases) {
    it(`exits 2 naming the variable for ${name}`, async () => {
      const env = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, join(dir, v)]));
      await assert.rejects(
        startGatewayChild({ ...env, LAYER_DATA_DIR: join(dir, 'data'), LAYER_API_TOKENS: TEST_TOKEN, LAYER_VM_URL: 'http://127.0.0.1:9' }),
        (error: Error) => {
          assert.match(error.message, /exited with 2 before it was ready/);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it('warns at start when it listens beyond loopback without TLS', async () => {
    const gw = await startGatewayChild({ LAYER_GATEWAY_HOST: '0.0.0.0', LAYER_DATA_DIR: join(dir, 'warn'), LAYER_API_TOKENS: TEST_TOKEN, LAYER_VM_URL: 'http://127.0.0.1:9' });
    // The log (stdout) and the ready line (stderr) are two pipes: wait for the log line that
    // follows the check, so its absence or presence is settled.
    const listened = (child: GatewayChild) => pollUntil('the "gateway listening" log line', () => child.output().includes('"msg":"gateway listening"'), 5000);
    try {
      await listened(gw);
      assert.match(gw.output(), /"level":40.*listening beyond loopback without TLS/);
    } finally {
      await gw.stop();
    }
    const quiet = await startGatewayChild({ LAYER_DATA_DIR: join(dir, 'quiet'), LAYER_API_TOKENS: TEST_TOKEN, LAYER_VM_URL: 'http://127.0.0.1:9' });
    try {
      await listened(quiet);
      assert.doesNotMatch(quiet.output(), /listening beyond loopback/);
    } finally {
      await quiet.stop();
    }
  });
});
