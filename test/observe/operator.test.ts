/**
 * The observe tab as an operator on call uses it, in Chromium against a real gateway and its
 * bundled vmsingle: the alerts at a glance with an overall state that stays in view, live
 * refresh, a path prefix in front of the gateway, and views shared by their URL. The alerts route
 * is answered by the test (harness.ts: serveAlerts); every other request goes to the gateway.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { bundleObserve } from '../../scripts/lib/observe/bundle.ts';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { fakeAlert, launchChromium, screenshot, serveAlerts, type Browser, type FakeAlert } from './harness.ts';

/**
 * A reverse proxy that serves the gateway under `/gw/` and strips that prefix; any other path is a
 * 404, as a proxy with only that rule would answer. Records every path asked.
 */
async function prefixProxy(target: string): Promise<{ url: string; paths: string[]; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    if (!req.url?.startsWith('/gw/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the /gw/ prefix');
      return;
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url.slice(3), headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmmss = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

describe('the observe tab for an operator on call', function () {
  this.timeout(90_000);
  let gw: TestGateway;
  let browser: Browser;
  let page: Page;
  let alerts: FakeAlert[] = [];
  let served: { count: () => number };
  const urls: string[] = [];

  const useToken = async (p: Page) => {
    await p.getByLabel('API token').fill(gw.token);
    await p.getByRole('button', { name: 'Use token' }).click();
    await p.locator('#families section').first().waitFor();
  };

  before(async () => {
    await bundleObserve();
    gw = await startTestGateway();
    await pollUntil('a healthy gateway', async () => ((await request(`${gw.url}/health`)).status === 200 ? true : undefined), 15_000);
    browser = await launchChromium();
    page = browser.page;
    browser.context.on('request', (req) => urls.push(req.url()));
    served = await serveAlerts(browser.context, gw.token, () => alerts);
  });

  after(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('lists firing and pending alerts beside health, links each to its entry, and keeps the overall state in view', async () => {
    alerts = [fakeAlert('PipelineBacklogHigh', 'pending', 'warning', 90_000, '1.314e+03'), fakeAlert('QueryP99High', 'firing', 'warning', 12 * 60_000, '2.5312e+01')];
    await page.goto(`${gw.url}/observe`);
    await pollUntil('the overall line to read ok without a token', async () => ((await page.locator('#overall .word').textContent()) === 'ok' ? true : undefined), 15_000);
    assert.match((await page.locator('#alerts-status').textContent()) ?? '', /Paste an API token/);
    await useToken(page);
    await page.locator('#alerts-rows tr').nth(1).waitFor();
    const rows = await page.locator('#alerts-rows tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const since = hhmmss(new Date(alerts[1]!.activeAt));
    assert.deepEqual([...rows[0]!.slice(0, 3), rows[0]![4]], ['QueryP99High', 'firing', 'warning', '25.3']);
    assert.match(rows[0]![3]!, new RegExp(`^${since} \\(12 min \\d+ s\\)$`));
    assert.deepEqual(rows[1]!.slice(0, 3), ['PipelineBacklogHigh', 'pending', 'warning']);
    assert.equal(rows[1]![4], '1314');
    assert.match((await page.locator('#alerts-status').textContent()) ?? '', /^1 firing, 1 pending; read \d\d:\d\d:\d\d\.$/);
    // The overall state says what fires; it never claims everything is ok while an alert does.
    assert.equal(await page.locator('#overall .word').textContent(), 'alerting');
    const overall = (await page.locator('#overall').textContent()) ?? '';
    assert.match(overall, /1 alert firing: QueryP99High; 1 alert pending: PipelineBacklogHigh/);
    assert.doesNotMatch(overall, /every dependency is ok/);
    assert.equal(await page.locator('#cards [data-card="overall"] .word').textContent(), 'alerting');
    // Entries show their alert's real state; the others are inactive.
    const state = (name: string) => page.locator(`article[data-name="${name}"] .alert-state`);
    assert.equal(await state('layer_query_duration_seconds').getAttribute('data-state'), 'firing');
    assert.match((await state('layer_query_duration_seconds').textContent()) ?? '', new RegExp(`^Firing since ${since} \\(12 min \\d+ s\\), value 25\\.3; read \\d\\d:\\d\\d:\\d\\d$`));
    assert.equal(await state('layer_pipeline_stage_count').getAttribute('data-state'), 'pending');
    assert.equal(await state('layer_http_requests_total').getAttribute('data-state'), 'inactive');
    // The link leads to the entry (its family unfolded if it was folded).
    await page.locator('section[data-family] h3 .fold').first().click();
    assert.equal(await page.locator('article[data-name="layer_query_duration_seconds"]').isVisible(), false);
    await page.locator('#alerts-rows a', { hasText: 'QueryP99High' }).click();
    await page.locator('article[data-name="layer_query_duration_seconds"]').waitFor({ state: 'visible' });
    await pollUntil('the entry to be in view', () => page.locator('article[data-name="layer_query_duration_seconds"] h4').evaluate((el) => el.getBoundingClientRect().top < 900), 5000);
    await screenshot(page, 'observe-alerts.png');
    // At the bottom of the page, the overall line is still at the top of the window.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await pollUntil('the page to scroll', async () => ((await page.evaluate<number>('window.scrollY')) > 2000 ? true : undefined), 5000);
    const box = await page.locator('#overall').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 80, `the overall line at ${JSON.stringify(box)} after scrolling`);
    await screenshot(page, 'observe-sticky-bottom.png');
    await page.evaluate('window.scrollTo(0, 0)');
  });

  it('refreshes alert states on the interval the operator picks, pauses, and says when each was read', async () => {
    const live = await browser.context.newPage();
    await live.clock.install();
    await live.goto(`${gw.url}/observe`);
    await useToken(live);
    const entryState = live.locator('article[data-name="layer_query_duration_seconds"] .alert-state');
    await pollUntil('the firing state', async () => ((await entryState.getAttribute('data-state')) === 'firing' ? true : undefined), 10_000);
    const readAt = async () => /read (\d\d:\d\d:\d\d)/.exec((await entryState.textContent()) ?? '')?.[1];
    const first = await readAt();
    assert.ok(first, 'the state says when it was read');
    // The alert resolves; the next refresh (every 5 s by default) shows it, read later.
    alerts = alerts.filter((a) => a.labels.alertname !== 'QueryP99High');
    await live.clock.runFor(5_000);
    await pollUntil('the state to turn inactive', async () => ((await entryState.getAttribute('data-state')) === 'inactive' ? true : undefined), 10_000);
    assert.notEqual(await readAt(), first);
    assert.match(live.url(), /[?&]refresh=5\b|^[^?]*$/);
    // Paused: nothing is read, however long the page stays open.
    await live.selectOption('#refresh', '0');
    assert.match(live.url(), /[?&]refresh=0\b/);
    const before = served.count();
    alerts = [fakeAlert('QueryP99High', 'firing', 'warning', 1000, '7')];
    await live.clock.runFor(120_000);
    assert.equal(served.count(), before, 'no alerts read while paused');
    assert.equal(await entryState.getAttribute('data-state'), 'inactive');
    // Every 15 s: read at once, then once per 15 s.
    await live.selectOption('#refresh', '15');
    await pollUntil('the state to fire again', async () => ((await entryState.getAttribute('data-state')) === 'firing' ? true : undefined), 10_000);
    const afterResume = served.count();
    await live.clock.runFor(14_000);
    assert.equal(served.count(), afterResume, 'not read before 15 s');
    await live.clock.runFor(1_500);
    await pollUntil('a read after 15 s', () => served.count() > afterResume, 10_000);
    await live.close();
  });

  it('redraws a plot in view on each refresh and says when it was read', async () => {
    const entry = 'layer_http_requests_total';
    await pollUntil('the range passthrough to return the first scrapes', async () => {
      const end = Math.floor(Date.now() / 1000);
      const res = await request(`${gw.url}/v2/metrics/api/v1/query_range?${new URLSearchParams({ query: 'sum(rate(layer_http_requests_total[5m]))', start: String(end - 900), end: String(end), step: '4' })}`, { headers: bearer(gw.token) });
      return JSON.parse(res.text).data.result.some((s: { values: unknown[] }) => s.values.length >= 3) ? true : undefined;
    }, 45_000);
    await page.selectOption('#window', '15m');
    const article = page.locator(`article[data-name="${entry}"]`);
    await article.getByRole('button', { name: 'Plot', exact: true }).click();
    await article.locator('figure[data-state="drawn"]').waitFor();
    await article.locator('figure').scrollIntoViewIfNeeded();
    const readAt = await article.locator('figure').getAttribute('data-read-at');
    assert.match((await article.locator('figcaption').textContent()) ?? '', new RegExp(`read ${readAt}\\.`));
    const redraw = page.waitForResponse((res) => res.url().includes('/v2/metrics/api/v1/query_range'), { timeout: 15_000 });
    await redraw;
    await pollUntil('the plot to be read again', async () => ((await article.locator('figure').getAttribute('data-read-at')) !== readAt ? true : undefined), 15_000);
  });

  it('works behind a reverse proxy that serves the gateway under a path prefix', async () => {
    const proxy = await prefixProxy(gw.url);
    const behind = await browser.context.newPage();
    const failed: string[] = [];
    behind.on('response', (res) => {
      if (res.status() === 404) failed.push(res.url());
    });
    try {
      await behind.goto(`${proxy.url}/gw/observe`);
      await useToken(behind);
      await pollUntil('the overall line', async () => (/^(ok|alerting|pending)$/.test((await behind.locator('#overall .word').textContent()) ?? '') ? true : undefined), 10_000);
      await pollUntil('the alerts to be read', async () => (/; read \d\d:\d\d:\d\d\.$/.test((await behind.locator('#alerts-status').textContent()) ?? '') ? true : undefined), 10_000);
      await behind.selectOption('#window', '15m');
      const article = behind.locator('article[data-name="layer_http_requests_total"]');
      await article.getByRole('button', { name: 'Plot', exact: true }).click();
      await article.locator('figure[data-state="drawn"]').waitFor();
      assert.deepEqual(failed, []);
      const outside = proxy.paths.filter((path) => !path.startsWith('/gw/'));
      assert.deepEqual(outside, [], 'every request stays under the prefix');
      // The alerts route is answered in the browser (serveAlerts), so it is checked by its URL.
      const alertUrls = urls.filter((url) => url.startsWith(proxy.url) && url.includes('/api/v1/alerts'));
      assert.ok(alertUrls.length > 0 && alertUrls.every((url) => url.startsWith(`${proxy.url}/gw/v2/metrics/api/v1/alerts`)), alertUrls.join(' '));
      for (const want of ['/gw/observe', '/gw/observe/assets/', '/gw/health', '/gw/v2/metrics/catalog', '/gw/v2/metrics/api/v1/query_range?']) {
        assert.ok(proxy.paths.some((path) => path.startsWith(want)), `${want} asked through the proxy: ${proxy.paths.join(' ')}`);
      }
    } finally {
      await behind.close();
      await proxy.close();
    }
  });

  it('keeps the search, range, plots and refresh in the URL, so a copied link opens the same view, and never the token', async () => {
    await page.goto(`${gw.url}/observe`);
    await useToken(page);
    await page.locator('#search').fill('p99');
    await page.selectOption('#window', 'custom');
    await page.locator('#range-from').fill('now-45m');
    await page.getByRole('button', { name: 'Apply range' }).click();
    const entry = 'layer_query_duration_seconds';
    await page.locator(`article[data-name="${entry}"]`).getByRole('button', { name: 'Plot', exact: true }).click();
    await page.locator(`article[data-name="${entry}"] figure[data-state]:not([data-state="loading"])`).waitFor();
    const shared = new URL(page.url());
    assert.equal(shared.searchParams.get('q'), 'p99');
    assert.equal(shared.searchParams.get('range'), '45m');
    assert.equal(shared.searchParams.get('plot'), entry);
    // A bad range is refused with what to write, and the URL keeps the last good one.
    await page.locator('#range-from').fill('yesterday');
    await page.getByRole('button', { name: 'Apply range' }).click();
    assert.match((await page.locator('#range-status').textContent()) ?? '', /Range not applied: "yesterday" is not a start: write a duration back from now \(now-45m, 2h, 3d\) or a moment/);
    assert.equal(new URL(page.url()).searchParams.get('range'), '45m');
    // An absolute range, written on the 24-hour clock.
    await page.locator('#range-from').fill('2026-01-31 18:00');
    await page.locator('#range-to').fill('2026-01-31 19:30');
    await page.getByRole('button', { name: 'Apply range' }).click();
    await pollUntil('the absolute range in the URL', () => new URL(page.url()).searchParams.get('range') === '2026-01-31T18:00:00..2026-01-31T19:30:00', 5000);
    const link = page.url();
    // The link in another tab: after the token (which the link does not carry), the same view.
    const other = await browser.context.newPage();
    try {
      await other.goto(link);
      await useToken(other);
      assert.equal(await other.locator('#search').inputValue(), 'p99');
      assert.equal(await other.locator('#window').inputValue(), 'custom');
      assert.equal(await other.locator('#range-from').inputValue(), '2026-01-31 18:00:00');
      assert.equal(await other.locator('#range-to').inputValue(), '2026-01-31 19:30:00');
      const figure = other.locator(`article[data-name="${entry}"] figure`);
      await other.locator(`article[data-name="${entry}"] figure[data-state]:not([data-state="loading"])`).waitFor();
      assert.match((await figure.locator('figcaption').textContent()) ?? '', /2026-01-31 18:00:00 to 2026-01-31 19:30:00/);
      const visible = await other.locator('#families article:visible h4').allTextContents();
      assert.ok(visible.includes(entry), visible.join(', '));
    } finally {
      await other.close();
    }
    assert.deepEqual(urls.filter((url) => url.includes(gw.token)), []);
  });
});
