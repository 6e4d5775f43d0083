/**
 * The observe tab in a real browser (Debian's Chromium driven by playwright-core) against a real
 * gateway and its bundled vmsingle, with a fake NVMe cache that can be dropped on demand.
 * Screenshots go to .tmp/screenshots/ (git-ignored); their paths are printed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bundleObserve } from '../../scripts/lib/observe/bundle.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, request } from '../helpers/http.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { serveAlerts } from './harness.ts';
import type { components } from '../../src/generated/api-types.ts';

/** Chromium flags that keep it off the network it would otherwise try at every start. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = resolve('.tmp/screenshots');

type CatalogEntry = components['schemas']['CatalogEntry'];

// Code run in the page is written as strings where it names browser globals: the tests are
// type-checked with Node's libraries, not the DOM's.

/** Chromium logs each non-2xx fetch; a 401 or a 503 from /health is an answer the page shows. */
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of (401|503)\b/;

describe('the observe tab in Chromium', function () {
  this.timeout(60_000);
  let gw: TestGateway;
  let origin: string;
  let cache: net.Server;
  const cacheSockets = new Set<net.Socket>();
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let entries: CatalogEntry[];
  const urls: string[] = [];
  const consoleErrors: string[] = [];
  let gatewayStopped = false;

  const query = async (path: string, params: Record<string, string>) => {
    const res = await request(`${gw.url}${path}?${new URLSearchParams(params)}`, { headers: bearer(gw.token) });
    assert.equal(res.status, 200, res.text);
    return JSON.parse(res.text).data.result as { metric: Record<string, string>; values?: [number, string][] }[];
  };
  const cardState = (card: string) => page.locator(`#cards [data-card="${card}"] .word`).first().textContent();
  const waitForCard = (card: string, want: RegExp, what: string) =>
    pollUntil(what, async () => (want.test((await cardState(card)) ?? '') ? true : undefined), 15_000);
  const screenshot = async (name: string) => {
    const path = join(SCREENSHOTS, name);
    await page.screenshot({ path });
    console.log(`      screenshot: ${path}`);
  };

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test's pretest does, as root)`);
    await bundleObserve();
    await mkdir(SCREENSHOTS, { recursive: true });
    cache = net.createServer((socket) => {
      cacheSockets.add(socket);
      socket.on('close', () => cacheSockets.delete(socket));
    });
    await new Promise<void>((done) => cache.listen(0, '127.0.0.1', done));
    const cacheAddr = `127.0.0.1:${(cache.address() as net.AddressInfo).port}`;
    gw = await startTestGateway({ env: { LAYER_CACHE_ADDR: cacheAddr, LAYER_CACHE_NAMESPACES: 'tenant-a,tenant-b' } });
    origin = new URL(gw.url).origin;
    await pollUntil('a healthy gateway', async () => ((await request(`${gw.url}/health`)).status === 200 ? true : undefined), 15_000);
    entries = JSON.parse((await request(`${gw.url}/v2/metrics/catalog`, { headers: bearer(gw.token) })).text).entries;
    profile = await makeTempDir('observe-chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    // The alerts route answers in the Prometheus shape; none is active in this test.
    await serveAlerts(context, gw.token, () => []);
    context.on('request', (req) => urls.push(req.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  });

  after(async () => {
    await context?.close();
    if (profile) await removeTempDir(profile);
    if (!gatewayStopped) await gw?.close();
    for (const socket of cacheSockets) socket.destroy();
    cache?.close();
  });

  it('shows ok health cards with every namespace, without a token', async () => {
    await page.goto(`${gw.url}/observe`);
    await waitForCard('overall', /^ok$/, 'the overall card to say ok');
    assert.equal(await cardState('backend'), 'up');
    assert.equal(await cardState('cache'), 'warm');
    const namespaces = await page.locator('#cards [data-card="namespace"]').evaluateAll((cards) =>
      cards.map((card) => [card.getAttribute('data-namespace'), card.querySelector('.word')?.textContent]),
    );
    assert.deepEqual(namespaces, [
      ['tenant-a', 'warm'],
      ['tenant-b', 'warm'],
    ]);
    assert.match((await page.locator('#refreshed').textContent()) ?? '', /Health read \d\d:\d\d:\d\d/);
    assert.match((await page.locator('#catalog-status').textContent()) ?? '', /Paste an API token/);
  });

  it('shows the gateway 401 message for a wrong token, and keeps no token', async () => {
    const wrong = await request(`${gw.url}/v2/metrics/catalog`, { headers: bearer('wrong-token-0123456789') });
    const message = JSON.parse(wrong.text).message as string;
    await page.getByLabel('API token').fill('wrong-token-0123456789');
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('#token-status', { hasText: '401' }).waitFor();
    assert.equal(await page.locator('#token-status').textContent(), `The gateway refused the token (401): ${message}`);
    assert.equal(await page.evaluate<number>('sessionStorage.length + localStorage.length'), 0);
    assert.equal(await page.locator('#families article').count(), 0);
  });

  it('lists every family with its count, in catalog order, once a token is pasted', async () => {
    await page.getByLabel('API token').fill(gw.token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('#families section').first().waitFor();
    const want = new Map<string, string[]>();
    for (const entry of entries) want.set(entry.family!, [...(want.get(entry.family!) ?? []), entry.name]); // every catalog entry names its family
    const got = await page.locator('#families > section').evaluateAll((sections) =>
      sections.map((section) => ({
        family: section.querySelector('h3 .family-name')?.textContent,
        count: section.querySelector('h3 .count')?.textContent,
        names: [...section.querySelectorAll('article h4')].map((h) => h.textContent),
      })),
    );
    assert.deepEqual(
      got,
      [...want].map(([family, names]) => ({ family, count: `${names.length} ${names.length === 1 ? 'metric' : 'metrics'}`, names })),
    );
    const stored = await page.evaluate<{ session: string[]; local: number }>('({ session: Object.values(sessionStorage), local: localStorage.length })');
    assert.deepEqual(stored, { session: [gw.token], local: 0 });
    const render = await page.evaluate(() => performance.getEntriesByName('observe:catalog-render')[0]?.duration);
    assert.ok(render !== undefined && render > 0, 'the page measures its catalog render');
  });

  it('narrows the list as the operator types in the search box, by name, description or label', async () => {
    const search = page.locator('input[type="search"]');
    await page.locator('body').press('/');
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'search', '"/" focuses the search box');
    const visible = () => page.locator('#families article:visible h4').allTextContents();
    for (const [typed, want] of [
      ['upstream', entries.filter((e) => /upstream/.test(e.name)).length],
      ['reconnect', 1], // in a name and a description
      // A label value only: of the cache-state gauges.
      ['warming', entries.filter((e) => e.label_details?.some((l) => l.values?.includes('warming'))).length],
    ] as const) {
      await search.fill(typed);
      const names = await visible();
      assert.ok(names.length > 0 && names.length < entries.length, `"${typed}": ${names.length} of ${entries.length}`);
      if (typed !== 'reconnect') assert.equal(names.length, want, `"${typed}": ${names.join(', ')}`);
    }
    await search.fill('no-such-metric-anywhere');
    assert.deepEqual(await visible(), []);
    assert.match((await page.locator('#catalog-status').textContent()) ?? '', /No metric matches/);
    await search.fill('');
    assert.equal((await visible()).length, entries.length);
  });

  it("shows each entry's alert as the alerts API lists it: inactive when none is active", async () => {
    for (const entry of entries.filter((e) => e.alert)) {
      const state = page.locator(`article[data-name="${entry.name}"] .alert-state`);
      await pollUntil(`${entry.name}'s alert state`, async () => ((await state.getAttribute('data-state')) === 'inactive' ? true : undefined), 10_000);
      assert.match((await state.textContent()) ?? '', /^Inactive: neither firing nor pending; read \d\d:\d\d:\d\d$/);
    }
  });

  it('plots an entry with data from the range passthrough, one legend row per series', async () => {
    const entry = entries.find((e) => e.name === 'layer_http_requests_total')!;
    // The gateway scrapes itself every second, but VictoriaMetrics leaves the newest 30 s out of
    // range queries (-search.latencyOffset): wait until the plotted window has data.
    await pollUntil('the range passthrough to return the first scrapes', async () => {
      const end = Math.floor(Date.now() / 1000);
      const result = await query('/v2/metrics/api/v1/query_range', { query: entry.example_promql, start: String(end - 900), end: String(end), step: '4' });
      // A few points, so the page's own window (a second or two later) cannot miss them all.
      return result.some((series) => (series.values?.length ?? 0) >= 3) ? true : undefined;
    }, 45_000);
    const article = page.locator(`article[data-name="${entry.name}"]`);
    await page.selectOption('#window', '15m');
    const answer = page.waitForResponse((res) => res.url().includes('/v2/metrics/api/v1/query_range'));
    await article.getByRole('button', { name: 'Plot', exact: true }).click();
    const res = await answer;
    const sent = new URL(res.url());
    assert.equal(sent.origin, origin);
    assert.equal(sent.searchParams.get('query'), entry.example_promql);
    assert.equal(Number(sent.searchParams.get('end')) - Number(sent.searchParams.get('start')), 900);
    assert.match((await res.request().allHeaders()).authorization ?? '', /^Bearer /);
    const result = (await res.json()).data.result as { metric: Record<string, string>; values: [number, string][] }[];
    assert.ok(result.length > 0);
    const figure = article.locator('figure.plot');
    await article.locator('figure.plot[data-state="drawn"]').waitFor();
    assert.equal(await figure.getAttribute('data-series'), String(result.length));
    assert.equal(await figure.getAttribute('data-samples'), String(result.reduce((n, s) => n + s.values.length, 0)));
    const legend = await figure.locator('.u-legend .u-series .u-label').allTextContents();
    const labels = result.map((s) => `{${Object.entries(s.metric).map(([k, v]) => `${k}="${v}"`).join(', ')}}`);
    assert.deepEqual(legend.slice(1).sort(), labels.sort(), 'one legend row per series, named by its labels');
    await figure.scrollIntoViewIfNeeded();
    await screenshot('observe-plot.png');
    // A refresh can draw a new chart between finding the canvas and measuring it: measure again.
    const canvas = await pollUntil('the canvas laid out', async () => (await figure.locator('canvas').boundingBox()) ?? undefined, 5000);
    assert.ok(canvas.width > 200 && canvas.height > 100, `canvas ${JSON.stringify(canvas)}`);
  });

  it('saves desktop, dark and phone screenshots', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot('observe-desktop.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    const figure = page.locator('article[data-name="layer_http_requests_total"] figure');
    await page.locator('article[data-name="layer_http_requests_total"] figure[data-state="drawn"]').waitFor();
    await figure.scrollIntoViewIfNeeded();
    await screenshot('observe-dark-plot.png');
    await page.emulateMedia({ colorScheme: 'light' });
    // A reload with the token already in sessionStorage: the catalog loads at start, so the marks
    // time the whole first render from navigation (the figure docs/performance.md records).
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('observe:catalog-painted').length > 0);
    // (No named functions inside evaluate: tsx's transform would name them with a helper the page lacks.)
    const [requested, received, rendered, painted] = await page.evaluate(() =>
      ['requested', 'received', 'rendered', 'painted'].map((step) => performance.getEntriesByName(`observe:catalog-${step}`)[0]?.startTime ?? NaN),
    );
    const timing = { requested: requested!, received: received!, rendered: rendered!, painted: painted! };
    console.log(
      `      first render of the full catalog (${entries.length} entries), ms from navigation: requested ${timing.requested.toFixed(0)}, received ${timing.received.toFixed(0)}, ` +
        `DOM built ${timing.rendered.toFixed(0)} (${(timing.rendered - timing.received).toFixed(1)} ms), painted ${timing.painted.toFixed(0)}`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('#families section').first().waitFor();
    await screenshot('observe-phone.png');
    await page.selectOption('#window', '15m'); // a reload starts at 1 h, which a young gateway's data may not reach
    await page.locator('article[data-name="layer_http_requests_total"]').getByRole('button', { name: 'Plot', exact: true }).click();
    await page.locator('article[data-name="layer_http_requests_total"] figure[data-state="drawn"]').waitFor();
    await page.locator('article[data-name="layer_http_requests_total"] .example').scrollIntoViewIfNeeded();
    await screenshot('observe-phone-plot.png');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows degraded with the reason when the cache drops, and the namespaces leave warm', async () => {
    await new Promise<void>((done) => {
      cache.close(() => done());
      for (const socket of cacheSockets) socket.destroy();
    });
    await waitForCard('overall', /^degraded$/, 'the overall card to say degraded');
    const detail = (await page.locator('#cards [data-card="overall"] .detail').textContent()) ?? '';
    assert.match(detail, /cache disconnected/);
    assert.equal(await cardState('cache'), 'disconnected');
    for (const ns of await page.locator('#cards [data-card="namespace"] .word').allTextContents()) assert.match(ns, /^(warming|cold)$/);
    await page.locator('#cards').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'observe-degraded.png') });
    console.log(`      screenshot: ${join(SCREENSHOTS, 'observe-degraded.png')}`);
  });

  it('shows unreachable when the gateway stops answering', async () => {
    await gw.close();
    gatewayStopped = true;
    await waitForCard('overall', /^unreachable$/, 'the overall card to say unreachable');
  });

  it('made no request off the gateway origin, put the token in no URL, and logged no console error', () => {
    assert.ok(urls.length > 10, `${urls.length} requests recorded`);
    const foreign = urls.filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.deepEqual(
      urls.filter((url) => url.includes(gw.token) || url.includes('wrong-token')),
      [],
    );
    // After the gateway stopped, each poll of /health is refused: that is what "unreachable" shows.
    const unexpected = consoleErrors.filter((text) => !EXPECTED_CONSOLE.test(text) && !/net::ERR_CONNECTION_REFUSED/.test(text));
    assert.deepEqual(unexpected, []);
  });
});
