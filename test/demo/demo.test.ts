import assert from 'node:assert/strict';
import { DEMO_DRIVEN, DEMO_NOT_DRIVEN } from './coverage.ts';
import { servedCatalog } from '../../src/generated/catalog.ts';
import { request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { startScript } from '../helpers/script-child.ts';
import { ROOT, plainNodeEnv } from '../embed/installed-package.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const catalogNames = servedCatalog.entries.map((entry) => entry.name);

describe('npm run demo', function () {
  // One minute for the data, plus start-up and the graceful stop.
  this.timeout(120_000);

  it('accounts for every catalog entry: driven, or listed with the reason it is not', () => {
    const notDriven = Object.keys(DEMO_NOT_DRIVEN);
    assert.deepEqual(DEMO_DRIVEN.filter((name) => notDriven.includes(name)), [], 'listed as both driven and not driven');
    const unaccounted = catalogNames.filter((name) => !DEMO_DRIVEN.includes(name) && !notDriven.includes(name));
    assert.deepEqual(unaccounted, [], 'catalog entries the demo neither drives nor lists as not driven: give them data or say why not in test/demo/coverage.ts');
    const unknown = [...DEMO_DRIVEN, ...notDriven].filter((name) => !catalogNames.includes(name));
    assert.deepEqual(unknown, [], 'names in test/demo/coverage.ts that are not in the catalog');
  });

  it("gives every driven entry's example_promql a non-empty result through the passthrough within a minute, says the data is synthetic, and stops on Ctrl-C", async () => {
    const dataDir = await makeTempDir('layer-demo');
    // The demo's own defaults (5 s scrape) stay; only the port and the data directory are the test's.
    const env = plainNodeEnv({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir, LAYER_LOG_LEVEL: 'warn' });
    const demo = startScript(['--import', 'tsx', 'src/demo/main.ts'], ROOT, env);
    try {
      const [, url] = await demo.waitFor(/ url: +(http:\/\/\S+)/, 60_000);
      const started = Date.now();
      const [, token] = await demo.waitFor(/ token: +(\S+)/, 1000);
      assert.match(demo.output(), /SYNTHETIC DATA/);
      assert.match(demo.output(), /Stop with Ctrl-C/);

      const examples = new Map(servedCatalog.entries.map((entry) => [entry.name, entry.example_promql]));
      const pending = new Set(DEMO_DRIVEN);
      const seconds = new Map<string, number>();
      while (pending.size > 0 && Date.now() - started < 60_000) {
        for (const name of [...pending]) {
          const query = examples.get(name)!;
          const res = await request(`${url}/v2/metrics/query?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}` } });
          assert.equal(res.status, 200, `${name}: ${res.text}`);
          if (JSON.parse(res.text).data.result.length > 0) {
            pending.delete(name);
            seconds.set(name, Math.round((Date.now() - started) / 1000));
          }
        }
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      console.log(`      seconds after start until non-empty: ${[...new Set(seconds.values())].sort((a, b) => a - b).join(', ')} (slowest ${Math.max(...seconds.values())} s)`);
      assert.deepEqual([...pending], [], 'entries whose example_promql was still empty a minute after start');
      assert.doesNotMatch(demo.output(), /dashboard request failed/);
      assert.deepEqual(await demo.stop('SIGINT', 20_000), { code: 0, signal: null }, demo.output());
    } finally {
      await demo.stop('SIGKILL', 5000).catch(() => undefined);
      await removeTempDir(dataDir);
    }
  });

  it('prints the /observe URL in a banner no access log scrolls away, and stops within 2 s of Ctrl-C, saying what it stops', async () => {
    const dataDir = await makeTempDir('layer-demo');
    // No LAYER_LOG_LEVEL (plainNodeEnv drops the LAYER_* it is not given): the demo's default, warn.
    const env = plainNodeEnv({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir });
    const demo = startScript(['--import', 'tsx', 'src/demo/main.ts'], ROOT, env);
    try {
      const [, url] = await demo.waitFor(/ url: +(http:\/\/\S+)/, 60_000);
      await demo.waitFor(new RegExp(` observe: +${url!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/observe `), 1000);
      const [, token] = await demo.waitFor(/ token: +(\S+)/, 1000);
      // The simulated dashboard and the scrapes run for a while: requests that info would log.
      await pollUntil('requests through the gateway', async () => {
        const res = await request(`${url}/v2/metrics/query?query=${encodeURIComponent('sum(layer_http_requests_total)')}`, { headers: { authorization: `Bearer ${token}` } });
        return Number(JSON.parse(res.text).data.result[0]?.value[1] ?? 0) > 5 ? true : undefined;
      }, 30_000, 500);
      const banner = demo.output().slice(demo.output().indexOf('SYNTHETIC DATA'));
      assert.doesNotMatch(banner, /"level":(10|20|30)\b/, 'no debug or info log line after the banner');
      const started = Date.now();
      assert.deepEqual(await demo.stop('SIGINT', 10_000), { code: 0, signal: null }, demo.output());
      const took = Date.now() - started;
      console.log(`      Ctrl-C to exit: ${took} ms (${/stopped in \S+ s/.exec(demo.output())?.[0]})`);
      assert.ok(took < 2000, `the demo took ${took} ms to stop:\n${demo.output().slice(-600)}`);
      assert.match(demo.output(), /stopping the simulated layer and dashboard, then the gateway \(in-flight requests get 0.5 s\) and vmalert and vmsingle/);
      assert.match(demo.output(), /layer gateway demo: stopped in \d+\.\d s/);
    } finally {
      await demo.stop('SIGKILL', 5000).catch(() => undefined);
      await removeTempDir(dataDir);
    }
  });
});
