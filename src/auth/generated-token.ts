/**
 * The token generated when none is configured, kept in `<dataDir>/api-token` (mode 0600) so it
 * survives restarts and the operator can read it from there: it is never logged.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { tokenProblem } from './token-format.ts';
import { TokenFileError } from './token-file.ts';

/** The generated token file's name inside the data directory. */
export const GENERATED_TOKEN_FILE = 'api-token';

/** The token in `<dataDir>/api-token`, and whether this call created it. */
export interface GeneratedToken {
  token: string;
  path: string;
  created: boolean;
  /** The file's permission bits, so the caller can warn when others may read it. */
  mode: number;
}

/**
 * What the gateway says about the generated token, in the log and on stderr alike: that it was
 * generated now, or that the one generated earlier is in use.
 */
export function generatedTokenMessage(file: string, created: boolean): string {
  return created
    ? `no API token configured: generated one into ${file} (mode 0600); send it as Authorization: Bearer <token>`
    : `no API token configured: using the one generated earlier in ${file}; send it as Authorization: Bearer <token>`;
}

/** Reads `<dataDir>/api-token`, or creates it with a new random token (32 bytes, base64url). */
export async function loadOrCreateGeneratedToken(dataDir: string): Promise<GeneratedToken> {
  const file = path.join(dataDir, GENERATED_TOKEN_FILE);
  await mkdir(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails when the file exists, so two gateways starting at once cannot overwrite each
    // other's token; the loser reads the winner's below.
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // open's mode is filtered by the umask; make it exact
      await handle.writeFile(`${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { token, path: file, created: true, mode: 0o600 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new TokenFileError(file, `cannot create ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check LAYER_DATA_DIR`, {
        cause: error,
      });
    }
  }
  let existing: string;
  let mode: number;
  try {
    existing = (await readFile(file, 'utf8')).trim();
    mode = (await stat(file)).mode & 0o777;
  } catch (error) {
    throw new TokenFileError(file, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions`, {
      cause: error,
    });
  }
  const problem = tokenProblem(existing);
  if (problem !== undefined) {
    throw new TokenFileError(file, `${file}: ${problem}; delete the file to have a new token generated, or set LAYER_API_TOKENS`, {
      line: 1,
    });
  }
  return { token: existing, path: file, created: false, mode };
}
