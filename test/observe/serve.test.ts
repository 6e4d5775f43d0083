/**
 * How the gateway serves the observe tab: the shell revalidated on every load, hashed assets
 * cached for good, both with ETags and the page's Content-Security-Policy; errors in JSON.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleObserve, EDITOR_BUDGET_GZIP_BYTES, OBSERVE_OUT_DIR, SCRIPT_BUDGET_GZIP_BYTES } from '../../scripts/lib/observe/bundle.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { request } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { createObserveHandlers, OBSERVE_BUILD_DIR, OBSERVE_CSP } from '../../src/handlers/observe.ts';

describe('GET /observe and /observe/assets/{file}', function () {
  this.timeout(60_000);
  let gw: TestGateway;
  let script: string;
  let style: string;

  before(async () => {
    const built = await bundleObserve();
    script = built.script.name;
    style = built.style.name;
    assert.ok(built.firstPageGzipBytes <= SCRIPT_BUDGET_GZIP_BYTES, `first page ${built.firstPageGzipBytes} B gzipped`);
    gw = await startTestGateway();
  });
  after(async () => {
    await gw?.close();
  });

  it('builds into the folder the handler serves', () => {
    assert.equal(resolve(OBSERVE_BUILD_DIR), resolve(OBSERVE_OUT_DIR));
  });

  it('serves the page shell without a token: no-cache, an ETag, the strict CSP, and links to the hashed assets', async () => {
    const res = await request(`${gw.url}/observe`);
    assert.equal(res.status, 200, res.text);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.headers['content-security-policy'], OBSERVE_CSP);
    assert.match(OBSERVE_CSP, /^default-src 'self';/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]+"$/);
    // Relative to the page, so a reverse proxy may serve the gateway under a path prefix.
    assert.ok(res.text.includes(`src="observe/assets/${script}"`) && res.text.includes(`href="observe/assets/${style}"`), res.text);
    assert.doesNotMatch(res.text, /(src|href)="\//, 'no absolute path');
    assert.doesNotMatch(res.text, /<script>|<style|\sstyle=|\son[a-z]+=/, 'no inline script or style');
    const again = await request(`${gw.url}/observe`, { headers: { 'If-None-Match': String(res.headers.etag) } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('serves the hashed assets immutable with ETags, and answers 304 to a matching If-None-Match', async () => {
    for (const [name, type] of [
      [script, /^text\/javascript/],
      [style, /^text\/css/],
    ] as const) {
      const res = await request(`${gw.url}/observe/assets/${name}`);
      assert.equal(res.status, 200, `${name}: ${res.text.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), type);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      const etag = String(res.headers.etag);
      const again = await request(`${gw.url}/observe/assets/${name}`, { headers: { 'If-None-Match': `W/${etag}` } });
      assert.equal(again.status, 304, name);
    }
  });

  it('answers an unknown asset with a JSON 404 that names no file system path', async () => {
    for (const path of ['/observe/assets/observe-OLD.js', '/observe/assets/..%2Fpackage.json', '/observe/assets/index.html']) {
      const res = await request(`${gw.url}${path}`);
      assert.equal(res.status, 404, `${path}: got ${res.status}; want 404`);
      const body = JSON.parse(res.text);
      assert.equal(body.code, 'ERR_NOT_FOUND');
      assert.doesNotMatch(res.text, /dist|\/work|\/tmp/);
    }
  });

  it('refuses a build whose first page or editor chunk is over its gzipped budget, and writes nothing', async () => {
    const out = join(await makeTempDir('observe-budget'), 'observe');
    try {
      await assert.rejects(bundleObserve(out, { firstPage: 10_000, editor: EDITOR_BUDGET_GZIP_BYTES }), /the first page loads \d+ bytes of JavaScript gzipped, over the budget of 10000/);
      await assert.rejects(bundleObserve(out, { firstPage: SCRIPT_BUDGET_GZIP_BYTES, editor: 50_000 }), /the explore editor adds \d+ bytes of JavaScript gzipped, over its budget of 50000/);
      await assert.rejects(readFile(join(out, 'index.html')), { code: 'ENOENT' });
      const built = await bundleObserve(out);
      assert.ok(built.firstPageGzipBytes <= SCRIPT_BUDGET_GZIP_BYTES && built.editorGzipBytes > 50_000, JSON.stringify(built));
      assert.ok(built.scripts.some((s) => s.name.startsWith('explore-editor-')), 'the editor is its own chunk');
    } finally {
      await removeTempDir(join(out, '..'));
    }
  });

  it('answers 503 in JSON saying how to build when the tab is not built', async () => {
    const empty = await makeTempDir('observe-unbuilt');
    try {
      const { getObservePage } = createObserveHandlers(empty);
      const ctx = { set() {}, get: () => '', status: 200, body: undefined } as unknown as Parameters<typeof getObservePage>[0];
      assert.throws(
        () => getObservePage(ctx, () => Promise.resolve()),
        (error: Error & { status?: number }) => error.status === 503 && /npm run build/.test(error.message),
      );
    } finally {
      await removeTempDir(empty);
    }
  });
});
