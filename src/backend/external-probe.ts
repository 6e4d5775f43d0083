/**
 * Health of an external backend (LAYER_VM_URL): a series lookup that reaches storage, through the
 * same API and path prefix the passthrough uses, with the backend credentials. A vmselect behind a
 * prefix, a reverse proxy in front of the Prometheus API, or a Prometheus server (which has no
 * `/health`) are healthy exactly when queries that read data through the gateway can succeed. A
 * backend that refuses the gateway's credentials is down, and says why: the operator must fix them.
 */
import type { Logger } from '../logger.ts';
import { probeStorage } from './health.ts';

type ProbeState = 'up' | 'down' | 'credentials_refused';

/** A running probe; stop() ends it. */
export interface ExternalProbe {
  stop(): void;
}

/** Why /health reports the backend down when it refuses the gateway's credentials. */
export const CREDENTIALS_REFUSED =
  "metrics backend refused the gateway's credentials (fix LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE, then send SIGHUP)";

/** Options of startExternalProbe. */
export interface ExternalProbeOptions {
  /** The backend base URL, prefix included. */
  vmUrl: string;
  /** Time between probes. */
  intervalMs: number;
  /** The Authorization value to send, read before each probe. (default: none) */
  authorization?: () => string | undefined;
  /** Called on up/down transitions and with the first result; `reason` says why it is down when the probe knows. */
  onState: (state: 'up' | 'down', reason?: string) => void;
  /** Called after each probe whose answer was marked partial. (default: none) */
  onPartial?: () => void;
  /** Where a refusal of the gateway's credentials is reported, once each time it begins. (default: not logged) */
  logger?: Pick<Logger, 'warn'>;
}

/** Probes the backend's storage every intervalMs and reports transitions (and the first result). */
export function startExternalProbe(options: ExternalProbeOptions): ExternalProbe {
  const { vmUrl, intervalMs, onState } = options;
  let last: ProbeState | undefined;
  let stopped = false;
  const tick = async () => {
    const result = await probeStorage(vmUrl, Math.min(intervalMs, 5000), { authorization: options.authorization?.() });
    if (stopped) return;
    if (result.partial) options.onPartial?.();
    const state: ProbeState = result.refused ? 'credentials_refused' : result.up ? 'up' : 'down';
    if (state !== last) {
      last = state;
      if (state === 'credentials_refused') {
        options.logger?.warn({ backend: 'external' }, `${CREDENTIALS_REFUSED}; every query answers 502 meanwhile`);
        onState('down', CREDENTIALS_REFUSED);
      } else {
        onState(state);
      }
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
