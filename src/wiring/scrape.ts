/**
 * What the bundled vmsingle scrapes: the gateway's own /metrics, with the scrape token when
 * /metrics asks for one, over HTTPS when the gateway serves HTTPS. The token and the TLS trust
 * live in files under the data directory, which vmsingle re-reads on reload.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TokenStore } from '../auth/token-store.ts';
import type { ScrapeTarget, ScrapeTls } from '../backend/scrape-config.ts';
import { pruneScrapeTls, writeScrapeTls } from '../backend/scrape-tls.ts';
import type { Config } from '../config.ts';
import type { TlsPair } from '../tls/tls.ts';

/** The scrape target and the files behind it. */
export interface Scrape {
  /** Writes the current scrape token to its file; a no-op unless LAYER_METRICS_AUTH is `token`. */
  writeToken(): Promise<void>;
  /** Writes the trust for this certificate pair (none without TLS); the target uses it from now on. */
  writeTls(pair: TlsPair | undefined): Promise<void>;
  /** Removes trust files the target no longer names; only once vmsingle reads the new ones. */
  pruneTls(): Promise<void>;
  /** The target as the files written so far describe it. */
  target(): ScrapeTarget;
}

/** The scrape of the gateway listening on `port`. */
export function createScrape(config: Config, tokens: TokenStore, port: number): Scrape {
  // A wildcard listen address is not an address to connect to; loopback reaches it.
  const targetHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let tokenFile: string | undefined;
  let tls: ScrapeTls | undefined;
  return {
    async writeToken() {
      if (config.metricsAuth !== 'token') return;
      tokenFile = join(config.dataDir, 'scrape-token');
      await writeFile(tokenFile, `${tokens.scrapeToken}\n`, { mode: 0o600 });
    },
    async writeTls(pair) {
      tls = pair ? await writeScrapeTls(config.dataDir, pair, targetHost) : undefined;
    },
    pruneTls: () => pruneScrapeTls(config.dataDir, tls),
    target: () => ({
      targetHost, targetPort: port, path: '/metrics', interval: config.scrapeInterval,
      ...(tokenFile ? { bearerTokenFile: tokenFile } : {}),
      ...(tls ? { tls } : {}),
    }),
  };
}
