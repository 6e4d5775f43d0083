import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { BATCH_BYTES, BATCH_MS, BatchedDestination } from '../../src/log-destination.ts';

/** A sink that keeps every write it is given, and counts flushSync calls. */
function recordingSink(): { writes: string[]; flushes: number; write(text: string): void; flushSync(): void } {
  return {
    writes: [],
    flushes: 0,
    write(text) {
      this.writes.push(text);
    },
    flushSync() {
      this.flushes++;
    },
  };
}

describe('BatchedDestination', () => {
  // Short enough for a test, long enough that a turn of the event loop never reaches it.
  const DELAY_MS = 60;

  it('hands the lines of several event-loop turns to its sink as one write, in order, once the delay is over', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink, DELAY_MS);
    destination.write('{"n":1}\n');
    destination.write('{"n":2}\n');
    await nextTurn();
    destination.write('{"n":3}\n');
    await nextTurn();
    assert.deepEqual(sink.writes, [], 'want nothing written before the delay is over');
    await sleep(DELAY_MS + 40);
    assert.deepEqual(sink.writes, ['{"n":1}\n{"n":2}\n{"n":3}\n']);
  });

  it('waits BATCH_MS by default, and writes each later batch on its own', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink);
    destination.write('a\n');
    await sleep(BATCH_MS + 40);
    await sleep(BATCH_MS + 40);
    destination.write('b\n');
    assert.deepEqual(sink.writes, ['a\n']);
    await sleep(BATCH_MS + 40);
    assert.deepEqual(sink.writes, ['a\n', 'b\n']);
  });

  it('writes at once when the pending lines reach BATCH_BYTES, and the rest when the delay is over', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink, DELAY_MS);
    const line = 'x'.repeat(1023) + '\n';
    const lines = Math.ceil(BATCH_BYTES / line.length);
    for (let i = 0; i < lines; i++) destination.write(line);
    assert.equal(sink.writes.length, 1, 'want one write as soon as the bound is reached');
    assert.equal(sink.writes[0], line.repeat(lines));
    destination.write('last\n');
    await nextTurn();
    assert.equal(sink.writes.length, 1, 'want the line after the bound to wait for the delay');
    await sleep(DELAY_MS + 40);
    assert.deepEqual(sink.writes.slice(1), ['last\n']);
  });

  it('writes a line at warn or above at once, after the lines pending before it', () => {
    for (const level of ['warn', 'error', 'fatal'] as const) {
      const sink = recordingSink();
      const logger = pino({ base: null, timestamp: false }, new BatchedDestination(sink, DELAY_MS));
      logger.info('first');
      logger.debug('not written: below the level');
      logger.info('second');
      assert.equal(sink.writes.length, 0, `want the info lines held (${level})`);
      logger[level]('went wrong');
      assert.equal(sink.writes.length, 1, `want one write at ${level}`);
      assert.deepEqual(
        sink.writes[0]!.trimEnd().split('\n').map((text) => (JSON.parse(text) as { msg: string }).msg),
        ['first', 'second', 'went wrong'],
      );
      logger.info('after');
      assert.equal(sink.writes.length, 1, `want an info line after a ${level} line held again`);
    }
  });

  it('a child logger shares the prompt write of its root', () => {
    const sink = recordingSink();
    const logger = pino({ base: null, timestamp: false }, new BatchedDestination(sink, DELAY_MS));
    const child = logger.child({ requestId: 'r1' });
    child.info('held');
    assert.equal(sink.writes.length, 0);
    child.warn('prompt');
    assert.equal(sink.writes.length, 1);
    assert.match(sink.writes[0]!, /"msg":"held".*\n.*"msg":"prompt"/);
  });

  it("answers pino's logger.flush(done): the pending lines written, then done called", () => {
    const sink = recordingSink();
    const logger = pino({ base: null, timestamp: false }, new BatchedDestination(sink));
    logger.info('one');
    let called = 0;
    logger.flush(() => called++);
    assert.deepEqual(sink.writes, ['{"level":30,"msg":"one"}\n']);
    assert.equal(called, 1);
  });

  it('flushSync hands over the pending lines and has the sink write out what it holds', () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink);
    destination.write('pending\n');
    destination.flushSync();
    assert.deepEqual(sink.writes, ['pending\n']);
    assert.equal(sink.flushes, 1);
  });
});

describe('the default logger on stdout', () => {
  /** Runs `script` in a child process; its exit code and its stdout's JSON lines. */
  async function run(script: string): Promise<{ code: number | null; lines: { i?: number; msg: string; level: number }[] }> {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, lines: out.trimEnd().split('\n').map((line) => JSON.parse(line) as { i?: number; msg: string; level: number }) };
  }

  it('writes every line, in order, also those pending when the process exits', async () => {
    // The warn line is written at once; the info lines after it are still pending at the exit.
    const { code, lines } = await run(`
      import { createLogger } from './src/pino-logger.ts';
      const logger = createLogger({ level: 'info' });
      for (let i = 1; i <= 500; i++) logger.info({ i }, 'request');
      logger.warn('a warning');
      for (let i = 501; i <= 510; i++) logger.info({ i }, 'request');
      process.exit(3);
    `);
    assert.equal(code, 3);
    assert.equal(lines.length, 511, `got ${lines.length} lines`);
    assert.deepEqual([lines[500]!.msg, lines[500]!.level], ['a warning', 40]);
    assert.deepEqual(
      lines.filter((line) => line.i !== undefined).map((line) => line.i),
      Array.from({ length: 510 }, (_, i) => i + 1),
    );
  });

  it('writes a pending line when the process ends with nothing left to do', async () => {
    const { code, lines } = await run(`
      import { createLogger } from './src/pino-logger.ts';
      createLogger({ level: 'info' }).info('the only line');
    `);
    assert.equal(code, 0);
    assert.deepEqual(lines.map((line) => line.msg), ['the only line']);
  });
});
