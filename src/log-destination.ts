/**
 * Where the gateway's log lines go by default: stdout, one write per turn of the event loop. At
 * the default level every request logs its access line, and a write of its own per line cost a
 * small query a large share of its CPU; under load many requests finish in one turn, so their
 * lines leave together. A line waits at most until the end of the turn it was logged in (or goes
 * at once past BATCH_BYTES), so `tail -f` sees it as promptly as before, and the lines still
 * pending when the process exits are written on its way out.
 */
import { pino, type DestinationStream } from 'pino';

/** Past this many characters pending, the lines are written at once. */
export const BATCH_BYTES = 64 * 1024;

/** Where a batch is written, in order; `flushSync`, when there is one, writes out anything it still holds. */
export interface LogSink {
  write(text: string): unknown;
  flushSync?(): void;
}

/** A destination that gathers lines and writes them to `sink` once per event-loop turn. */
export class BatchedDestination implements DestinationStream {
  private pending = '';
  private scheduled = false;
  private readonly writeOut = (): void => this.flush();

  constructor(private readonly sink: LogSink) {}

  write(line: string): void {
    this.pending += line;
    if (this.pending.length >= BATCH_BYTES) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.writeOut);
    }
  }

  /** Hands the pending lines to the sink now, then calls `done` (pino's `logger.flush(done)` comes here). */
  flush(done?: () => void): void {
    this.scheduled = false;
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.sink.write(text);
    }
    done?.();
  }

  /** Hands over the pending lines and has the sink write everything out before this returns (the process is exiting). */
  flushSync(): void {
    this.flush();
    this.sink.flushSync?.();
  }
}

let stdout: BatchedDestination | undefined;

/**
 * The process's one batched stdout: every logger that writes to stdout shares it, so their lines
 * keep their order and one exit hook writes what is pending. Each batch is written synchronously,
 * as Node writes its own stdout to a pipe or a file on Linux: pino's default, a write handed to
 * libuv's thread pool per line, costs more CPU than the write itself, and holds lines in memory
 * without bound when stdout's reader is slow. pino's writer retries a full pipe rather than
 * dropping lines.
 */
export function batchedStdout(): BatchedDestination {
  if (stdout === undefined) {
    const destination = new BatchedDestination(pino.destination({ dest: 1, sync: true }));
    process.on('exit', () => destination.flushSync());
    stdout = destination;
  }
  return stdout;
}
