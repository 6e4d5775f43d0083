/**
 * The credentials the gateway sends to an external backend (LAYER_VM_BEARER_TOKEN_FILE or
 * LAYER_VM_BASIC_AUTH_FILE) as an Authorization header value. Read at start, where a bad file stops
 * start-up (exit 2: src/wiring/config-files.ts), and on SIGHUP, where a bad file keeps the previous value.
 * Neither the file's contents nor the header ever reach a log or an error message.
 */
import { readFile } from 'node:fs/promises';
import type { Config, ConfigVariableName } from '../config.ts';
import type { Logger } from '../logger.ts';
import { ConfiguredFileError, StartupError } from '../errors.ts';

/** The Authorization value for the backend, kept current across reloads. */
export interface BackendCredentials {
  /** The header value to send, undefined when none is configured. */
  header(): string | undefined;
  /** Re-reads the file (SIGHUP); on failure the previous value stays and the reason is logged. */
  reload(): Promise<{ ok: boolean }>;
}

/** What is wrong with a credentials file's text or access, without any of its contents. */
class CredentialsFileError extends StartupError {
  override name = 'CredentialsFileError';
  constructor(message: string) {
    super('ERR_CREDENTIALS_FILE', message);
  }
}

/** A credentials file that cannot be used at start, naming its variable and never its contents. */
export class BackendCredentialsError extends ConfiguredFileError<ConfigVariableName> {
  override name = 'BackendCredentialsError';
  constructor(variable: ConfigVariableName, file: string, reason: CredentialsFileError) {
    super('ERR_BACKEND_CREDENTIALS', variable, file, `${variable}=${JSON.stringify(file)}: the file ${reason.message}`, { cause: reason });
  }
}

// Bytes allowed in a token (RFC 6750 b64token is narrower; any visible ASCII is what servers accept).
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// A password may hold spaces and non-ASCII letters, never control characters.
const hasControl = (text: string) => [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The single line of a credentials file: a trailing newline is fine, a second line is not. */
function onlyLine(text: string): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.length !== 1) throw new CredentialsFileError(`holds ${lines.length} lines; write exactly one`);
  return lines[0]!;
}

/** `Bearer <token>` from the text of a bearer token file (pure). */
export function parseBearerTokenFile(text: string): string {
  const token = onlyLine(text);
  if (!VISIBLE_ASCII.test(token)) throw new CredentialsFileError('must hold one token of visible ASCII characters, no spaces');
  return `Bearer ${token}`;
}

/** `Basic <base64>` from the text of a `user:password` file (pure). */
export function parseBasicAuthFile(text: string): string {
  const line = onlyLine(text);
  const colon = line.indexOf(':');
  if (colon <= 0) throw new CredentialsFileError('must hold user:password (a non-empty user, a colon, the password)');
  if (hasControl(line)) throw new CredentialsFileError('must not hold control characters');
  return `Basic ${Buffer.from(line, 'utf8').toString('base64')}`;
}

/** The configured file and how to read it, or undefined when the backend takes no credentials. */
function sourceOf(config: Pick<Config, 'vmBearerTokenFile' | 'vmBasicAuthFile'>): { variable: ConfigVariableName; file: string; parse: (text: string) => string } | undefined {
  if (config.vmBearerTokenFile !== undefined) return { variable: 'LAYER_VM_BEARER_TOKEN_FILE', file: config.vmBearerTokenFile, parse: parseBearerTokenFile };
  if (config.vmBasicAuthFile !== undefined) return { variable: 'LAYER_VM_BASIC_AUTH_FILE', file: config.vmBasicAuthFile, parse: parseBasicAuthFile };
  return undefined;
}

async function readHeader(source: NonNullable<ReturnType<typeof sourceOf>>): Promise<string> {
  let text: string;
  try {
    text = await readFile(source.file, 'utf8');
  } catch (error) {
    throw new CredentialsFileError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return source.parse(text);
}

/** Reads the configured credentials file; throws a BackendCredentialsError naming the variable when it is unusable. */
export async function loadBackendCredentials(config: Pick<Config, 'vmBearerTokenFile' | 'vmBasicAuthFile'>, logger: Logger): Promise<BackendCredentials> {
  const source = sourceOf(config);
  if (source === undefined) return { header: () => undefined, reload: () => Promise.resolve({ ok: true }) };
  let header: string;
  try {
    header = await readHeader(source);
  } catch (error) {
    if (!(error instanceof CredentialsFileError)) throw error;
    throw new BackendCredentialsError(source.variable, source.file, error);
  }
  return {
    header: () => header,
    async reload() {
      try {
        header = await readHeader(source);
        logger.info({ variable: source.variable }, 'backend credentials reloaded');
        return { ok: true };
      } catch (error) {
        if (!(error instanceof CredentialsFileError)) throw error;
        logger.error({ variable: source.variable, file: source.file }, `backend credentials not reloaded: the file ${error.message}; the previous credentials stay in use`);
        return { ok: false };
      }
    },
  };
}
