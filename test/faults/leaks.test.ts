/**
 * What leaks besides error texts: a parameter the backend would silently drop (a raw `;`), and
 * files other local users could read (the token file, the data directory).
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.ts';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Log lines at warn level (pino: 40) whose message matches `pattern`. */
function warnings(logs: readonly string[], pattern: RegExp): string[] {
  return logs.filter((line) => {
    const entry = JSON.parse(line) as { level: number; msg: string };
    return entry.level === 40 && pattern.test(entry.msg);
  });
}

describe('faults: a raw ";" in the parameters is refused, not silently dropped by the backend', function () {
  this.timeout(30_000);
  let fake: FakeUpstream;
  let gw: TestGateway;

  before(async () => {
    fake = await startFakeUpstream();
    gw = await startTestGateway({ env: { LAYER_VM_URL: fake.url } });
  });
  after(async () => {
    await gw?.close();
    await fake?.close();
  });

  const cases: [string, { method: 'GET' | 'POST'; query: string; body?: string; where: string }][] = [
    ['in the query string, after a value', { method: 'GET', query: 'query=up&time=100;x=1', where: 'query string' }],
    ['in the query string, inside the query', { method: 'GET', query: 'query=up;x', where: 'query string' }],
    ['in the form body', { method: 'POST', query: '', body: 'query=up&time=100;x', where: 'request body' }],
  ];
  for (const [name, { method, query, body, where }] of cases) {
    it(`answers 400 bad_data naming %3B for a raw ";" ${name}, and sends nothing to the backend`, async () => {
      const before = fake.received.length;
      const res = await request(`${gw.url}/v2/metrics/api/v1/query${query ? `?${query}` : ''}`, {
        method,
        headers: { ...bearer(TEST_TOKEN), ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        ...(body ? { body } : {}),
      });
      assert.equal(res.status, 400, res.text);
      const error = JSON.parse(res.text) as { errorType: string; error: string };
      assert.equal(error.errorType, 'bad_data');
      assert.match(error.error, /raw ";"/);
      assert.match(error.error, /%3B/);
      assert.match(error.error, new RegExp(where));
      assert.equal(fake.received.length, before, 'the request reached the backend');
    });
  }

  it('forwards a percent-encoded %3B', async () => {
    const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent('up{a="x;y"}')}`, { headers: bearer(TEST_TOKEN) });
    assert.equal(res.status, 200, res.text);
    assert.equal(fake.received.at(-1)?.url, `/api/v1/query?query=${encodeURIComponent('up{a="x;y"}')}`);
  });
});

describe('faults: files other local users could read', function () {
  this.timeout(30_000);
  let fake: FakeUpstream;
  let root: string;

  before(async () => {
    fake = await startFakeUpstream();
    root = await makeTempDir('layer-faults-perms');
  });
  after(async () => {
    await fake?.close();
    if (root) await removeTempDir(root);
  });

  it('warns at start when LAYER_API_TOKENS_FILE is readable by group or others, and not when it is 0600', async () => {
    for (const [mode, warned] of [[0o644, true], [0o640, true], [0o600, false]] as const) {
      const file = join(root, `tokens-${mode.toString(8)}`);
      await writeFile(file, `${TEST_TOKEN}\n`);
      await chmod(file, mode);
      const gw = await startTestGateway({ env: { LAYER_VM_URL: fake.url, LAYER_API_TOKENS: '', LAYER_API_TOKENS_FILE: file }, captureLogs: true });
      try {
        const found = warnings(gw.logs, /LAYER_API_TOKENS_FILE .* is accessible by other users/);
        assert.equal(found.length, warned ? 1 : 0, `mode ${mode.toString(8)}: ${found.join('\n') || 'no warning'}`);
        if (warned) assert.match(found[0]!, /chmod 600/);
        assert.ok(!gw.logs.some((line) => line.includes(TEST_TOKEN)), 'the token was logged');
      } finally {
        await gw.close();
      }
    }
  });

  it('creates a missing data directory with mode 0700', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const gw = await startTestGateway({ env: { LAYER_VM_URL: fake.url }, dataDir, captureLogs: true });
    try {
      assert.equal(((await stat(dataDir)).mode & 0o777).toString(8), '700');
      assert.deepEqual(warnings(gw.logs, /data directory/), []);
    } finally {
      await gw.close();
    }
  });

  it('warns about an existing data directory that others may enter, and leaves its mode alone', async () => {
    const dataDir = join(root, 'shared');
    await mkdir(dataDir);
    await chmod(dataDir, 0o755);
    const gw = await startTestGateway({ env: { LAYER_VM_URL: fake.url }, dataDir, captureLogs: true });
    try {
      const found = warnings(gw.logs, /data directory .* is accessible by other users/);
      assert.equal(found.length, 1, gw.logs.join('\n'));
      assert.match(found[0]!, /mode 755/);
      assert.equal(((await stat(dataDir)).mode & 0o777).toString(8), '755');
    } finally {
      await gw.close();
    }
  });
});
