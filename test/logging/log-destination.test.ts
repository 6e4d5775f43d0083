import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pino } from 'pino';
import { BATCH_BYTES, BatchedDestination } from '../../src/log-destination.ts';

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
  it('hands the lines of one event-loop turn to its sink as one write, in order, once the turn is over', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink);
    destination.write('{"n":1}\n');
    destination.write('{"n":2}\n');
    destination.write('{"n":3}\n');
    assert.deepEqual(sink.writes, [], 'want nothing written while the turn runs');
    await nextTurn();
    assert.deepEqual(sink.writes, ['{"n":1}\n{"n":2}\n{"n":3}\n']);
  });

  it('writes each later turn on its own, and nothing for a turn without lines', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink);
    destination.write('a\n');
    await nextTurn();
    await nextTurn();
    destination.write('b\n');
    await nextTurn();
    assert.deepEqual(sink.writes, ['a\n', 'b\n']);
  });

  it('writes at once when the pending lines reach BATCH_BYTES, and the rest after the turn', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink);
    const line = 'x'.repeat(1023) + '\n';
    const lines = Math.ceil(BATCH_BYTES / line.length);
    for (let i = 0; i < lines; i++) destination.write(line);
    assert.equal(sink.writes.length, 1, 'want one write as soon as the bound is reached');
    assert.equal(sink.writes[0], line.repeat(lines));
    destination.write('last\n');
    await nextTurn();
    assert.deepEqual(sink.writes.slice(1), ['last\n']);
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
  // A process that logs and exits in the same turn: the lines are still pending when it exits.
  const script = `
    import { createLogger } from './src/pino-logger.ts';
    const logger = createLogger({ level: 'info' });
    for (let i = 1; i <= 500; i++) logger.info({ i }, 'request');
    logger.warn('last words');
    process.exit(3);
  `;

  it('writes every line, in order, also those pending when the process exits', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 3);
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line) as { i?: number; msg: string; level: number });
    assert.equal(lines.length, 501, `got ${lines.length} lines`);
    assert.deepEqual(lines.slice(0, 500).map((line) => line.i), Array.from({ length: 500 }, (_, i) => i + 1));
    assert.deepEqual([lines[500]!.msg, lines[500]!.level], ['last words', 40]);
  });
});
