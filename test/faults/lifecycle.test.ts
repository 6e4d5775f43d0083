/**
 * Lifecycle and data, against the gateway as a real process in bundled mode: SIGTERM in the middle
 * of a long streamed response, and samples that must survive a graceful stop and a restart.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { startGatewayChild, type GatewayChild } from '../helpers/child-gateway.ts';
import { TEST_TOKEN } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { isAlive } from '../helpers/process-alive.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { vmsingleSecrets } from '../helpers/vmsingle-secrets.ts';
import { importSeries } from '../helpers/vm-import.ts';

/** Whether `ps` still lists the pid (a zombie or an orphan would be listed). */
function psLists(pid: number): Promise<boolean> {
  return new Promise((resolve) => execFile('ps', ['-o', 'pid=,stat=,comm=', '-p', String(pid)], (error, stdout) => resolve(!error && stdout.trim() !== '')));
}

/** The vmsingle lines the gateway relayed (at debug level). */
function vmsingleLines(gw: GatewayChild): string[] {
  return gw.output().split('\n').filter((line) => line.includes('"msg":"vmsingle: '));
}

describe('faults: SIGTERM during a long streamed response (bundled mode)', function () {
  this.timeout(90_000);

  it('completes the response, then stops vmsingle with one SIGINT, exits 0 and leaves no process behind', async () => {
    const dataDir = await makeTempDir('layer-faults-life');
    const gw = await startGatewayChild({ LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: TEST_TOKEN, LAYER_LOG_LEVEL: 'debug', LAYER_SHUTDOWN_TIMEOUT_MS: '30000' });
    const vm = gw.vmsingle();
    try {
      assert.ok(vm, 'no "vmsingle is healthy" line');
      const vmUrl = `http://127.0.0.1:${vm.port}`;
      const SERIES = 400;
      const secrets = await vmsingleSecrets(vm.pid);
      const window = await importSeries(vmUrl, 'fault_stream', SERIES, 6, secrets.headers);
      await fetch(`${vmUrl}/internal/force_flush?authKey=${encodeURIComponent(secrets.forceFlushAuthKey)}`);
      const path = `/v2/metrics/api/v1/query_range?query=fault_stream&start=${window.start}&end=${window.end}&step=15`;
      await pollUntil('the imported series searchable', async () => {
        const r = await request(`${gw.url}/v2/metrics/api/v1/query?query=count(fault_stream)&time=${window.end}`, { headers: bearer(TEST_TOKEN) });
        return r.status === 200 && JSON.parse(r.text).data.result[0]?.value[1] === String(SERIES) ? true : undefined;
      }, 20_000);

      // A client reading about 3 MB/s: the response lasts seconds, and SIGTERM comes after its first bytes.
      const RATE = 3 * 1024 * 1024;
      let signalledAt = 0;
      let ended = false;
      // Soon after SIGTERM, while the response still streams, a new connection must be refused.
      let refusedMidStream: Promise<{ refused: boolean; streaming: boolean }> | undefined;
      const tryConnect = () =>
        new Promise<{ refused: boolean; streaming: boolean }>((resolve) => {
          const socket = net.connect(Number(new URL(gw.url).port), '127.0.0.1');
          socket.once('connect', () => {
            socket.destroy();
            resolve({ refused: false, streaming: !ended });
          });
          socket.once('error', () => resolve({ refused: true, streaming: !ended }));
        });
      const body = await new Promise<{ status: number; text: string; ms: number }>((resolve, reject) => {
        const started = performance.now();
        const req = http.request(`${gw.url}${path}`, { headers: bearer(TEST_TOKEN), agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            if (signalledAt === 0) {
              signalledAt = performance.now() - started;
              process.kill(gw.pid, 'SIGTERM');
              refusedMidStream = pollUntil('new connections refused after SIGTERM', async () => {
                const attempt = await tryConnect();
                return attempt.refused ? attempt : undefined;
              }, 5_000, 20);
            }
            res.pause();
            setTimeout(() => res.resume(), (chunk.length / RATE) * 1000);
          });
          res.on('end', () => {
            ended = true;
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started });
          });
          res.on('error', reject);
          res.on('aborted', () => reject(new Error('the response was cut')));
        });
        req.on('error', reject);
        req.end();
      });

      const exit = await gw.stop('SIGTERM', 40_000); // already signalled: this only waits
      const parsed = JSON.parse(body.text);
      const lines = vmsingleLines(gw);
      const signals = lines.filter((l) => l.includes('received signal'));
      const stopped = gw.output().split('\n').find((l) => l.includes('"msg":"vmsingle stopped"'));
      console.log(
        `      ${(body.text.length / 1048576).toFixed(1)} MB streamed in ${(body.ms / 1000).toFixed(1)} s, SIGTERM after ${(signalledAt / 1000).toFixed(2)} s into it; ` +
          `gateway exit ${exit.code}; vmsingle: ${signals.map((l) => /received signal \w+/.exec(l)?.[0]).join(', ')}; ${stopped ? JSON.stringify(JSON.parse(stopped), ['code', 'signal']) : 'no stop line'}`,
      );
      assert.equal(body.status, 200);
      assert.equal(parsed.status, 'success');
      assert.equal(parsed.data.result.length, SERIES);
      assert.ok(parsed.data.result.every((s: { values: unknown[] }) => s.values.length === window.points), 'a series was cut short');
      assert.ok(body.ms - signalledAt > 1000, 'the response ended too soon after SIGTERM to show anything');
      const midStream = await refusedMidStream!;
      assert.ok(midStream.streaming, 'the response had ended before the mid-stream check');
      assert.ok(midStream.refused, 'the gateway still accepted connections after SIGTERM');
      // In the gateway's own log: the in-flight response finished (its access-log line) before vmsingle was signalled.
      const log = gw.output().split('\n');
      const served = log.findIndex((l) => l.includes('"msg":"request"') && l.includes('/api/v1/query_range'));
      const signalled = log.findIndex((l) => l.includes('received signal'));
      assert.ok(served !== -1 && signalled !== -1, 'the access-log line or the signal line is missing');
      assert.ok(served < signalled, 'vmsingle was signalled while the response was still streaming from it');
      assert.match(log[served]!, /"status":"200"/);
      assert.equal(exit.code, 0, gw.output().slice(-3000));
      assert.equal(signals.length, 1, `vmsingle logged ${signals.length} signals; want exactly one`);
      assert.match(signals[0]!, /received signal interrupt/);
      assert.ok(lines.some((l) => l.includes('has been stopped')), 'vmsingle did not log a clean stop');
      assert.ok(stopped, 'the gateway did not log vmsingle stopped');
      assert.equal(JSON.parse(stopped).code, 0, `vmsingle exit: ${stopped}`);
      assert.equal(isAlive(vm.pid), false, 'vmsingle still runs');
      assert.equal(await psLists(vm.pid), false, 'ps still lists vmsingle');
    } finally {
      await gw.stop('SIGTERM', 40_000);
      if (vm && isAlive(vm.pid)) process.kill(vm.pid, 'SIGKILL');
      await removeTempDir(dataDir);
    }
  });
});

describe('faults: samples survive a graceful stop and a restart (bundled mode)', function () {
  this.timeout(90_000);

  it('answers, after a restart on the same data directory, the samples imported just before SIGTERM', async () => {
    const dataDir = await makeTempDir('layer-faults-life');
    const env = { LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: TEST_TOKEN };
    let gw = await startGatewayChild(env);
    try {
      const vm = gw.vmsingle();
      assert.ok(vm, 'no "vmsingle is healthy" line');
      // No force_flush: the samples sit in vmsingle's in-memory buffers until the graceful stop.
      const window = await importSeries(`http://127.0.0.1:${vm.port}`, 'fault_persisted', 3, 1, (await vmsingleSecrets(vm.pid)).headers);
      const exit = await gw.stop('SIGTERM');
      assert.equal(exit.code, 0, gw.output().slice(-2000));
      assert.equal(isAlive(vm.pid), false);

      gw = await startGatewayChild(env);
      const res = await request(`${gw.url}/v2/metrics/api/v1/query_range?query=fault_persisted&start=${window.start}&end=${window.end}&step=15`, { headers: bearer(TEST_TOKEN) });
      assert.equal(res.status, 200, res.text);
      const result = JSON.parse(res.text).data.result as { metric: { series: string }; values: [number, string][] }[];
      assert.deepEqual(result.map((s) => s.metric.series).sort(), ['0', '1', '2']);
      for (const s of result) {
        assert.equal(s.values.length, window.points, `series ${s.metric.series}: ${s.values.length} samples; want ${window.points}`);
        const [t, v] = s.values[0]!;
        assert.equal(Number(v), (Number(s.metric.series) + t / 15) % 10, `series ${s.metric.series} at ${t}`);
      }
      console.log(`      ${result.length} series x ${window.points} samples imported before SIGTERM answered after the restart`);
    } finally {
      await gw.stop();
      await removeTempDir(dataDir);
    }
  });
});
