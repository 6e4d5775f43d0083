/**
 * The catalog's alerts evaluated for real by the bundled vmalert, on a 1 s scrape and evaluation
 * interval: a crash-looping vmsingle makes VmsingleRestarting (`for: 0m`) fire within two
 * evaluations of the data showing it, and its notification reaches the gateway; a dropped cache makes CacheDisconnected pending, not firing,
 * while its `for` runs; and a restarted gateway keeps the pending alert's activeAt (restored from
 * ALERTS_FOR_STATE by remote read).
 */
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { startHangingCache } from '../helpers/hanging-cache.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const EVAL_MS = 1000;
const ENV = { LAYER_ALERT_EVAL_INTERVAL: `${EVAL_MS}ms` };

interface Alert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
}

async function alertNamed(gw: TestGateway, name: string): Promise<Alert | undefined> {
  const res = await request(`${gw.url}/v2/metrics/api/v1/alerts`, { headers: bearer(gw.token) });
  assert.equal(res.status, 200, res.text);
  return (JSON.parse(res.text) as { data: { alerts: Alert[] } }).data.alerts.find((a) => a.labels.alertname === name);
}

/** Whether the instant query returns any series through the gateway's passthrough. */
async function holds(gw: TestGateway, query: string): Promise<true | undefined> {
  const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent(query)}`, { headers: bearer(gw.token) });
  if (res.status !== 200) return undefined;
  return (JSON.parse(res.text) as { data: { result: unknown[] } }).data.result.length > 0 || undefined;
}

describe('faults: the catalog alerts, evaluated by the bundled vmalert', function () {
  this.timeout(60_000);

  it('fires VmsingleRestarting within two evaluation intervals of the data after three vmsingle kills; ALERTS answers through the passthrough', async () => {
    const gw = await startTestGateway({ env: ENV, captureLogs: true });
    try {
      const vm = gw.gateway.vmsingle!;
      await pollUntil('restart counter scraped', () => holds(gw, 'layer_vmsingle_restarts_total'), 20_000, 200);
      for (let kill = 1; kill <= 3; kill++) {
        const pid = vm.pid!;
        process.kill(pid, 'SIGKILL');
        await pollUntil(`vmsingle back after kill ${kill}`, () => (vm.state === 'up' && vm.pid !== pid ? true : undefined), 20_000);
      }
      const dataAt = await pollUntil('the data shows three restarts', async () => ((await holds(gw, 'increase(layer_vmsingle_restarts_total[15m]) > 2')) ? performance.now() : undefined), 20_000, 100);
      const firingAt = await pollUntil('VmsingleRestarting firing', async () => ((await alertNamed(gw, 'VmsingleRestarting'))?.state === 'firing' ? performance.now() : undefined), 10_000, 100);
      const lag = firingAt - dataAt;
      console.log(`      VmsingleRestarting firing ${Math.round(lag)} ms after the data showed it (evaluation interval ${EVAL_MS} ms)`);
      assert.ok(lag <= 2 * EVAL_MS, `firing ${Math.round(lag)} ms after the data; want within two evaluation intervals (${2 * EVAL_MS} ms)`);
      await pollUntil('ALERTS{alertstate="firing"} through the passthrough', () => holds(gw, 'ALERTS{alertname="VmsingleRestarting",alertstate="firing"}'), 30_000, 250);
      const health = JSON.parse((await request(`${gw.url}/health`)).text) as { alerts: { firing: number } };
      assert.ok(health.alerts.firing >= 1, `/health alerts ${JSON.stringify(health.alerts)}; want firing >= 1`);
      // Without LAYER_ALERTMANAGER_URL the notification reaches the gateway's own receiver, which logs it.
      await pollUntil('the notification logged', () => gw.logs.some((line) => line.includes('"msg":"alert firing"') && line.includes('VmsingleRestarting')) || undefined, 10_000, 100);
    } finally {
      await gw.close();
    }
  });

  it('shows CacheDisconnected pending (not firing) before its for has passed, and a restarted gateway keeps its activeAt', async () => {
    const cache = await startHangingCache();
    const dataDir = await makeTempDir('layer-alert-restore');
    const env = { ...ENV, LAYER_CACHE_ADDR: cache.addr };
    let gw = await startTestGateway({ env, dataDir });
    try {
      await pollUntil('cache connected', async () => ((await request(`${gw.url}/health`)).status === 200 ? true : undefined), 10_000);
      await cache.close();
      const pending = await pollUntil('CacheDisconnected active', () => alertNamed(gw, 'CacheDisconnected'), 20_000, 200);
      assert.equal(pending.state, 'pending', `CacheDisconnected is ${pending.state} seconds after the drop; its for is 5m`);
      await pollUntil('/health counts it pending', async () => {
        const health = JSON.parse((await request(`${gw.url}/health`)).text) as { alerts: { pending: number } };
        return health.alerts.pending >= 1 ? true : undefined;
      }, 5000, 100);
      // vmalert restores from what the backend can already find: wait until its state is searchable.
      await pollUntil('ALERTS_FOR_STATE searchable', () => holds(gw, 'ALERTS_FOR_STATE{alertname="CacheDisconnected"}'), 30_000, 250);
      await gw.close();
      gw = await startTestGateway({ env, dataDir });
      const restored = await pollUntil('CacheDisconnected after the restart', () => alertNamed(gw, 'CacheDisconnected'), 20_000, 200);
      assert.equal(restored.state, 'pending');
      // ALERTS_FOR_STATE holds activeAt in whole seconds.
      const drift = Math.abs(Date.parse(restored.activeAt) - Date.parse(pending.activeAt));
      assert.ok(drift < 1000, `activeAt ${restored.activeAt} after the restart; want ${pending.activeAt} (kept)`);
    } finally {
      await gw.close();
      await removeTempDir(dataDir);
    }
  });
});
