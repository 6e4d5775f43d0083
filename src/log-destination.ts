/**
 * Where the gateway's log lines go by default: stdout, in batches. At the default level every
 * request logs its access line, and each write to stdout is a system call that also wakes the
 * process reading it (journald, a container runtime, a terminal), which cost a small query more
 * than building its line did. Lines are gathered for at most BATCH_MS (or until BATCH_BYTES) and
 * written together; a line at warn or above is written at once, with the lines before it, so what
 * goes wrong reaches the reader without delay. Lines still pending when the process exits are
 * written on its way out; only a process killed outright (SIGKILL, an abort) loses them, at most
 * BATCH_MS of info lines.
 */
import { pino, type DestinationStream } from 'pino';

/** Past this many characters pending, the lines are written at once. */
export const BATCH_BYTES = 64 * 1024;

/** The longest a line waits for others before the batch is written, in ms: shorter than a reader of `tail -f` notices. */
export const BATCH_MS = 20;

/** Lines at warn and above are written at once. */
const PROMPT_LEVEL = pino.levels.values.warn!;

/** pino sets `lastLevel` and its siblings on a destination carrying this key before each write. */
export const PINO_METADATA: unique symbol = Symbol.for('pino.metadata');

/** Where a batch is written, in order; `flushSync`, when there is one, writes out anything it still holds. */
export interface LogSink {
  write(text: string): unknown;
  flushSync?(): void;
}

/** A destination that gathers lines and writes them to `sink` in batches. */
export class BatchedDestination implements DestinationStream {
  readonly [PINO_METADATA] = true;
  /** The level of the line pino is writing, set by pino just before `write`; 0 until pino first writes. */
  lastLevel = 0;
  private pending = '';
  private scheduled = false;
  private readonly writeOut = (): void => {
    this.scheduled = false;
    this.flush();
  };

  constructor(
    private readonly sink: LogSink,
    /** How long a line may wait for others. (default: BATCH_MS) */
    private readonly delayMs = BATCH_MS,
  ) {}

  write(line: string): void {
    this.pending += line;
    if (this.lastLevel >= PROMPT_LEVEL || this.pending.length >= BATCH_BYTES) this.flush();
    else if (!this.scheduled) {
      // One timer for the batch, kept when a batch is written early: the next line waits at most
      // what is left of it. Unreferenced: pending lines are written by the exit hook.
      this.scheduled = true;
      setTimeout(this.writeOut, this.delayMs).unref();
    }
  }

  /** Hands the pending lines to the sink now, then calls `done` (pino's `logger.flush(done)` comes here). */
  flush(done?: () => void): void {
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
