/**
 * TLS at the edge (LAYER_TLS_CERT_FILE, LAYER_TLS_KEY_FILE): the PEM pair is read and checked
 * (readable, PEM, key matching the certificate) before it is used, at start, where a bad pair stops
 * start-up (exit 2: src/wiring/config-files.ts), and on SIGHUP, where a bad pair keeps the one in use and
 * logs why. A good pair replaces the server's secure context: connections already open keep theirs.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import type https from 'node:https';
import tls from 'node:tls';
import type { ConfigVariableName } from '../config.ts';
import type { Logger } from '../logger.ts';
import { ConfiguredFileError } from '../errors.ts';

/** The oldest protocol the gateway speaks: TLS 1.0 and 1.1 are deprecated (RFC 8996). */
export const MIN_TLS_VERSION = 'TLSv1.2';

/**
 * The cipher suites offered: only AEAD ones, as Mozilla's "intermediate" server profile
 * (https://wiki.mozilla.org/Security/Server_Side_TLS) lists them. TLS 1.3 has only AEAD suites;
 * on TLS 1.2 the ECDHE key exchanges with AES-GCM and ChaCha20-Poly1305. The DHE suites of that
 * profile need Diffie-Hellman parameters the gateway does not configure, so they are left out;
 * every client of the profile speaks ECDHE.
 */
export const TLS_CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/**
 * The Strict-Transport-Security value for a max-age in seconds (LAYER_TLS_HSTS_MAX_AGE), or
 * undefined for 0. No includeSubDomains: the gateway speaks for its own host name only.
 */
export function hstsValue(maxAgeSeconds: number): string | undefined {
  return maxAgeSeconds > 0 ? `max-age=${maxAgeSeconds}` : undefined;
}

/** A checked certificate and key. */
export interface TlsPair {
  /** PEM certificate chain, leaf first. */
  cert: Buffer;
  /** PEM private key. */
  key: Buffer;
  /** The leaf certificate, parsed. */
  leaf: X509Certificate;
}

/** The two files of the pair. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/** Why a pair was refused, naming the variable at fault; never the key's contents. */
export class TlsPairError extends ConfiguredFileError<ConfigVariableName> {
  override name = 'TlsPairError';
  constructor(variable: 'LAYER_TLS_CERT_FILE' | 'LAYER_TLS_KEY_FILE', files: TlsFiles, message: string) {
    super('ERR_TLS_PAIR', variable, variable === 'LAYER_TLS_CERT_FILE' ? files.certFile : files.keyFile, message);
  }
}

async function readPem(variable: 'LAYER_TLS_CERT_FILE' | 'LAYER_TLS_KEY_FILE', files: TlsFiles): Promise<Buffer> {
  const file = variable === 'LAYER_TLS_CERT_FILE' ? files.certFile : files.keyFile;
  try {
    return await readFile(file);
  } catch (error) {
    throw new TlsPairError(variable, files, `${variable}=${JSON.stringify(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads and checks the pair; throws a TlsPairError naming the file at fault. */
export async function readTlsPair(files: TlsFiles): Promise<TlsPair> {
  const cert = await readPem('LAYER_TLS_CERT_FILE', files);
  const key = await readPem('LAYER_TLS_KEY_FILE', files);
  const certName = `LAYER_TLS_CERT_FILE=${JSON.stringify(files.certFile)}`;
  const keyName = `LAYER_TLS_KEY_FILE=${JSON.stringify(files.keyFile)}`;
  if (!cert.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new TlsPairError('LAYER_TLS_CERT_FILE', files, `${certName}: not a PEM certificate (no BEGIN CERTIFICATE block)`);
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch {
    throw new TlsPairError('LAYER_TLS_CERT_FILE', files, `${certName}: the PEM certificate cannot be parsed`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsPairError('LAYER_TLS_KEY_FILE', files, `${keyName}: not a PEM private key (an unencrypted PKCS#8, PKCS#1 or SEC1 key is needed)`);
  }
  if (!leaf.checkPrivateKey(privateKey)) {
    throw new TlsPairError('LAYER_TLS_KEY_FILE', files, `${keyName}: the key does not match the certificate in ${certName}`);
  }
  try {
    tls.createSecureContext({ cert, key, minVersion: MIN_TLS_VERSION, ciphers: TLS_CIPHERS });
  } catch (error) {
    throw new TlsPairError('LAYER_TLS_KEY_FILE', files, `${keyName}: the pair is refused by TLS: ${(error as Error).message}`);
  }
  return { cert, key, leaf };
}

/** The https.createServer options of a pair. */
export function tlsServerOptions(pair: TlsPair): https.ServerOptions {
  return { cert: pair.cert, key: pair.key, minVersion: MIN_TLS_VERSION, ciphers: TLS_CIPHERS, honorCipherOrder: true };
}

/**
 * Re-reads the pair into a running server; resolves with the new pair, or undefined (logged) when
 * it was refused and the previous one stays in use.
 */
export async function reloadTlsPair(server: https.Server, files: TlsFiles, logger: Logger): Promise<TlsPair | undefined> {
  let pair: TlsPair;
  try {
    pair = await readTlsPair(files);
  } catch (error) {
    if (!(error instanceof TlsPairError)) throw error;
    logger.error({ variable: error.variable }, `TLS certificate not reloaded: ${error.message}; the previous certificate stays in use`);
    return undefined;
  }
  server.setSecureContext(tlsServerOptions(pair));
  logger.info({ subject: pair.leaf.subject, validTo: pair.leaf.validTo, fingerprint256: pair.leaf.fingerprint256 }, 'TLS certificate reloaded');
  return pair;
}

/** Wraps a request listener so that every answer carries `headers` (none: the listener itself). */
export function withHeaders(listener: RequestListener, headers: Readonly<Record<string, string>>): RequestListener {
  const entries = Object.entries(headers);
  if (entries.length === 0) return listener;
  return (req, res) => {
    for (const [name, value] of entries) res.setHeader(name, value);
    listener(req, res);
  };
}
