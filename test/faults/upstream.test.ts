/**
 * Upstream faults: the backend down and back, a reset in the middle of a body, and a real
 * vmsingle at its concurrency limit.
 *
 * Covered elsewhere, not repeated here:
 * - the bundled vmsingle killed and restarted with backoff (/health 503 meanwhile, 200 after,
 *   layer_vmsingle_restarts_total): test/server/health.test.ts;
 * - a backend slower than LAYER_VM_TIMEOUT_MS (504 errorType timeout, the backend request
 *   aborted): test/server/upstream-faults.test.ts.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startGatewayOnFake, startTestGateway } from '../helpers/gateway.ts';
import { bearer, metricValue, request, type RawResponse } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { startVmsingleProcess } from '../helpers/vmsingle-process.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

/** Runs curl and resolves with its exit code and what it printed (-w). */
function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('curl', args, { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('faults: the backend down at start, killed while the gateway runs, and back', function () {
  this.timeout(90_000);

  it('answers 502 unavailable and /health 503 while it is down, and recovers without a restart each time it is back', async () => {
    const dataDir = await makeTempDir('layer-faults-vm');
    const port = await findFreePort();
    const vmUrl = `http://127.0.0.1:${port}`;
    const gw = await startTestGateway({ env: { LAYER_VM_URL: vmUrl } });
    let vm: Awaited<ReturnType<typeof startVmsingleProcess>> | undefined;
    const query = () => request(`${gw.url}/v2/metrics/api/v1/query?query=vector(1)`, { headers: bearer(gw.token) });
    const healthStatus = async () => (await request(`${gw.url}/health`)).status;

    const expectDown = async (when: string) => {
      const res = await query();
      assert.equal(res.status, 502, `${when}: got ${res.status} ${res.text}; want 502`);
      const body = JSON.parse(res.text);
      assert.equal(body.status, 'error');
      assert.equal(body.errorType, 'unavailable');
      assert.ok(!res.text.includes(String(port)), `${when}: the backend port leaked: ${res.text}`);
      assert.deepEqual(responseProblems('queryInstant', 502, res.headers['content-type'] ?? null, res.text), []);
      // The external probe polls every 5 s.
      await pollUntil(`${when}: /health 503`, async () => ((await healthStatus()) === 503 ? true : undefined), 8000);
    };
    const expectUp = async (when: string) => {
      const res = await pollUntil(`${when}: a query answered 200`, async () => {
        const r = await query();
        return r.status === 200 ? r : undefined;
      }, 5000);
      assert.equal(JSON.parse(res.text).status, 'success');
      await pollUntil(`${when}: /health 200`, async () => ((await healthStatus()) === 200 ? true : undefined), 8000);
    };

    try {
      await expectDown('down at start');
      vm = await startVmsingleProcess({ dataDir, port });
      await expectUp('first start');
      await vm.kill();
      await expectDown('after SIGKILL');
      vm = await startVmsingleProcess({ dataDir, port });
      await expectUp('back on the same port');
    } finally {
      await gw.close();
      await vm?.stop();
      await removeTempDir(dataDir);
    }
  });
});

describe('faults: the backend resets the connection in the middle of a body', function () {
  this.timeout(30_000);

  for (const framing of ['Content-Length', 'chunked'] as const) {
    it(`makes curl report a transfer error, never a clean truncated 200 (${framing}), and counts reason="reset"`, async () => {
      const { fake, gw, close } = await startGatewayOnFake();
      try {
        fake.handle = (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json', ...(framing === 'Content-Length' ? { 'Content-Length': '200000' } : {}) });
          res.write(`{"status":"success","data":{"resultType":"matrix","result":[${'{"metric":{},"values":[[1,"1"]]},'.repeat(2000)}`);
          setTimeout(() => res.socket?.resetAndDestroy(), 50);
        };
        const series = 'layer_upstream_errors_total{endpoint="query_range",reason="reset"}';
        const before = await metricValue(gw.url, series);
        const result = await curl([
          '-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '10',
          '-H', `Authorization: Bearer ${gw.token}`,
          `${gw.url}/v2/metrics/api/v1/query_range?query=up&start=1&step=1`,
        ]);
        console.log(`      curl exit ${result.code}: ${result.stderr.trim()}`);
        assert.ok(result.code === 18 || result.code === 56, `curl exit ${result.code} (${result.stderr.trim()}); want 18 (partial file) or 56 (receive failure)`);
        assert.equal(result.stdout, '200', 'the headers went out as 200 before the reset');
        const after = await pollUntil('the reset counted', async () => {
          const value = await metricValue(gw.url, series);
          return value > before ? value : undefined;
        }, 5000);
        assert.equal(after - before, 1, `reset counted ${after - before} times; want 1`);
      } finally {
        await close();
      }
    });
  }
});

describe('faults: a real vmsingle at its concurrency limit', function () {
  this.timeout(90_000);

  it('passes its plain-text refusal to the client in the Prometheus envelope, with its status (and Retry-After when sent), reduced to what the caller can do', async () => {
    const dataDir = await makeTempDir('layer-faults-vm');
    const vm = await startVmsingleProcess({ dataDir, args: ['-search.maxConcurrentRequests=1', '-search.maxQueueDuration=1ms'] });
    const gw = await startTestGateway({ env: { LAYER_VM_URL: vm.url } });
    try {
      // 100 series of 6 h at 15 s; a quantile over 1 h windows of every series at every step
      // keeps vmsingle's only search slot busy for a second or more.
      const end = Math.floor(Date.now() / 1000);
      const lines: string[] = [];
      for (let s = 0; s < 100; s++) {
        const timestamps: number[] = [];
        const values: number[] = [];
        for (let t = end - 6 * 3600; t <= end; t += 15) {
          timestamps.push(t * 1000);
          values.push((s * 7 + t) % 101);
        }
        lines.push(JSON.stringify({ metric: { __name__: 'fault_heavy', i: String(s) }, values, timestamps }));
      }
      const imported = await fetch(`${vm.url}/api/v1/import`, { method: 'POST', body: `${lines.join('\n')}\n` });
      assert.equal(imported.status, 204, await imported.text());
      await fetch(`${vm.url}/internal/force_flush`);
      const heavy = `query=${encodeURIComponent('sum(quantile_over_time(0.5, fault_heavy[1h]))')}&start=${end - 6 * 3600}&end=${end}&step=15&nocache=1`;
      await pollUntil('the imported series searchable', async () => {
        const r = await fetch(`${vm.url}/api/v1/query?query=count(fault_heavy)`);
        const body = (await r.json()) as { data: { result: { value: [number, string] }[] } };
        return body.data.result[0]?.value[1] === '100' ? true : undefined;
      }, 20_000);

      let direct: Response | undefined;
      let directText = '';
      let viaGateway: RawResponse | undefined;
      const deadline = Date.now() + 30_000;
      for (let attempt = 0; attempt < 20 && Date.now() < deadline && !viaGateway; attempt++) {
        const running = request(`${gw.url}/v2/metrics/api/v1/query_range?${heavy}`, { headers: bearer(gw.token) });
        // While the heavy query holds the slot, a cheap one straight to vmsingle shows what it
        // answers; the same one through the gateway must come back in the envelope.
        for (let probe = 0; probe < 50 && Date.now() < deadline; probe++) {
          const d = await fetch(`${vm.url}/api/v1/query?query=vector(1)`);
          const text = await d.text();
          if (d.status === 200) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            continue;
          }
          const g = await request(`${gw.url}/v2/metrics/api/v1/query?query=vector(1)`, { headers: bearer(gw.token) });
          if (g.status !== 200) {
            direct = d;
            directText = text;
            viaGateway = g;
          }
          break;
        }
        const finished = await running;
        assert.equal(finished.status, 200, `the heavy query itself failed: ${finished.text.slice(0, 300)}`);
      }
      assert.ok(direct && viaGateway, 'never caught vmsingle at its limit');
      console.log(`      vmsingle at its limit answered ${direct.status} ${direct.headers.get('content-type')} Retry-After=${direct.headers.get('retry-after')}: ${directText.slice(0, 120)}...`);
      assert.ok(direct.status === 429 || direct.status === 503, `vmsingle answered ${direct.status}; want 429 or 503`);
      assert.match(direct.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(viaGateway.status, direct.status, `the gateway answered ${viaGateway.status}; want vmsingle's ${direct.status}`);
      assert.match(viaGateway.headers['content-type'] ?? '', /^application\/json/);
      const body = JSON.parse(viaGateway.text);
      assert.equal(body.status, 'error');
      assert.equal(body.errorType, String(direct.status));
      assert.equal(body.error, 'the metrics backend is at its limit of concurrent queries; retry shortly');
      assert.ok(!viaGateway.text.includes('-search.'), `a backend flag reached the client: ${viaGateway.text}`);
      assert.equal(viaGateway.headers['retry-after'], direct.headers.get('retry-after') ?? undefined);
      assert.equal(viaGateway.headers['x-server-hostname'], undefined, 'X-Server-Hostname leaked');
      assert.ok(!viaGateway.text.includes(`:${vm.port}`), `the backend address leaked: ${viaGateway.text}`);
      assert.deepEqual(responseProblems('queryInstant', viaGateway.status, viaGateway.headers['content-type'] ?? null, viaGateway.text), []);
    } finally {
      await gw.close();
      await vm.stop();
      await removeTempDir(dataDir);
    }
  });
});
