/**
 * Last resort against orphans: when the node process exits with children still running (the app
 * called process.exit() or crashed before stop()), SIGKILL them synchronously. 'exit' handlers
 * cannot wait, so a graceful SIGINT is not an option here; losing vmsingle's last few seconds of
 * samples beats leaving it holding flock.lock for the next gateway. A node process killed by an
 * unhandled signal runs no 'exit' handler: main.ts must turn SIGTERM/SIGINT into stop().
 */
import type { ChildProcess } from 'node:child_process';

const guarded = new Set<ChildProcess>();

function killAll(): void {
  for (const child of guarded) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // Already gone; nothing left to do while exiting.
      }
    }
  }
}

/** Kills `child` with SIGKILL if the node process exits while it still runs. */
export function guardChild(child: ChildProcess): void {
  if (guarded.size === 0) process.on('exit', killAll);
  guarded.add(child);
  child.once('exit', () => {
    guarded.delete(child);
    if (guarded.size === 0) process.off('exit', killAll);
  });
}
