import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VmsingleError } from '../../src/backend/vmsingle-error.ts';
import { GatewayError, StartupError } from '../../src/errors.ts';
import { findFreePort } from '../../src/backend/free-port.ts';
import { probeHealth } from '../../src/backend/health.ts';
import { createVmsingle, type Vmsingle, type VmsingleOptions, type VmsingleState } from '../../src/backend/vmsingle.ts';
import { writeFakeVmsingle } from '../helpers/fake-binary.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';
import { isAlive } from '../helpers/process-alive.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { vmsingleSecrets } from '../helpers/vmsingle-secrets.ts';

const here = dirname(fileURLToPath(import.meta.url));

describe('createVmsingle(options)', function () {
  this.timeout(30_000);
  let dataDir: string;
  let logger: ReturnType<typeof recordingLogger>;
  const running: Vmsingle[] = [];

  /** A supervisor on the real binary with test-sized timings, stopped after each test. */
  function make(extra: Partial<VmsingleOptions> = {}): Vmsingle {
    const vm = createVmsingle({
      binary: 'victoria-metrics', dataDir, logger, retentionPeriod: '1d', startTimeoutMs: 10_000,
      backoff: { initialMs: 50, maxMs: 200 }, healthIntervalMs: 100, stopTimeoutMs: 5000, ...extra,
    });
    running.push(vm);
    return vm;
  }

  beforeEach(async () => {
    dataDir = await makeTempDir('vmsingle');
    logger = recordingLogger();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((vm) => vm.stop()));
    await removeTempDir(dataDir);
  });

  it('starts, answers /health, and keeps storage in dataDir/vmsingle', async () => {
    const states: VmsingleState[] = [];
    const vm = make({ onState: (s) => states.push(s) });
    const began = Date.now();
    await vm.start();
    const ms = Date.now() - began;
    assert.equal(vm.state, 'up');
    assert.deepEqual(states, ['starting', 'up']);
    assert.match(vm.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await probeHealth(vm.url, 1000), true);
    assert.ok(existsSync(join(dataDir, 'vmsingle', 'flock.lock')), 'storage is under dataDir/vmsingle');
    assert.ok(ms < 5000, `start took ${ms} ms; want < 5000`);
    console.log(`      (vmsingle start: ${ms} ms)`);
    assert.equal(await vm.start().then(() => 'same'), 'same', 'a second start() is the same start');
  });

  it('stop() sends one SIGINT, waits for a clean exit, and is idempotent', async () => {
    const states: VmsingleState[] = [];
    const vm = make({ onState: (s) => states.push(s) });
    await vm.start();
    const pid = vm.pid;
    assert.ok(pid);
    const began = Date.now();
    await Promise.all([vm.stop(), vm.stop()]);
    const ms = Date.now() - began;
    assert.equal(isAlive(pid), false, `pid ${pid} is gone`);
    assert.equal(vm.state, 'down');
    assert.equal(vm.pid, undefined);
    assert.deepEqual(states, ['starting', 'up', 'down']);
    const stopped = logger.entries.find((e) => e.msg === 'vmsingle stopped');
    // Exit code 0 and no signal: it ran its own graceful shutdown, which one SIGINT triggers and
    // a second would cut short.
    assert.deepEqual(stopped?.obj, { pid, code: 0, signal: null });
    const said = logger.entries.filter((e) => e.level === 'debug').map((e) => e.msg ?? '');
    assert.equal(said.filter((line) => line.includes('received signal interrupt')).length, 1);
    assert.ok(said.some((line) => line.includes('the VictoriaMetrics has been stopped')));
    console.log(`      (vmsingle stop: ${ms} ms)`);
    await vm.stop();
    await assert.rejects(vm.start(), { code: 'ERR_VM_STOPPED' });
  });

  it('restarts after SIGKILL: down, onUnexpectedExit, onRestart, up again on the same port', async () => {
    const states: VmsingleState[] = [];
    let restarts = 0;
    const exits: unknown[] = [];
    const vm = make({ onState: (s) => states.push(s), onRestart: () => (restarts += 1), onUnexpectedExit: (info) => exits.push(info) });
    await vm.start();
    const { url } = vm;
    const firstPid = vm.pid as number;
    const killedAt = Date.now();
    process.kill(firstPid, 'SIGKILL');
    await pollUntil('vmsingle to go down', () => states.includes('down'));
    await pollUntil('vmsingle to come back up', () => vm.state === 'up' && vm.pid !== undefined && vm.pid !== firstPid);
    const ms = Date.now() - killedAt;
    assert.deepEqual(states, ['starting', 'up', 'down', 'up']);
    assert.equal(restarts, 1);
    assert.deepEqual(exits, [{ pid: firstPid, code: null, signal: 'SIGKILL', panicked: false }]);
    assert.equal(vm.url, url, 'the restart reuses the port');
    assert.equal(await probeHealth(vm.url, 1000), true);
    await vm.stop();
    assert.equal(exits.length, 1, 'a requested stop is not an unexpected exit');
    assert.ok(logger.entries.some((e) => e.level === 'error' && e.msg === 'vmsingle exited unexpectedly; restarting'));
    console.log(`      (vmsingle restart after SIGKILL: ${ms} ms)`);
  });

  it('resets the restart backoff only after a process stayed up for backoff.maxMs', async () => {
    const vm = make({ backoff: { initialMs: 50, maxMs: 300 } });
    await vm.start();
    const attempts = () => logger.entries.filter((e) => e.msg === 'vmsingle restart scheduled').map((e) => (e.obj as { attempt: number }).attempt);
    const killAndAwaitRestart = async () => {
      const pid = vm.pid as number;
      process.kill(pid, 'SIGKILL');
      await pollUntil('a restart', () => vm.state === 'up' && vm.pid !== undefined && vm.pid !== pid);
    };
    await killAndAwaitRestart();
    await killAndAwaitRestart(); // up for only moments: the backoff keeps growing
    assert.deepEqual(attempts(), [1, 2]);
    // The rule is about elapsed time, so this test has to let time pass.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await killAndAwaitRestart();
    assert.deepEqual(attempts(), [1, 2, 1]);
  });

  it('keeps retrying a restart that fails, and comes up once it can', async () => {
    // A wrapper that can be broken and fixed in place: vmsingle cannot be made to fail on demand.
    const wrapper = join(dataDir, 'vm-wrapper.sh');
    const working = '#!/bin/sh\nexec victoria-metrics "$@"\n';
    // Replaced by rename, never rewritten in place: sh reads a script as it runs it.
    const install = async (script: string) => {
      await writeFile(`${wrapper}.new`, script, { mode: 0o755 });
      await rename(`${wrapper}.new`, wrapper);
    };
    await install(working);
    let restarts = 0;
    const vm = make({ binary: wrapper, onRestart: () => (restarts += 1) });
    await vm.start();
    await install('#!/bin/sh\necho "broken on purpose" >&2\nexit 1\n');
    process.kill(vm.pid as number, 'SIGKILL');
    await pollUntil('two failed restarts', () => logger.entries.filter((e) => e.msg === 'vmsingle restart failed').length >= 2);
    assert.equal(vm.state, 'down');
    const failed = logger.entries.find((e) => e.msg === 'vmsingle restart failed');
    assert.match(String((failed?.obj as { err: Error }).err.message), /exited with code 1 while starting; its last output:\nbroken on purpose/);
    await install(working);
    await pollUntil('vmsingle up again', () => vm.state === 'up');
    assert.ok(restarts >= 3, `onRestart called ${restarts} times; want one per attempt (>= 3)`);
    assert.equal(await probeHealth(vm.url, 1000), true);
  });

  it('reports a hung vmsingle as down and recovered as up, without restarting it', async () => {
    const states: VmsingleState[] = [];
    let restarts = 0;
    const vm = make({ onState: (s) => states.push(s), onRestart: () => (restarts += 1) });
    await vm.start();
    const pid = vm.pid as number;
    process.kill(pid, 'SIGSTOP');
    try {
      await pollUntil('the health poll to report down', () => vm.state === 'down', 5000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await pollUntil('the health poll to report up', () => vm.state === 'up', 5000);
    assert.deepEqual(states, ['starting', 'up', 'down', 'up']);
    assert.equal(restarts, 0);
    assert.equal(vm.pid, pid);
  });

  it('fails fast with ERR_VM_LOCKED when another vmsingle holds the data directory', async () => {
    const first = make();
    await first.start();
    const second = make();
    const began = Date.now();
    await assert.rejects(second.start(), (err: unknown) => {
      assert.ok(err instanceof VmsingleError);
      assert.equal(err.code, 'ERR_VM_LOCKED');
      assert.ok(err instanceof StartupError && !(err instanceof GatewayError), 'want a start-up error without an HTTP status');
      assert.match(err.message, /another vmsingle is using that directory/);
      assert.ok(err.output.some((line) => line.includes('cannot acquire lock')));
      return true;
    });
    assert.ok(Date.now() - began < 3000, `took ${Date.now() - began} ms; want < 3000`);
    assert.equal(second.state, 'down');
    assert.equal(first.state, 'up');
  });

  it('fails with ERR_VM_BINARY_MISSING and says how to install it', async () => {
    const vm = make({ binary: 'victoria-metrics-not-installed' });
    await assert.rejects(vm.start(), {
      code: 'ERR_VM_BINARY_MISSING',
      message: `vmsingle binary "victoria-metrics-not-installed" not found; install Debian's victoria-metrics package (apt-get install victoria-metrics) or set LAYER_VM_URL`,
    });
    assert.equal(vm.state, 'down');
  });

  it('fails with ERR_VM_EXITED and its own words when it rejects a flag', async () => {
    const vm = make({ retentionPeriod: 'forever' });
    await assert.rejects(vm.start(), (err: unknown) => {
      assert.ok(err instanceof VmsingleError);
      assert.equal(err.code, 'ERR_VM_EXITED');
      assert.match(err.message, /exited with code 2 while starting; its last output:\n.*invalid value "forever" for flag -retentionPeriod/s);
      return true;
    });
  });

  it('retries on another port when the picked one is taken', async () => {
    const squatter: Server = createServer();
    squatter.listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const taken = (squatter.address() as AddressInfo).port;
      const picks = [taken];
      const vm = make({ pickPort: async () => picks.shift() ?? findFreePort() });
      await vm.start();
      assert.notEqual(vm.url, `http://127.0.0.1:${taken}`);
      assert.ok(logger.entries.some((e) => e.level === 'warn' && e.msg === 'vmsingle port was taken; trying another'));
    } finally {
      squatter.close();
    }
  });

  describe('with a fake binary for faults the real one cannot produce on demand', () => {
    it('fails with ERR_VM_START_TIMEOUT quoting its last output, and leaves no process', async () => {
      const pidFile = join(dataDir, 'fake.pid');
      const binary = await writeFakeVmsingle(dataDir, { mode: 'never-healthy', pidFile });
      const vm = make({ binary, startTimeoutMs: 500 });
      await assert.rejects(vm.start(), (err: unknown) => {
        assert.ok(err instanceof VmsingleError);
        assert.equal(err.code, 'ERR_VM_START_TIMEOUT');
        assert.match(err.message, /did not answer http:\/\/127\.0\.0\.1:\d+\/health within 500 ms; its last output:\nfake vmsingle in mode never-healthy/);
        return true;
      });
      assert.equal(isAlive(Number(await readFile(pidFile, 'utf8'))), false);
    });

    it('stop() sends SIGINT once and SIGKILLs only after stopTimeoutMs, with a warning', async () => {
      const signals = join(dataDir, 'signals');
      const binary = await writeFakeVmsingle(dataDir, { mode: 'ignores-sigint', signalsFile: signals });
      const vm = make({ binary, stopTimeoutMs: 400 });
      await vm.start();
      const pid = vm.pid as number;
      const began = Date.now();
      await vm.stop();
      const ms = Date.now() - began;
      assert.equal(isAlive(pid), false);
      assert.ok(ms >= 400, `stop took ${ms} ms; want >= 400 (the stop timeout)`);
      assert.equal(await readFile(signals, 'utf8'), 'SIGINT\n');
      assert.ok(logger.entries.some((e) => e.level === 'warn' && /sending SIGKILL/.test(e.msg ?? '')));
    });

    it('stop() during start rejects start() with ERR_VM_STOPPED and leaves no process', async () => {
      const pidFile = join(dataDir, 'fake.pid');
      const binary = await writeFakeVmsingle(dataDir, { mode: 'never-healthy', pidFile });
      const vm = make({ binary, startTimeoutMs: 10_000 });
      const started = vm.start();
      const pid = await pollUntil('the fake to write its pid', async () => Number(await readFile(pidFile, 'utf8')));
      await vm.stop();
      await assert.rejects(started, { code: 'ERR_VM_STOPPED' });
      assert.equal(isAlive(pid), false);
    });
  });

  it('kills vmsingle when the node process exits without stop()', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'exit-without-stop.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, EXIT_WITHOUT_STOP_DIR: dataDir },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    const pid = Number(out.trim());
    assert.ok(pid > 0, `got pid output ${JSON.stringify(out)}`);
    await pollUntil(`vmsingle pid ${pid} to be gone`, () => !isAlive(pid), 5000);
  });
});

describe('vmsingle scraping the gateway (real vmsingle 1.79)', function () {
  this.timeout(30_000);

  for (const host of ['127.0.0.1', '::1']) {
    it(`scrapes ${host}:port/path with the bearer token and answers the series in /api/v1/query`, async function () {
      const target = createServer((req, res) => {
        seen.push(req.headers.authorization);
        if (req.url !== '/custom/metrics') {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'text/plain; version=0.0.4');
        res.end('# TYPE layer_test_scraped gauge\nlayer_test_scraped 42\n');
      });
      const seen: (string | undefined)[] = [];
      try {
        target.listen(0, host);
        await once(target, 'listening');
      } catch (err) {
        if (host === '::1') this.skip(); // no IPv6 loopback on this machine
        throw err;
      }
      const dataDir = await makeTempDir('vmsingle-scrape');
      const tokenFile = join(dataDir, 'token');
      await writeFile(tokenFile, 's3cret\n');
      const vm = createVmsingle({
        binary: 'victoria-metrics', dataDir, logger: recordingLogger(), retentionPeriod: '1d',
        scrape: {
          targetHost: host, targetPort: (target.address() as AddressInfo).port,
          path: '/custom/metrics', interval: '1s', bearerTokenFile: tokenFile,
        },
      });
      try {
        await vm.start();
        const began = Date.now();
        const value = await pollUntil('the scraped series in /api/v1/query', async () => {
          // vmsingle 1.79 makes new series searchable only ~10 s after ingestion; force_flush
          // (which the gateway never exposes) makes them searchable now. nocache=1 skips the 30 s
          // -search.latencyOffset that otherwise hides the newest samples.
          const secrets = await vmsingleSecrets(vm.pid!);
          await fetch(`${vm.url}/internal/force_flush?authKey=${encodeURIComponent(secrets.forceFlushAuthKey)}`);
          const query = encodeURIComponent('layer_test_scraped{job="layer-gateway"}');
          const res = await fetch(`${vm.url}/api/v1/query?nocache=1&query=${query}`, { headers: secrets.headers });
          const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
          return body.data.result[0]?.value[1];
        }, 15_000, 200);
        assert.equal(value, '42');
        assert.equal(seen[0], 'Bearer s3cret');
        console.log(`      (first scraped sample queryable after ${Date.now() - began} ms)`);
      } finally {
        await vm.stop();
        target.close();
        await removeTempDir(dataDir);
      }
    });
  }
});
