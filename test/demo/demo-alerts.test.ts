/**
 * The demo's alert pipeline in its first minute: the bundled vmalert's alerts are served through
 * the gateway, none fires, and /health's counts follow the list back to zero once the start-up
 * alerts (a cold cache, the backend's first probe) have resolved.
 */
import assert from 'node:assert/strict';
import { bearer, request } from '../helpers/http.ts';
import { startScript } from '../helpers/script-child.ts';
import { ROOT, plainNodeEnv } from '../embed/installed-package.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** How long the demo is watched after it prints its URL: its first slow burst starts at 60 s. */
const WATCH_MS = 50_000;

interface AlertsBody {
  status: string;
  data: { alerts: { labels: Record<string, string>; state: string }[] };
}

describe('npm run demo: alerts in the first minute', function () {
  // The watch, plus start-up and the graceful stop.
  this.timeout(120_000);

  it('serves /v2/metrics/api/v1/alerts, fires nothing, and /health counts no alert once the list is empty', async () => {
    const dataDir = await makeTempDir('layer-demo-alerts');
    const env = plainNodeEnv({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir, LAYER_LOG_LEVEL: 'warn' });
    const demo = startScript(['--import', 'tsx', 'src/demo/main.ts'], ROOT, env);
    try {
      const [, url] = await demo.waitFor(/ url: +(http:\/\/\S+)/, 60_000);
      const [, token] = await demo.waitFor(/ token: +(\S+)/, 1000);
      const started = Date.now();
      const seen = new Map<string, Set<string>>();
      let settled = false;
      while (Date.now() - started < WATCH_MS) {
        const res = await request(`${url}/v2/metrics/api/v1/alerts`, { headers: bearer(token!) });
        assert.equal(res.status, 200, res.text);
        const body = JSON.parse(res.text) as AlertsBody;
        assert.equal(body.status, 'success');
        assert.ok(Array.isArray(body.data.alerts), `got data.alerts ${JSON.stringify(body.data.alerts)}; want a list`);
        for (const alert of body.data.alerts) {
          const name = alert.labels.alertname ?? '?';
          seen.set(name, (seen.get(name) ?? new Set()).add(alert.state));
        }
        const firing = body.data.alerts.filter((alert) => alert.state === 'firing').map((alert) => alert.labels.alertname);
        assert.deepEqual(firing, [], `firing ${Math.round((Date.now() - started) / 1000)} s after start`);
        // Settled: the list is empty and /health counts none; an alert listed again unsettles it.
        if (body.data.alerts.length === 0) {
          const health = JSON.parse((await request(`${url}/health`)).text) as { alerts: { firing: number; pending: number } };
          if (health.alerts.firing === 0 && health.alerts.pending === 0) settled = true;
        } else {
          settled = false;
        }
        // Paced across the watch: that nothing fires for WATCH_MS is the behaviour under test.
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      console.log(`      alerts seen: ${[...seen].map(([name, states]) => `${name} (${[...states].join(', ')})`).join('; ') || 'none'}`);
      assert.ok(settled, '/health still counted alerts after the last one had left the list');
      assert.deepEqual(await demo.stop('SIGINT', 20_000), { code: 0, signal: null }, demo.output());
    } finally {
      await demo.stop('SIGKILL', 5000).catch(() => undefined);
      await removeTempDir(dataDir);
    }
  });
});
