/**
 * Runs the metrics backend: probes an external one (LAYER_VM_URL), or starts the bundled vmsingle
 * scraping the gateway. Runs after the server listens, since vmsingle's scrape target is the
 * gateway's own port.
 */
import { startExternalProbe } from '../backend/external-probe.ts';
import { createVmsingle } from '../backend/vmsingle.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { BackendAccess } from './backend-access.ts';
import type { ServerTls } from './http-server.ts';
import type { Observability } from './observability.ts';
import type { Scrape } from './scrape.ts';
import type { Cleanups } from './shutdown.ts';

/** What the backend step needs. */
export interface BackendDeps {
  config: Config;
  logger: Logger;
  observability: Observability;
  access: BackendAccess;
  scrape: Scrape;
  tls: ServerTls;
  cleanups: Cleanups;
  /** The gateway's URL, for the log line that says it is ready. */
  url: string;
}

/** Starts the probe, or the bundled vmsingle and resolves once it answers. */
export async function startBackend(deps: BackendDeps): Promise<void> {
  const { config, logger, observability, access, scrape, cleanups } = deps;
  if (config.vmUrl) {
    const probe = startExternalProbe({
      vmUrl: config.vmUrl,
      intervalMs: 5000,
      authorization: access.authorization,
      onState: observability.setBackend,
      onPartial: () => observability.health.recordPartial(),
      logger,
    });
    cleanups.push(() => probe.stop());
    return;
  }
  await scrape.writeToken();
  await scrape.writeTls(deps.tls?.pair);
  await scrape.pruneTls();
  const vmsingle = createVmsingle({
    binary: config.vmBinary,
    dataDir: config.dataDir,
    retentionPeriod: config.vmRetention,
    maxConcurrentRequests: config.vmMaxConcurrent,
    scrape: scrape.target(),
    logger,
    onState: observability.setBackend,
    onRestart: () => observability.metrics.layer_vmsingle_restarts_total.inc(),
    // Only a panic can come from a query; a kill (an operator's, the OOM killer's) says nothing about the queries in flight.
    onUnexpectedExit: (exit) => (exit.panicked ? access.quarantine?.backendCrashed() : undefined),
  });
  // The request path reads it per request from here; its stop is registered before start() so
  // that a start that fails still stops the process it spawned.
  access.bundled.vmsingle = vmsingle;
  cleanups.push(() => vmsingle.stop());
  await vmsingle.start();
  logger.info({ url: deps.url, mode: observability.mode }, 'gateway ready: metrics backend is up');
}
