/**
 * Keeps the last lines a child process printed, so a failure can say what vmsingle said
 * (it logs everything, including fatal errors, to stderr).
 */

/** A bounded line buffer fed with raw output chunks. */
export interface OutputTail {
  /** Appends a chunk; a trailing partial line waits for the next chunk. */
  push(chunk: string): void;
  /** The kept lines, oldest first, including a pending partial line. */
  lines(): string[];
}

/** Builds an OutputTail keeping `max` lines; onLine sees every complete line. (default max: 50) */
export function createOutputTail(max = 50, onLine?: (line: string) => void): OutputTail {
  const kept: string[] = [];
  let partial = '';
  return {
    push(chunk) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        if (line === '') continue;
        kept.push(line);
        if (kept.length > max) kept.shift();
        onLine?.(line);
      }
    },
    lines() {
      return partial === '' ? [...kept] : [...kept, partial].slice(-max);
    },
  };
}
