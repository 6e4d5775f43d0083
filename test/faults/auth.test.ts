/**
 * Auth under abuse, against the gateway as a real process: bad tokens of every kind, rotation
 * through LAYER_API_TOKENS_FILE and a real SIGHUP, 10,000 wrong tokens in a row, and no token in
 * anything the process writes.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { startGatewayChild, type GatewayChild } from '../helpers/child-gateway.ts';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { basic, metricValue } from '../helpers/http.ts';
import { quantile } from '../helpers/proc-stats.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

// Distinctive prefixes, so that the log check can look for any of them, not just whole tokens.
const OLD = 'OLDSECRET-0123456789abcdef';
const NEW = 'NEWSECRET-fedcba9876543210';
const WRONG_PREFIX = 'WRONGSECRET-';

describe('faults: tokens missing, wrong, revoked, rotated and hammered (a gateway process)', function () {
  this.timeout(90_000);
  let fake: FakeUpstream;
  let gw: GatewayChild;
  let dir: string;
  let tokenFile: string;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });

  /** One query with the given Authorization header (none when undefined), on a kept-alive connection. */
  function query(authorization: string | undefined, path = '/v2/metrics/api/v1/query?query=up'): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; ms: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(`${gw.url}${path}`, { agent, headers: authorization === undefined ? {} : { Authorization: authorization } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, ms: performance.now() - started }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async function sighup(): Promise<void> {
    const reloads = (gw.output().match(/API tokens reloaded|API token file refused/g) ?? []).length;
    process.kill(gw.pid, 'SIGHUP');
    await pollUntil('the reload logged', async () => ((gw.output().match(/API tokens reloaded|API token file refused/g) ?? []).length > reloads ? true : undefined), 5000);
  }

  before(async () => {
    fake = await startFakeUpstream();
    dir = await makeTempDir('layer-faults-auth');
    tokenFile = join(dir, 'tokens');
    await writeFile(tokenFile, `# the only token\n${OLD}\n`, { mode: 0o600 });
    // debug: the most the gateway ever logs, so the token check below sees everything.
    gw = await startGatewayChild({ LAYER_VM_URL: fake.url, LAYER_DATA_DIR: join(dir, 'data'), LAYER_API_TOKENS_FILE: tokenFile, LAYER_LOG_LEVEL: 'debug' });
  });
  after(async () => {
    agent.destroy();
    const exit = await gw?.stop();
    try {
      assert.equal(exit?.code, 0, `the gateway exited with ${exit?.code ?? exit?.signal}`);
      const output = gw.output();
      for (const secret of [OLD, NEW, WRONG_PREFIX, 'OLDSECRET', 'NEWSECRET', Buffer.from(`x:${OLD}`).toString('base64'), Buffer.from(`${NEW}:`).toString('base64')]) {
        assert.ok(!output.includes(secret), `"${secret}" appears in the gateway's output`);
      }
      console.log(`      ${output.split('\n').length} lines of gateway output (debug level) hold no token`);
    } finally {
      await fake?.close();
      await removeTempDir(dir);
    }
  });

  it('refuses missing, malformed and wrong credentials with 401 and the Bearer challenge, in each route\'s error shape', async () => {
    const cases: [string, string | undefined][] = [
      ['no Authorization header', undefined],
      ['an empty header', ''],
      ['Bearer without a token', 'Bearer'],
      ['Bearer with spaces only', 'Bearer    '],
      ['a token with a space in it', `Bearer ${OLD.slice(0, 8)} ${OLD.slice(8)}`],
      ['an unknown scheme', `Token ${OLD}`],
      ['Digest', 'Digest username="x", response="y"'],
      ['Basic that is not base64', 'Basic !!!notbase64'],
      ['Basic without a colon', `Basic ${Buffer.from(OLD).toString('base64')}`],
      ['Basic with empty user and password', basic('', '')],
      ['a wrong token of valid form', `Bearer ${WRONG_PREFIX}0123456789abcdef`],
      ['a prefix of the valid token', `Bearer ${OLD.slice(0, -1)}`],
      ['the valid token with a suffix', `Bearer ${OLD}x`],
      ['the valid token in another case', `Bearer ${OLD.toLowerCase()}`],
      ['a wrong token in Basic', basic('user', `${WRONG_PREFIX}0123456789abcdef`)],
      ['a 10 KB token', `Bearer ${WRONG_PREFIX}${'x'.repeat(10_000)}`],
    ];
    for (const [name, authorization] of cases) {
      for (const path of ['/v2/metrics/api/v1/query?query=up', '/v2/metrics/catalog']) {
        const res = await query(authorization, path);
        assert.equal(res.status, 401, `${name} on ${path}: got ${res.status} ${res.text.slice(0, 200)}`);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="layer"', `${name}: challenge`);
        const body = JSON.parse(res.text);
        if (path.includes('query')) {
          assert.equal(body.status, 'error');
          assert.equal(body.errorType, 'unauthorized');
        } else {
          assert.equal(body.code, 'ERR_UNAUTHORIZED');
        }
      }
    }
    assert.equal(fake.received.length, 0, 'an unauthenticated request reached the backend');
    for (const ok of [`Bearer ${OLD}`, `bearer ${OLD}`, basic(OLD, ''), basic('grafana', OLD)]) {
      assert.equal((await query(ok)).status, 200, `${ok.split(' ')[0]} with the valid token`);
    }
  });

  it('rotates through the token file and a real SIGHUP: old and new valid during the overlap, then the old revoked', async () => {
    assert.equal((await query(`Bearer ${NEW}`)).status, 401, 'the new token works before it is added');
    await writeFile(tokenFile, `${OLD}\n${NEW}\n`);
    await sighup();
    assert.equal((await query(`Bearer ${OLD}`)).status, 200, 'old during the overlap');
    assert.equal((await query(`Bearer ${NEW}`)).status, 200, 'new during the overlap');

    // A broken edit (an empty file) is refused and the tokens in force stay.
    await writeFile(tokenFile, '');
    await sighup();
    assert.match(gw.output(), /API token file refused/);
    assert.equal((await query(`Bearer ${OLD}`)).status, 200, 'old after a refused reload');
    assert.equal((await query(`Bearer ${NEW}`)).status, 200, 'new after a refused reload');

    await writeFile(tokenFile, `${NEW}\n`);
    await sighup();
    const revoked = await query(`Bearer ${OLD}`);
    assert.equal(revoked.status, 401, 'the old token after its removal');
    assert.equal(revoked.headers['www-authenticate'], 'Bearer realm="layer"');
    assert.match(JSON.parse(revoked.text).error, /unknown or revoked/);
    assert.equal((await query(`Bearer ${NEW}`)).status, 200, 'the new token after the rotation');
    // The connection that used the old token keeps no privilege: refused on the same kept-alive socket.
    assert.equal((await query(basic('grafana', OLD))).status, 401);
  });

  it('keeps valid requests fast through 10,000 wrong tokens in a row', async () => {
    const valid = `Bearer ${NEW}`;
    const sample = async () => {
      const ms: number[] = [];
      for (let i = 0; i < 300; i++) {
        const res = await query(valid);
        assert.equal(res.status, 200);
        ms.push(res.ms);
      }
      return ms;
    };
    await sample(); // warm-up
    const before = await sample();
    const failuresBefore = await metricValue(gw.url, 'layer_auth_failures_total{reason="invalid"}');

    const WRONG = 10_000;
    let next = 0;
    let refused = 0;
    const started = performance.now();
    const deadline = Date.now() + 60_000;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < WRONG && Date.now() < deadline) {
          const i = next++;
          const res = await query(`Bearer ${WRONG_PREFIX}${i.toString(36).padStart(8, '0')}-${(i * 7919).toString(16)}`);
          if (res.status === 401) refused++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await sample();
    const counted = (await metricValue(gw.url, 'layer_auth_failures_total{reason="invalid"}')) - failuresBefore;

    const f = (ms: number[], q: number) => quantile(ms, q).toFixed(2);
    console.log(
      `      ${refused} wrong tokens refused in ${seconds.toFixed(1)} s (${(refused / seconds).toFixed(0)} req/s, 50 connections); ` +
        `valid requests p50/p99 ${f(before, 0.5)}/${f(before, 0.99)} ms before, ${f(after, 0.5)}/${f(after, 0.99)} ms after`,
    );
    assert.equal(refused, WRONG, `${refused} of ${WRONG} wrong tokens refused`);
    assert.equal(counted, WRONG, `layer_auth_failures_total{reason="invalid"} grew by ${counted}; want ${WRONG}`);
    // Correctness is the point; the bound only catches something pathological (a lockout, a leak).
    assert.ok(quantile(after, 0.5) < quantile(before, 0.5) * 5 + 20, 'valid requests got much slower after the wrong tokens');
  });
});
