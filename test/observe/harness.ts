/**
 * What the observe tab's browser tests share: Debian's Chromium through playwright-core, a
 * screenshot folder, and the alerts route answered by the test (page.route) in the Prometheus
 * alerts shape, since the alert states a test needs (firing, pending) cannot be produced on cue.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Chromium flags that keep it off the network it would otherwise try at every start. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve('.tmp/screenshots');

/** A browser with one persistent profile; close() removes the profile. */
export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launches headless Chromium at a desktop size. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test's pretest does, as root)`);
  await mkdir(SCREENSHOTS, { recursive: true });
  const profile = await makeTempDir('observe-chromium');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await removeTempDir(profile);
    },
  };
}

/** Saves a screenshot of `page` under .tmp/screenshots/ and prints its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage });
  console.log(`      screenshot: ${path}`);
}

/** One alert as GET /v2/metrics/api/v1/alerts lists it. */
export interface FakeAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending';
  activeAt: string;
  value: string;
}

/** An alert named `name`, active since `sinceMs` ago. */
export function fakeAlert(name: string, state: 'firing' | 'pending', severity: string, sinceMs: number, value: string): FakeAlert {
  return { labels: { alertname: name, severity }, annotations: { summary: `${name} holds` }, state, activeAt: new Date(Date.now() - sinceMs).toISOString(), value };
}

/**
 * Answers the alerts route in every page of `context` with `alerts()` (read at each request),
 * after checking the Bearer header as the gateway would; returns the count of answers.
 */
export async function serveAlerts(context: BrowserContext, token: string, alerts: () => FakeAlert[]): Promise<{ count: () => number }> {
  let count = 0;
  await context.route('**/v2/metrics/api/v1/alerts', async (route) => {
    count++;
    const auth = route.request().headers().authorization;
    if (auth !== `Bearer ${token}`) {
      await route.fulfill({ status: 401, json: { status: 'error', errorType: 'unauthorized', error: 'a valid token is required' } });
      return;
    }
    await route.fulfill({ json: { status: 'success', data: { alerts: alerts() } } });
  });
  return { count: () => count };
}
