/**
 * What SIGHUP re-reads: the token file, the backend credentials file and the TLS pair. A file that
 * cannot be used keeps the previous value in force (each reader logs why).
 */
import type https from 'node:https';
import type { TokenStore } from '../auth/token-store.ts';
import type { Logger } from '../logger.ts';
import { reloadTlsPair } from '../tls/tls.ts';
import type { BackendAccess } from './backend-access.ts';
import type { ListeningServer, ServerTls } from './http-server.ts';
import type { Scrape } from './scrape.ts';

/** What the reload step needs. */
export interface ReloadDeps {
  logger: Logger;
  tokens: TokenStore;
  access: BackendAccess;
  listening: ListeningServer;
  tls: ServerTls;
  scrape: Scrape;
}

/** The reloads of a running gateway. */
export interface Reloads {
  /** Re-reads LAYER_API_TOKENS_FILE and rewrites the scrape token. */
  reloadTokens(): Promise<void>;
  /** Re-reads the token file, the backend credentials file and the TLS pair, in that order. */
  reload(): Promise<void>;
}

/** The reloads over the running steps. */
export function createReloads(deps: ReloadDeps): Reloads {
  const { logger, tokens, access, tls, scrape } = deps;
  const reloadTokens = async () => {
    const result = await tokens.reload();
    if (!result.ok) return; // the store logged why, and the previous tokens stay in force
    logger.info({ count: result.count }, 'API tokens reloaded');
    await scrape.writeToken();
  };
  const reloadTls = async () => {
    if (!tls) return;
    const pair = await reloadTlsPair(deps.listening.server as https.Server, tls.files, logger);
    const vmsingle = access.bundled.vmsingle;
    if (!pair || !vmsingle) return;
    // The bundled vmsingle scrapes over HTTPS and must trust the new certificate; the old trust
    // files go only once it has re-read its scrape config.
    await scrape.writeTls(pair);
    await vmsingle.reloadScrape(scrape.target());
    await scrape.pruneTls();
  };
  return {
    reloadTokens,
    async reload() {
      await reloadTokens();
      await access.credentials.reload();
      await reloadTls();
    },
  };
}
