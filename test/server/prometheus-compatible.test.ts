/**
 * Any Prometheus-compatible backend behind LAYER_VM_URL: vmsingle served under a path prefix (as a
 * cluster's vmselect is) and a real Prometheus server. /health must follow the query API, and the
 * passthrough must answer what the backend answers, byte for byte.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { bearer, request } from '../helpers/http.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const e = encodeURIComponent;
const T0 = 1_700_000_000;

/** Waits for /health 200 and returns its body. */
async function healthOk(gw: TestGateway): Promise<{ status: string; backend: { state: string; mode: string } }> {
  return pollUntil('/health 200', async () => {
    const res = await request(`${gw.url}/health`);
    return res.status === 200 ? JSON.parse(res.text) : undefined;
  }, 15_000);
}

/** Asserts that each path answers the same status and bytes through the gateway as from `direct`. */
async function assertSameAnswers(gw: TestGateway, direct: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const want = await request(`${direct}/api/v1/${path}`);
    const got = await request(`${gw.url}/v2/metrics/api/v1/${path}`, { headers: bearer(gw.token) });
    assert.equal(got.status, want.status, `${path}: status got ${got.status}; want ${want.status} (${got.text.slice(0, 200)})`);
    assert.ok(got.body.equals(want.body), `${path}: body differs\n got ${got.text.slice(0, 300)}\nwant ${want.text.slice(0, 300)}`);
  }
}

describe('a vmsingle served under a path prefix (-http.pathPrefix=/select/0/prometheus)', function () {
  this.timeout(60_000);
  const PREFIX = '/select/0/prometheus';
  let dataDir: string;
  let vm: ServerProcess | undefined;
  let gw: TestGateway | undefined;
  before(async () => {
    dataDir = await makeTempDir('layer-prefixed');
    vm = await startServerProcess({
      command: 'victoria-metrics',
      args: (port) => [`-storageDataPath=${dataDir}`, `-httpListenAddr=127.0.0.1:${port}`, '-retentionPeriod=100y', `-http.pathPrefix=${PREFIX}`],
      readyPath: `${PREFIX}/health`,
    });
    const lines = [0, 1, 2, 3].map((i) => `prefixed_total{i="${i}"} ${i * 10} ${(T0 + i * 15) * 1000}`);
    const imported = await request(`${vm.url}${PREFIX}/api/v1/import/prometheus`, { method: 'POST', body: `${lines.join('\n')}\n` });
    assert.equal(imported.status, 204, imported.text);
    await request(`${vm.url}${PREFIX}/internal/force_flush`);
    gw = await startTestGateway({ env: { LAYER_VM_URL: `${vm.url}${PREFIX}` } });
  });
  after(async () => {
    await gw?.close();
    await vm?.stop();
    await removeTempDir(dataDir);
  });

  it('is healthy: /health answers 200 ok with the backend up', async () => {
    const body = await healthOk(gw!);
    assert.deepEqual([body.status, body.backend.state, body.backend.mode], ['ok', 'up', 'external']);
  });

  it('answers queries byte for byte as the prefixed vmsingle does', async () => {
    const t = T0 + 60;
    await assertSameAnswers(gw!, `${vm!.url}${PREFIX}`, [
      `query?query=${e('prefixed_total')}&time=${t}`,
      `query?query=${e('sum(prefixed_total)')}&time=${t}`,
      `query_range?query=${e('prefixed_total')}&start=${T0}&end=${t}&step=15`,
      `query?query=${e('sum(')}&time=${t}`,
    ]);
  });
});

describe('a Prometheus server (Debian prometheus 2.42) as the backend', function () {
  this.timeout(60_000);
  let dataDir: string;
  let prom: ServerProcess | undefined;
  let gw: TestGateway | undefined;
  before(async () => {
    dataDir = await makeTempDir('layer-prometheus');
    const configFile = join(dataDir, 'prometheus.yml');
    await writeFile(configFile, 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
    prom = await startServerProcess({
      command: '/usr/bin/prometheus',
      args: (port) => [`--config.file=${configFile}`, `--storage.tsdb.path=${join(dataDir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`],
      readyPath: '/-/ready',
    });
    gw = await startTestGateway({ env: { LAYER_VM_URL: prom.url } });
  });
  after(async () => {
    await gw?.close();
    await prom?.stop();
    await removeTempDir(dataDir);
  });

  it('is healthy: /health answers 200 ok although Prometheus has no /health', async () => {
    const body = await healthOk(gw!);
    assert.deepEqual([body.status, body.backend.state], ['ok', 'up']);
  });

  it('answers a corpus of queries with the same status and bytes as Prometheus itself', async () => {
    // Every query carries an explicit time, so both answers are computed at the same instant.
    const t = T0 + 600;
    await assertSameAnswers(gw!, prom!.url, [
      `query?query=${e('1+1')}&time=${t}`,
      `query?query=${e('vector(3) * 2')}&time=${t}`,
      `query?query=${e('time()')}&time=${t}`,
      `query?query=${e('"text"')}&time=${t}`,
      `query?query=${e('up')}&time=${t}`,
      `query?query=${e('label_replace(vector(1), "a", "b c&d", "", "")')}&time=${t}`,
      `query_range?query=${e('vector(1)')}&start=${T0}&end=${t}&step=60`,
      `query?query=${e('sum(')}&time=${t}`,
      `query_range?query=up&start=${t}&end=${T0}&step=60`,
    ]);
  });
});
