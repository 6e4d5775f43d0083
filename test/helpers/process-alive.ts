/** Whether a process exists, for tests that check a child or an orphan is gone. */

/** True while a process with this pid exists (signal 0 checks without sending anything; EPERM: it exists but is not ours). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
