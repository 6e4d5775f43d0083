/**
 * Firing and pending alert counts for /health, read in the background from the rule engine's
 * /api/v1/alerts (vmalert and Prometheus both list pending alerts there) so that /health never
 * waits on it. A failed read keeps the last counts.
 */
import type { Logger } from '../logger.ts';
import type { RulesAccess } from './rules-access.ts';

/** The counts /health shows. */
export interface AlertCounts {
  firing: number;
  pending: number;
}

/** Counts the states in a Prometheus /api/v1/alerts body; undefined when it is not one (pure). */
export function countAlerts(body: unknown): AlertCounts | undefined {
  const data = (body as { data?: { alerts?: unknown } } | null)?.data;
  // vmalert spells an empty list `null` once every alert has resolved: nothing is pending or firing.
  if (data !== null && typeof data === 'object' && data.alerts === null) return { firing: 0, pending: 0 };
  const alerts = data?.alerts;
  if (!Array.isArray(alerts)) return undefined;
  const counts = { firing: 0, pending: 0 };
  for (const alert of alerts) {
    const state = (alert as { state?: unknown } | null)?.state;
    if (state === 'firing' || state === 'pending') counts[state]++;
  }
  return counts;
}

/** Polls every `intervalMs` and reports each successful read; stop() ends it. */
export function pollAlertCounts(options: { rules: RulesAccess; intervalMs: number; logger: Logger; onCounts(counts: AlertCounts): void }): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;
  const tick = async () => {
    try {
      const res = await options.rules.get('/api/v1/alerts', '');
      const counts = res.status === 200 ? countAlerts(JSON.parse(res.body.toString('utf8'))) : undefined;
      if (counts === undefined) throw new Error(`the rule engine answered ${res.status} without a list of alerts`);
      if (failing) options.logger.info({}, 'alert counts readable again');
      failing = false;
      if (!stopped) options.onCounts(counts);
    } catch (err) {
      if (!failing) options.logger.warn({ err }, 'cannot read the alert counts; /health keeps the last ones');
      failing = true;
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), options.intervalMs);
      timer.unref();
    }
  };
  void tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
