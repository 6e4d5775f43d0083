/**
 * Health of an external backend (LAYER_VM_URL). Every VictoriaMetrics component (vmsingle,
 * vmselect, vmauth) answers /health at the root of its origin, whatever path prefix the query
 * URL carries, so the probe asks the origin.
 */
import { probeHealth } from './health.ts';

/** A running probe; stop() ends it. */
export interface ExternalProbe {
  stop(): void;
}

/** Polls the origin's /health every intervalMs and reports up/down transitions (and the first result). */
export function startExternalProbe(vmUrl: string, intervalMs: number, onState: (state: 'up' | 'down') => void): ExternalProbe {
  const origin = new URL(vmUrl).origin;
  let last: 'up' | 'down' | undefined;
  let stopped = false;
  const tick = async () => {
    const state = (await probeHealth(origin, Math.min(intervalMs, 5000))) ? 'up' : 'down';
    if (stopped) return;
    if (state !== last) {
      last = state;
      onState(state);
    }
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
