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
import { bundledBackend } from '../helpers/vmsingle-secrets.ts';
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
    // Only a pending alert: the overall state says so, as a warning, on the next refresh.
    alerts = alerts.filter((a) => a.state === 'pending');
    await pollUntil('the overall state to read pending', async () => ((await page.locator('#overall .word').textContent()) === 'pending' ? true : undefined), 15_000);
    assert.equal(await page.locator('#overall').getAttribute('data-tone'), 'warn');
    assert.match((await page.locator('#overall .detail').textContent()) ?? '', /^dependencies ok; 1 alert pending: PipelineBacklogHigh$/);
    alerts = [];
    await pollUntil('the overall state to read ok', async () => ((await page.locator('#overall .detail').textContent()) === 'every dependency is ok; no alert firing or pending' ? true : undefined), 15_000);
  });

  it('refreshes alert states on the interval the operator picks, pauses, and says when each was read', async () => {
    alerts = [fakeAlert('QueryP99High', 'firing', 'warning', 60_000, '25')];
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

  it('redraws a plot in view on each refresh, says when it was read, and keeps a series hidden from the legend hidden', async () => {
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
    // The operator hides a series from the legend (its first row is the time).
    const series = article.locator('.u-legend .u-series').nth(1);
    const hidden = (await series.locator('.u-label').textContent())!;
    await series.locator('.u-label').click();
    const legendOf = () =>
      article.locator('.u-legend .u-series').evaluateAll((rows) => rows.slice(1).map((row) => ({ label: row.querySelector('.u-label')?.textContent, off: row.classList.contains('u-off') })));
    assert.deepEqual((await legendOf()).filter((row) => row.off).map((row) => row.label), [hidden]);
    const redraw = page.waitForResponse((res) => res.url().includes('/v2/metrics/api/v1/query_range'), { timeout: 15_000 });
    await redraw;
    await pollUntil('the plot to be read again', async () => ((await article.locator('figure').getAttribute('data-read-at')) !== readAt ? true : undefined), 15_000);
    const legend = await legendOf();
    assert.ok(legend.length > 1, JSON.stringify(legend));
    assert.deepEqual(legend.filter((row) => row.off).map((row) => row.label), [hidden], 'the hidden series is still hidden after the refresh, and only it');
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

  it('plots in one unit per axis on the 24-hour clock, with the alert threshold and a tooltip at the cursor', async () => {
    // 20 min of query-duration buckets whose p99 lies between 5 and 10 s, so QueryP99High's
    // threshold (> 5) falls inside the plot.
    const vm = await bundledBackend(gw);
    const end = Math.floor(Date.now() / 1000 / 15) * 15 - 60;
    const bounds: [string, number][] = [['0.5', 0], ['1', 10], ['2.5', 50], ['5', 90], ['10', 100], ['+Inf', 100]];
    const lines = bounds.map(([le, perStep]) => {
      const timestamps: number[] = [];
      const values: number[] = [];
      for (let t = end - 1200, i = 0; t <= end; t += 15, i++) {
        timestamps.push(t * 1000);
        values.push(perStep * i);
      }
      return JSON.stringify({ metric: { __name__: 'layer_query_duration_seconds_bucket', le, status: 'ok' }, values, timestamps });
    });
    const imported = await vm.request('/api/v1/import', { method: 'POST', body: `${lines.join('\n')}\n` });
    assert.equal(imported.status, 204, imported.text);
    await vm.request(`/internal/force_flush?authKey=${encodeURIComponent(vm.secrets.forceFlushAuthKey)}`);
    await pollUntil('the imported buckets searchable', async () => {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?${new URLSearchParams({ query: 'count(layer_query_duration_seconds_bucket)', time: String(end) })}`, { headers: bearer(gw.token) });
      return JSON.parse(res.text).data.result[0]?.value[1] === String(bounds.length) ? true : undefined;
    }, 20_000);
    await page.goto(`${gw.url}/observe?range=15m`);
    await useToken(page);
    const article = page.locator('article[data-name="layer_query_duration_seconds"]');
    await article.getByRole('button', { name: 'Plot', exact: true }).click();
    await article.locator('figure[data-state="drawn"]').waitFor();
    const figure = article.locator('figure');
    assert.match((await figure.locator('figcaption').textContent()) ?? '', /in seconds; the dashed line is the alert's threshold \(> 5 s\); read \d\d:\d\d:\d\d\./);
    // The threshold: a row of the canvas drawn mostly in the --bad colour.
    const dashed = await page.evaluate<number>(`((fig) => {
      const canvas = fig.querySelector('canvas');
      const bad = getComputedStyle(fig).getPropertyValue('--bad').trim();
      const want = [1, 3, 5].map((i) => parseInt(bad.slice(i, i + 2), 16));
      const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let best = 0;
      for (let y = 0; y < height; y++) {
        let n = 0;
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) < 40) n++;
        }
        best = Math.max(best, n / width);
      }
      return best;
    })(document.querySelector('article[data-name="layer_query_duration_seconds"] figure'))`);
    assert.ok(dashed > 0.3, `the threshold line covers ${(dashed * 100).toFixed(0)}% of the widest row in the --bad colour`);
    // The cursor: a tooltip with the time on the 24-hour clock and the value in its unit.
    await figure.scrollIntoViewIfNeeded();
    const over = await figure.locator('.u-over').boundingBox();
    await page.mouse.move(over!.x + over!.width * 0.6, over!.y + over!.height * 0.5);
    const tip = figure.locator('.plot-tip');
    await tip.waitFor({ state: 'visible' });
    assert.match((await tip.locator('.plot-tip-time').textContent()) ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.match((await tip.textContent()) ?? '', /value: \d+(\.\d+)? s$/);
    assert.match((await figure.locator('.u-legend .u-series').first().locator('.u-value').textContent()) ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, 'the legend time is on the 24-hour clock');
    await screenshot(page, 'observe-threshold-tooltip.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await article.getByRole('button', { name: 'Plot', exact: true }).click();
    await article.locator('figure[data-state="drawn"]').waitFor();
    await page.mouse.move(over!.x + over!.width * 0.5, over!.y + over!.height * 0.4);
    await screenshot(page, 'observe-dark-threshold.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('finds entries by alert name, quantile, what a duration measures and label descriptions; the index follows; families fold', async () => {
    await page.goto(`${gw.url}/observe`);
    await useToken(page);
    const search = page.locator('#search');
    const visible = () => page.locator('#families article:visible h4').allTextContents();
    const durations = ['layer_query_duration_seconds', 'layer_http_request_duration_seconds', 'layer_upstream_request_duration_seconds'];
    await search.fill('QueryP99High');
    assert.deepEqual(await visible(), ['layer_query_duration_seconds']);
    for (const word of ['latency', 'slow', 'p99']) {
      await search.fill(word);
      const names = await visible();
      for (const name of durations) assert.ok(names.includes(name), `"${word}" finds ${name}: ${names.join(', ')}`);
      assert.ok(!names.includes('layer_http_requests_total'), `"${word}" leaves out the request counter`);
    }
    await search.fill('route template'); // in a label's description only
    assert.ok((await visible()).includes('layer_http_requests_total'));
    // The catalog's `literals` are rendered as code, and no backtick shows.
    const route = page.locator('article[data-name="layer_http_requests_total"] .labels tbody tr', { hasText: 'Route template' });
    assert.deepEqual(await route.locator('td').first().locator('code').allTextContents(), ['unmatched']);
    assert.doesNotMatch((await page.locator('#families').textContent()) ?? '', /`/);
    await search.fill('memory');
    const memory = await visible();
    for (const name of ['nodejs_heap_used_bytes', 'process_resident_memory_bytes']) assert.ok(memory.includes(name), `"memory" finds ${name}`);
    // The index shows only the families with a match, with their counts.
    await search.fill('heap');
    assert.deepEqual(await visible(), ['nodejs_heap_used_bytes']);
    assert.deepEqual(await page.locator('#family-index li:visible a').allTextContents(), ['nodejs (1 of 2)']);
    await search.fill('');
    // A family folds and unfolds from its heading.
    const fold = page.locator('section[data-family="layer_http"] h3 .fold');
    await fold.click();
    assert.equal(await fold.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('section[data-family="layer_http"] article:visible').count(), 0);
    await fold.click();
    assert.ok((await page.locator('section[data-family="layer_http"] article:visible').count()) > 0);
  });

  it('on a 390 px phone, breaks PromQL between tokens and fits the search placeholder', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${gw.url}/observe`);
      await useToken(page);
      // Every name, with its [range] if it has one, lies on one line.
      // (A string: tsx would name the helpers inside with a function the page lacks.)
      const split = await page.evaluate<string[]>(`[...document.querySelectorAll('pre.promql code')].flatMap((code) => {
        const nodes = [];
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ node: n, start: offset }); offset += n.length; }
        const at = (i) => { const hit = nodes.filter((x) => x.start <= i).pop(); return [hit.node, i - hit.start]; };
        const broken = [];
        for (const match of (code.textContent ?? '').matchAll(/[a-zA-Z_:][\\w:]*(\\[[^\\]]*\\])?/g)) {
          const range = document.createRange();
          range.setStart(...at(match.index));
          const [node, end] = at(match.index + match[0].length - 1);
          range.setEnd(node, end + 1);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
        return broken;
      })`);
      assert.deepEqual(split, []);
      const wrapped = await page.evaluate<number>(`((pre) => pre.getBoundingClientRect().height / parseFloat(getComputedStyle(pre).lineHeight))(document.querySelector('article[data-name="layer_http_request_duration_seconds"] pre.promql'))`);
      assert.ok(wrapped >= 2, 'the long example does wrap on a phone');
      const fits = await page.evaluate<{ need: number; room: number }>(`((el) => {
        const style = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = style.fontSize + ' ' + style.fontFamily;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { need: ctx.measureText(el.placeholder).width, room };
      })(document.getElementById('search'))`);
      assert.ok(fits.need <= fits.room, `the placeholder needs ${fits.need.toFixed(0)} px of ${fits.room.toFixed(0)}`);
      await screenshot(page, 'observe-phone-top.png');
      await page.locator('article[data-name="layer_http_request_duration_seconds"] pre.promql').scrollIntoViewIfNeeded();
      await screenshot(page, 'observe-phone-promql.png');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('explores any PromQL with completion loaded on demand, from the lookup routes with the Bearer header, as a table or a plot', async () => {
    const lookups: { path: string; auth: string | undefined }[] = [];
    const onRequest = (req: { url(): string; headers(): Record<string, string> }) => {
      const url = new URL(req.url());
      if (/\/api\/v1\/(labels|label\/|series|metadata)/.test(url.pathname)) lookups.push({ path: url.pathname, auth: req.headers().authorization });
    };
    // The completion offers what the backend has: wait until the request counter is searchable.
    await pollUntil('layer_http_requests_total{route="/health"} searchable', async () => {
      const res = await request(`${gw.url}/v2/metrics/api/v1/label/route/values?${new URLSearchParams({ 'match[]': 'layer_http_requests_total' })}`, { headers: bearer(gw.token) });
      return (JSON.parse(res.text).data as string[]).includes('/health') ? true : undefined;
    }, 30_000, 250);
    page.on('request', onRequest);
    try {
      await page.goto(`${gw.url}/observe`);
      await useToken(page);
      assert.deepEqual(urls.filter((url) => url.includes('explore-editor-') && url.startsWith(gw.url)).length, 0, 'the editor is not loaded with the page');
      await page.locator('#expr').click();
      const content = page.locator('#expr-editor .cm-content');
      await content.waitFor();
      assert.equal(urls.filter((url) => url.includes('explore-editor-')).length, 1, 'the editor is loaded once, when the box is first focused');
      const options = () => page.locator('.cm-tooltip-autocomplete li').allTextContents();
      const offered = (what: string, want: string) => pollUntil(what, async () => ((await options()).some((o) => o.includes(want)) ? true : undefined), 10_000);
      // Metric names, with their HELP text from the metadata route.
      await page.keyboard.type('layer_http_req');
      await offered('metric names', 'layer_http_requests_total');
      const info = await pollUntil('the HELP of the selected metric', async () => (await page.locator('.cm-completionInfo').textContent().catch(() => '')) || undefined, 10_000);
      // Functions.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('histogram_q');
      await offered('functions', 'histogram_quantile');
      // Label names and values of a metric.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('layer_http_requests_total{');
      await offered('label names', 'route');
      await page.keyboard.type('route="');
      await offered('label values', '/health');
      console.log(`      completion info of the first metric offered: ${JSON.stringify(info)}`);
      assert.ok(lookups.some((l) => l.path.endsWith('/metadata')), `the metadata route was asked: ${lookups.map((l) => l.path).join(' ')}`);
      assert.ok(lookups.some((l) => /\/label\/route\/values$/.test(l.path)), 'label values were asked');
      assert.ok(lookups.every((l) => l.auth === `Bearer ${gw.token}`), 'every lookup carries the Bearer header');
      // Run now: a table; the query and the way it ran go to the URL.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('sum by (route) (layer_http_requests_total)');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Run now (table)' }).click();
      await pollUntil('the table', async () => ((await page.locator('#explore-table tbody tr').count()) > 0 ? true : undefined), 10_000).catch(async (error: Error) => {
        throw new Error(`${error.message}; status: ${await page.locator('#explore-status').textContent()}; editor: ${await content.textContent()}`);
      });
      assert.match((await page.locator('#explore-status').textContent()) ?? '', /^\d+ series \(vector\); read \d\d:\d\d:\d\d\.$/);
      assert.ok((await page.locator('#explore-table tbody th').allTextContents()).some((t) => t.includes('route="/health"')));
      const shared = new URL(page.url());
      assert.equal(shared.searchParams.get('expr'), 'sum by (route) (layer_http_requests_total)');
      assert.equal(shared.searchParams.get('run'), 'instant');
      // Over the range: a plot.
      await page.selectOption('#window', '15m');
      await page.getByRole('button', { name: 'Run over the plot range (plot)' }).click();
      await page.locator('#explore-plot[data-state="drawn"]').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('run'), 'range');
      // A bad expression shows the backend's error.
      await content.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('sum(');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Run now (table)' }).click();
      await pollUntil('the error', async () => (/^The query failed \(\d+\): /.test((await page.locator('#explore-status').textContent()) ?? '') ? true : undefined), 10_000);
      // The link opens the same query, run the same way.
      await page.goto(`${gw.url}/observe?range=15m&expr=${encodeURIComponent('sum(rate(layer_http_requests_total[5m]))')}&run=range`);
      await page.locator('#explore-plot[data-state="drawn"]').waitFor();
      await page.locator('#explore-plot').scrollIntoViewIfNeeded();
      await screenshot(page, 'observe-explore.png');
    } finally {
      page.off('request', onRequest);
    }
  });
});
