/**
 * How the bundled vmsingle trusts the gateway's certificate when it scrapes /metrics over HTTPS.
 * The serving certificate chain itself is its root of trust (Go's verifier accepts a leaf that is
 * in the root pool), so a self-signed certificate, one from a private CA and one from a public CA
 * all verify, with no CA file to configure and no `insecure_skip_verify`. vmsingle reads the file
 * when it loads its scrape config and reloads only a config whose content changed, so the file is
 * named by the certificate's fingerprint: a rotated certificate is a new path in the config.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TlsPair } from '../tls/tls.ts';
import type { ScrapeTls } from './scrape-config.ts';

const PREFIX = 'scrape-ca-';

/** The first subject alternative name of the certificate (DNS name or IP address), if any. */
function firstAltName(pair: TlsPair): string | undefined {
  const first = pair.leaf.subjectAltName?.split(', ')[0];
  const match = first === undefined ? null : /^(?:DNS|IP Address):(.+)$/.exec(first);
  return match?.[1];
}

/** The name vmsingle verifies: the target host when the certificate covers it, else a name it does cover. */
export function scrapeServerName(pair: TlsPair, targetHost: string): string | undefined {
  const covered = pair.leaf.checkIP(targetHost) !== undefined || pair.leaf.checkHost(targetHost) !== undefined;
  return covered ? undefined : firstAltName(pair);
}

/** Writes the chain as vmsingle's trusted roots in dataDir and returns the TLS scrape settings. */
export async function writeScrapeTls(dataDir: string, pair: TlsPair, targetHost: string): Promise<ScrapeTls> {
  const name = `${PREFIX}${pair.leaf.fingerprint256.replaceAll(':', '').slice(0, 16).toLowerCase()}.pem`;
  const caFile = join(dataDir, name);
  await writeFile(caFile, pair.cert, { mode: 0o600 });
  const serverName = scrapeServerName(pair, targetHost);
  return { caFile, ...(serverName === undefined ? {} : { serverName }) };
}

/** Removes the root files of earlier certificates, once the scrape config names `current`. */
export async function pruneScrapeTls(dataDir: string, current: ScrapeTls | undefined): Promise<void> {
  for (const entry of await readdir(dataDir)) {
    const file = join(dataDir, entry);
    if (entry.startsWith(PREFIX) && entry.endsWith('.pem') && file !== current?.caFile) await rm(file, { force: true });
  }
}
