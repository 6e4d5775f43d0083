import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { analyzePromql } from '../../scripts/lib/catalog/promql.ts';
import { DEMO_NOT_DRIVEN } from '../demo/coverage.ts';
import { ROOT, plainNodeEnv } from '../embed/installed-package.ts';
import { request } from '../helpers/http.ts';
import { startScript } from '../helpers/script-child.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { COMMITTED_DASHBOARD, grafanaExpressions, withGrafanaMacros } from './grafana-panels.ts';

// Alert panels whose series exist only while the alert's trouble happens; the demo runs healthy.
const EMPTY_WHILE_HEALTHY: Readonly<Record<string, string>> = {
  'sum(rate(layer_http_requests_total{code=~"5..", route!~"/health|/readyz|/livez"}[5m])) / sum(rate(layer_http_requests_total{route!~"/health|/readyz|/livez"}[5m]))':
    'the demo answers no 5xx',
};

/** The catalog entry a panel's expression plots: its first metric name, a histogram's `_bucket` series mapped to the entry. */
function entryOf(expr: string): string {
  const [name = ''] = analyzePromql(withGrafanaMacros(expr)).metricNames;
  return name.replace(/_bucket$/, '');
}

describe('the committed Grafana dashboard against npm run demo', function () {
  // One minute for the data, plus start-up and the graceful stop.
  this.timeout(120_000);

  it("every panel's expression returns data through the passthrough as a range query, as Grafana sends it", async () => {
    const dashboard = JSON.parse(await readFile(join(ROOT, COMMITTED_DASHBOARD), 'utf8')) as Dashboard;
    const all = grafanaExpressions(dashboard);
    for (const expr of Object.keys(EMPTY_WHILE_HEALTHY)) assert.ok(all.includes(expr), `got no panel for ${expr}; drop it from EMPTY_WHILE_HEALTHY`);
    const expressions = all.filter((expr) => !(entryOf(expr) in DEMO_NOT_DRIVEN) && !(expr in EMPTY_WHILE_HEALTHY));
    assert.ok(expressions.length >= 30, `got ${expressions.length} expressions to query; want the dashboard's`);
    const dataDir = await makeTempDir('layer-demo-grafana');
    const demo = startScript(['--import', 'tsx', 'src/demo/main.ts'], ROOT, plainNodeEnv({ LAYER_GATEWAY_PORT: '0', LAYER_DATA_DIR: dataDir, LAYER_LOG_LEVEL: 'warn' }));
    try {
      const [, url] = await demo.waitFor(/ url: +(http:\/\/\S+)/, 60_000);
      const [, token] = await demo.waitFor(/ token: +(\S+)/, 1000);
      const started = Date.now();
      const pending = new Set(expressions);
      while (pending.size > 0 && Date.now() - started < 60_000) {
        for (const expr of [...pending]) {
          const end = Math.floor(Date.now() / 1000);
          // Grafana's POST form body for a range panel, through the passthrough route it uses.
          const body = new URLSearchParams({ query: withGrafanaMacros(expr), start: String(end - 300), end: String(end), step: '15' }).toString();
          const res = await request(`${url}/v2/metrics/api/v1/query_range`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
          assert.equal(res.status, 200, `${expr}: ${res.text}`);
          if ((JSON.parse(res.text) as { data: { result: unknown[] } }).data.result.length > 0) pending.delete(expr);
        }
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      assert.deepEqual([...pending], [], 'panel expressions still empty a minute after the demo started');
      assert.deepEqual(await demo.stop('SIGINT', 20_000), { code: 0, signal: null }, demo.output());
    } finally {
      await demo.stop('SIGKILL', 5000).catch(() => undefined);
      await removeTempDir(dataDir);
    }
  });
});
