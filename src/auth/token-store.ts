/**
 * The set of API tokens the gateway accepts. Tokens are kept only as SHA-256 digests, and a
 * candidate is compared with every digest in constant time, so neither memory nor timing tells
 * which token exists. Several tokens may be valid at once, which is how tokens are rotated: add
 * the new one to the file, SIGHUP, move clients over, remove the old one, SIGHUP.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { generatedTokenMessage, loadOrCreateGeneratedToken } from './generated-token.ts';
import { tokenProblem } from './token-format.ts';
import { openToOthers, readTokenFile, TokenFileError } from './token-file.ts';

/** Options of createTokenStore. */
export interface TokenStoreOptions {
  /** Tokens from LAYER_API_TOKENS. */
  tokens: readonly string[];
  /** LAYER_API_TOKENS_FILE, re-read by reload(). (default: none) */
  file?: string;
  /** Where the generated token is kept when no token is configured. */
  dataDir: string;
  logger: Logger;
}

/** What reload() did: the tokens in force afterwards, and the error when the file was refused. */
export type ReloadResult = { ok: true; count: number } | { ok: false; count: number; error: TokenFileError };

/** The accepted API tokens. */
export interface TokenStore {
  /** Whether `candidate` is one of the accepted tokens, in time independent of which. */
  verify(candidate: string): boolean;
  /** Re-reads the token file (on SIGHUP); on failure the tokens in force stay in force. */
  reload(): Promise<ReloadResult>;
  /** How many distinct tokens are accepted. */
  readonly count: number;
  /** Changes whenever the accepted set changes (a reload took effect), so verdicts cached under an older generation are void. */
  readonly generation: number;
  /** The file holding the generated token, when one was generated or reused. (default: undefined) */
  readonly generatedPath?: string;
  /** Whether this start generated the token in generatedPath (false when it reused one). */
  readonly generatedNow: boolean;
  /**
   * One accepted token in plain text, for the bundled vmsingle's scrape of /metrics: the first of
   * LAYER_API_TOKENS, else the first of the token file, else the generated one.
   */
  readonly scrapeToken: string;
}

function digest(token: string): Buffer {
  // One-shot crypto.hash (Node 20.12+) costs a fraction of a createHash object on every request.
  return hash('sha256', token, 'buffer');
}

// Keyed by hex digest, so a token listed twice (in the environment and the file) counts once.
function digestSet(tokens: readonly string[]): Map<string, Buffer> {
  const set = new Map<string, Buffer>();
  for (const token of tokens) {
    const d = digest(token);
    set.set(d.toString('hex'), d);
  }
  return set;
}

function emptySetError(file: string): TokenFileError {
  return new TokenFileError(
    file,
    `${file} holds no token and LAYER_API_TOKENS is empty, which would refuse every request; ` +
      'add a token to the file, or unset LAYER_API_TOKENS_FILE to have one generated',
  );
}

/** Warns when users other than the file's owner may read or change LAYER_API_TOKENS_FILE. */
async function warnIfOpen(file: string, logger: Logger): Promise<void> {
  const mode = await openToOthers(file);
  if (mode === undefined) return;
  logger.warn({ path: file, mode: mode.toString(8) }, `LAYER_API_TOKENS_FILE ${file} is accessible by other users (mode ${mode.toString(8)}); chmod 600 it`);
}

/** Builds the token store from the environment's tokens, the token file, or a generated token. */
export async function createTokenStore(options: TokenStoreOptions): Promise<TokenStore> {
  const { file, logger } = options;
  const envTokens = [...options.tokens];
  envTokens.forEach((token, i) => {
    const problem = tokenProblem(token);
    if (problem !== undefined) throw new TypeError(`tokens[${i}]: ${problem}`);
  });

  let generatedPath: string | undefined;
  let generatedNow = false;
  let digests: ReadonlyMap<string, Buffer>;
  let scrapeToken: string;
  if (file !== undefined) {
    // At startup a bad file is fatal: running with fewer tokens than intended, or generating
    // one, would be worse than not starting.
    const fileTokens = await readTokenFile(file);
    digests = digestSet([...envTokens, ...fileTokens]);
    if (digests.size === 0) throw emptySetError(file);
    scrapeToken = [...envTokens, ...fileTokens][0]!;
    logger.info({ count: digests.size, fromEnv: envTokens.length, fromFile: fileTokens.length, file }, 'API tokens loaded');
    await warnIfOpen(file, logger);
  } else if (envTokens.length > 0) {
    digests = digestSet(envTokens);
    scrapeToken = envTokens[0]!;
    logger.info({ count: digests.size, fromEnv: envTokens.length }, 'API tokens loaded');
  } else {
    const generated = await loadOrCreateGeneratedToken(options.dataDir);
    generatedPath = generated.path;
    generatedNow = generated.created;
    digests = digestSet([generated.token]);
    scrapeToken = generated.token;
    if (generated.created) logger.warn({ path: generated.path }, generatedTokenMessage(generated.path, true));
    else logger.info({ path: generated.path }, generatedTokenMessage(generated.path, false));
    if ((generated.mode & 0o077) !== 0) {
      logger.warn({ path: generated.path, mode: generated.mode.toString(8) }, `${generated.path} is readable by other users; chmod 600 it`);
    }
  }

  async function reloadNow(): Promise<ReloadResult> {
    if (file === undefined) {
      logger.info({ count: digests.size }, 'no LAYER_API_TOKENS_FILE to reload; API tokens unchanged');
      return { ok: true, count: digests.size };
    }
    try {
      const fileTokens = await readTokenFile(file);
      const next = digestSet([...envTokens, ...fileTokens]);
      // An empty file is more likely a truncated edit than a wish to lock every client out.
      if (next.size === 0) throw emptySetError(file);
      digests = next; // one assignment: verify() sees the old set or the new one, never a mix
      scrapeToken = [...envTokens, ...fileTokens][0]!;
      generation++;
      logger.info({ count: next.size, fromEnv: envTokens.length, fromFile: fileTokens.length, file }, 'API tokens reloaded');
      await warnIfOpen(file, logger);
      return { ok: true, count: next.size };
    } catch (error) {
      if (!(error instanceof TokenFileError)) throw error;
      logger.error({ err: error, file, count: digests.size }, `API token file refused; keeping the ${digests.size} tokens in force`);
      return { ok: false, count: digests.size, error };
    }
  }

  let generation = 0;
  // SIGHUPs in quick succession run one after another, so the last file read is the one in force.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    verify(candidate) {
      const want = digest(candidate);
      let matched = 0;
      // Compare with every digest, without stopping at a match, so the time taken does not
      // depend on whether or which token matched.
      for (const have of digests.values()) matched |= timingSafeEqual(have, want) ? 1 : 0;
      return matched === 1;
    },
    reload() {
      const run = queue.then(reloadNow);
      queue = run.catch(() => undefined);
      return run;
    },
    get count() {
      return digests.size;
    },
    get generation() {
      return generation;
    },
    get generatedPath() {
      return generatedPath;
    },
    get generatedNow() {
      return generatedNow;
    },
    get scrapeToken() {
      return scrapeToken;
    },
  };
}
