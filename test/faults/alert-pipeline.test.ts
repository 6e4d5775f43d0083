/**
 * The alert pipeline's other shapes: notifications into a real Alertmanager (LAYER_ALERTMANAGER_URL);
 * the gateway's vmalert against an external backend, writing ALERTS to LAYER_ALERT_WRITE_URL; the
 * operator's own vmalert behind LAYER_RULES_URL; and an external backend with no rule engine.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildVmalertArgs, launchVmalert } from '../../src/alerts/launch-vmalert.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { silentLogger } from '../../src/logger.ts';
import { renderVmalertRules } from '../../src/wiring/alerts.ts';
import { startAlertmanager } from '../helpers/alertmanager.ts';
import { startTestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { importSeries } from '../helpers/vm-import.ts';
import { startVmsingleProcess } from '../helpers/vmsingle-process.ts';
import { tempDirPerTest } from '../helpers/temp-dir.ts';

// MetricLabelOverflow has `for: 0m` and fires on any increase of its counter within an hour:
// importing an hour of that counter makes it fire at the next evaluation.
const OVERFLOW = 'layer_metrics_label_overflow_total';

interface AlertsBody {
  data: { alerts: { labels: Record<string, string>; state: string }[] };
}

async function firing(url: string, token: string, alertname: string): Promise<boolean | undefined> {
  const res = await request(`${url}/v2/metrics/api/v1/alerts`, { headers: bearer(token) });
  if (res.status !== 200) return undefined;
  const body = JSON.parse(res.text) as AlertsBody;
  return body.data.alerts.some((a) => a.labels.alertname === alertname && a.state === 'firing') || undefined;
}

async function seriesCount(vmUrl: string, query: string): Promise<number | undefined> {
  const res = await fetch(`${vmUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await res.json()) as { data: { result: unknown[] } };
  return body.data.result.length > 0 ? body.data.result.length : undefined;
}

describe('alert pipeline: Alertmanager and external backends', function () {
  this.timeout(60_000);
  const dir = tempDirPerTest('layer-alerts');

  it('sends firing alerts to a real Alertmanager (LAYER_ALERTMANAGER_URL): GET /api/v2/alerts shows them', async () => {
    const am = await startAlertmanager(dir());
    const gw = await startTestGateway({ env: { LAYER_ALERTMANAGER_URL: am.url } });
    try {
      const vm = gw.gateway.vmsingle!;
      await importSeries(vm.url, OVERFLOW, 1, 1, { authorization: vm.authorization });
      const alerts = await pollUntil('Alertmanager holds MetricLabelOverflow', async () => {
        const held = await am.alerts();
        return held.some((a) => a.labels.alertname === 'MetricLabelOverflow') ? held : undefined;
      }, 40_000, 250);
      const alert = alerts.find((a) => a.labels.alertname === 'MetricLabelOverflow')!;
      assert.equal(alert.labels.severity, 'info');
      assert.equal(alert.status.state, 'active');
    } finally {
      await gw.close();
      await am.stop();
    }
  });

  it('runs its vmalert against an external backend and writes ALERTS to LAYER_ALERT_WRITE_URL', async () => {
    const backend = await startVmsingleProcess({ dataDir: join(dir(), 'backend') });
    const written = await startVmsingleProcess({ dataDir: join(dir(), 'written') });
    const gw = await startTestGateway({ env: { LAYER_VM_URL: backend.url, LAYER_ALERT_WRITE_URL: written.url } });
    try {
      assert.ok(gw.gateway.vmalert, 'the gateway runs no vmalert with LAYER_ALERT_WRITE_URL');
      await importSeries(backend.url, OVERFLOW, 1, 1);
      await pollUntil('MetricLabelOverflow firing', () => firing(gw.url, gw.token, 'MetricLabelOverflow'), 30_000, 250);
      await pollUntil('ALERTS in the write target', () => seriesCount(written.url, 'ALERTS{alertname="MetricLabelOverflow",alertstate="firing"}'), 30_000, 500);
      const health = JSON.parse((await request(`${gw.url}/health`)).text) as { alerts: { firing: number; source: string } };
      assert.equal(health.alerts.source, 'bundled');
    } finally {
      await gw.close();
      await backend.stop();
      await written.stop();
    }
  });

  it('serves the operator\'s own vmalert through LAYER_RULES_URL and runs none of its own', async () => {
    const backend = await startVmsingleProcess({ dataDir: join(dir(), 'backend') });
    const sink = createServer((req, res) => req.resume().on('end', () => res.end()));
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const rulesPath = join(dir(), 'rules.yml');
    await writeFile(rulesPath, renderVmalertRules());
    const port = await findFreePort();
    const own = await launchVmalert({
      binary: 'vmalert',
      args: buildVmalertArgs({
        rulesPath, backendUrl: backend.url, writeUrl: backend.url, port, evalIntervalMs: 1000,
        notifierUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`, externalUrl: 'http://example.invalid',
      }),
      flagEnv: {}, url: `http://127.0.0.1:${port}`, startTimeoutMs: 20_000, stopTimeoutMs: 10_000, logger: silentLogger, signal: new AbortController().signal,
    });
    const gw = await startTestGateway({ env: { LAYER_VM_URL: backend.url, LAYER_RULES_URL: `http://127.0.0.1:${port}` } });
    try {
      assert.equal(gw.gateway.vmalert, undefined, 'the gateway started a vmalert of its own with LAYER_RULES_URL');
      const rules = await request(`${gw.url}/v2/metrics/api/v1/rules`, { headers: bearer(gw.token) });
      assert.equal(rules.status, 200, rules.text);
      assert.match(rules.text, /"name":"CacheDisconnected"/);
      await importSeries(backend.url, OVERFLOW, 1, 1);
      await pollUntil('MetricLabelOverflow firing', () => firing(gw.url, gw.token, 'MetricLabelOverflow'), 30_000, 250);
      const health = await pollUntil('/health counts it', async () => {
        const body = JSON.parse((await request(`${gw.url}/health`)).text) as { alerts: { firing: number; source: string } };
        return body.alerts.firing > 0 ? body : undefined;
      }, 10_000, 250);
      assert.equal(health.alerts.source, 'external');
    } finally {
      await gw.close();
      await own.stop();
      sink.close();
      await backend.stop();
    }
  });

  it('answers 503 naming the variables to set when an external backend has no rule engine', async () => {
    const backend = await startVmsingleProcess({ dataDir: join(dir(), 'backend') });
    const gw = await startTestGateway({ env: { LAYER_VM_URL: backend.url } });
    try {
      const res = await request(`${gw.url}/v2/metrics/api/v1/alerts`, { headers: bearer(gw.token) });
      assert.equal(res.status, 503, res.text);
      const body = JSON.parse(res.text) as { errorType: string; error: string };
      assert.equal(body.errorType, 'unavailable');
      assert.match(body.error, /LAYER_ALERT_WRITE_URL.*LAYER_RULES_URL/);
      // The external backend's first probe may still be under way: /health is read once it has answered.
      const health = await pollUntil('/health 200', async () => {
        const res = await request(`${gw.url}/health`);
        return res.status === 200 ? res : undefined;
      }, 10_000, 100);
      assert.deepEqual((JSON.parse(health.text) as { alerts: unknown }).alerts, { firing: 0, pending: 0, source: 'none' });
    } finally {
      await gw.close();
      await backend.stop();
    }
  });
});
