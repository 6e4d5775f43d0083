/**
 * The refresh loop: every task (health, alerts, the plots in view) runs now and then on the
 * interval the operator picks, or not at all while paused.
 */

type Task = () => Promise<void>;

const tasks: Task[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let intervalSeconds = 5;
let running: Promise<void> | undefined;

/** Adds a task to every refresh. */
export function onRefresh(task: Task): void {
  tasks.push(task);
}

/** The interval in seconds; 0 while paused. */
export function refreshInterval(): number {
  return intervalSeconds;
}

/** Runs every task once, now, then again after the interval (unless paused). */
export function refreshNow(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  running ??= Promise.all(tasks.map((task) => task().catch(() => undefined))).then(() => {
    running = undefined;
    if (intervalSeconds > 0) timer = setTimeout(() => void refreshNow(), intervalSeconds * 1000);
  });
  return running;
}

/** Sets the interval (0 pauses) and restarts the loop from now. */
export function setRefreshInterval(seconds: number): void {
  intervalSeconds = seconds;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (seconds > 0) void refreshNow();
}
