/**
 * How requests reach the metrics backend: its URL, its credentials, the upstream client and what
 * to redact from its answers. Built before the backend runs, because the app is built before the
 * server listens and vmsingle can only start once it knows the port it scrapes; everything here
 * therefore reads the bundled vmsingle per request through `bundled`.
 */
import { loadBackendCredentials, type BackendCredentials } from '../backend/credentials.ts';
import { asConfigError } from './config-files.ts';
import type { Vmsingle } from '../backend/vmsingle.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createQuarantine, type Quarantine } from '../proxy/quarantine.ts';
import { createUpstream, type Upstream } from '../proxy/upstream.ts';

/** The backend as the request path sees it. */
export interface BackendAccess {
  /** The supervised vmsingle, set by the bundled backend step once created; empty with LAYER_VM_URL. */
  readonly bundled: { vmsingle?: Vmsingle };
  readonly credentials: BackendCredentials;
  /** The Authorization value sent to the backend now, if any. */
  authorization(): string | undefined;
  readonly upstream: Upstream;
  /** Strings no answer may carry to a client: the backend's address and the credentials sent to it. */
  redact(): string[];
  /** Bundled mode only: an external backend's crashes are not seen, and it may be many processes. */
  readonly quarantine: Quarantine | undefined;
}

/** Reads the backend credentials (LAYER_VM_*_FILE, or the bundled vmsingle's generated ones) and builds the upstream client. */
export async function createBackendAccess(config: Config, logger: Logger): Promise<BackendAccess> {
  const bundled: { vmsingle?: Vmsingle } = {};
  const backendUrl = () => {
    if (config.vmUrl) return config.vmUrl;
    if (!bundled.vmsingle || bundled.vmsingle.state !== 'up') throw new Error('bundled vmsingle is not up');
    return bundled.vmsingle.url;
  };
  const credentials = await asConfigError(loadBackendCredentials(config, logger));
  const authorization = () => (config.vmUrl ? credentials.header() : bundled.vmsingle?.authorization);
  const upstream = createUpstream({ baseUrl: backendUrl, timeoutMs: config.vmTimeoutMs, retryStale: Boolean(config.vmUrl), authorization });
  return {
    bundled,
    credentials,
    authorization,
    upstream,
    redact: () => redactions(authorization(), backendUrl),
    quarantine: config.vmUrl ? undefined : createQuarantine({ logger }),
  };
}

/** The credentials sent and every spelling of the backend's address. */
function redactions(sent: string | undefined, backendUrl: () => string): string[] {
  // The backend may echo the credentials it was sent (vmauth 1.79 quotes an unknown token in its 400).
  const credential = sent?.slice(sent.indexOf(' ') + 1);
  const secrets = sent === undefined ? [] : [sent, credential!];
  try {
    const url = new URL(backendUrl());
    const prefix = url.pathname.replace(/\/+$/, '');
    return [...secrets, url.origin, url.host, url.hostname, ...(url.port ? [`:${url.port}`] : []), ...(prefix ? [prefix] : [])];
  } catch {
    return secrets;
  }
}
