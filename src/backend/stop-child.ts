/**
 * Stopping vmsingle the way it needs: exactly one SIGINT, then wait. After the first signal its
 * handler is gone and a second signal kills it uncleanly (FIELD-NOTES), so we never repeat it;
 * SIGKILL comes only after the timeout.
 */
import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logger.ts';

/** How a child ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves once `child` has exited and its output pipes have closed. */
export function whenClosed(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
}

/** Sends one SIGINT, waits up to timeoutMs, then SIGKILLs (logged as a warning naming `name`); resolves on exit. */
export async function stopChild(
  child: ChildProcess,
  closed: Promise<ExitInfo>,
  timeoutMs: number,
  logger: Logger,
  name = 'vmsingle',
): Promise<ExitInfo> {
  if (child.exitCode !== null || child.signalCode !== null) return closed;
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  const first = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  logger.warn({ pid: child.pid, timeoutMs }, `${name} did not exit within the stop timeout after SIGINT; sending SIGKILL`);
  child.kill('SIGKILL');
  return closed;
}
