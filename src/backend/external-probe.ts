/**
 * Health of an external backend (LAYER_VM_URL): a series lookup that reaches storage, through the
 * same API and path prefix the passthrough uses, with the backend credentials. A vmselect behind a
 * prefix, a reverse proxy in front of the Prometheus API, or a Prometheus server (which has no
 * `/health`) are healthy exactly when queries that read data through the gateway can succeed.
 */
import { probeStorage } from './health.ts';

/** A running probe; stop() ends it. */
export interface ExternalProbe {
  stop(): void;
}

/** Options of startExternalProbe. */
export interface ExternalProbeOptions {
  /** The backend base URL, prefix included. */
  vmUrl: string;
  /** Time between probes. */
  intervalMs: number;
  /** The Authorization value to send, read before each probe. (default: none) */
  authorization?: () => string | undefined;
  /** Called on up/down transitions and with the first result. */
  onState: (state: 'up' | 'down') => void;
  /** Called after each probe whose answer was marked partial. (default: none) */
  onPartial?: () => void;
}

/** Probes the query API every intervalMs and reports up/down transitions (and the first result). */
export function startExternalProbe(options: ExternalProbeOptions): ExternalProbe {
  const { vmUrl, intervalMs, onState } = options;
  let last: 'up' | 'down' | undefined;
  let stopped = false;
  const tick = async () => {
    const result = await probeStorage(vmUrl, Math.min(intervalMs, 5000), { authorization: options.authorization?.() });
    if (stopped) return;
    if (result.partial) options.onPartial?.();
    const state = result.up ? 'up' : 'down';
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
