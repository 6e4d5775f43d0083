/**
 * The token file (LAYER_API_TOKENS_FILE): one token per line, blank lines and lines starting with
 * `#` ignored. Problems name the file and line, never the token text, because they are logged.
 */
import { readFile, stat } from 'node:fs/promises';
import { StartupError, type StartupErrorOptions } from '../errors.ts';
import { tokenProblem } from './token-format.ts';

/** Options of TokenFileError. */
export interface TokenFileErrorOptions extends StartupErrorOptions {
  /** The 1-based line of the first bad line. (default: none, the whole file is at fault) */
  line?: number;
}

/** A token file (or the generated token file) that cannot be used; the message says how to fix it. */
export class TokenFileError extends StartupError {
  override name = 'TokenFileError';
  declare readonly code: 'ERR_TOKEN_FILE';
  readonly file: string;
  readonly line?: number;

  constructor(file: string, message: string, options: TokenFileErrorOptions = {}) {
    super('ERR_TOKEN_FILE', message, { cause: options.cause });
    this.file = file;
    if (options.line !== undefined) this.line = options.line;
  }
}

/** Parses the text of a token file; throws TokenFileError listing every bad line. */
export function parseTokenFile(text: string, file: string): string[] {
  const tokens: string[] = [];
  const problems: { line: number; message: string }[] = [];
  // Editors on Windows add a BOM and CRLF; neither is part of a token.
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const token = raw.trim();
    if (token === '' || token.startsWith('#')) return;
    const problem = tokenProblem(token);
    if (problem === undefined) {
      tokens.push(token);
    } else {
      const hint = /\s/.test(token) ? '; put one token per line, and comments on lines of their own starting with #' : '';
      problems.push({ line: i + 1, message: `${file}:${i + 1}: ${problem}${hint}` });
    }
  });
  const first = problems[0];
  if (first) throw new TokenFileError(file, problems.map((p) => p.message).join('\n'), { line: first.line });
  return tokens;
}

/** Reads and parses a token file; throws TokenFileError when it cannot be read or parsed. */
export async function readTokenFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new TokenFileError(file, `cannot read token file ${file} (${reason}); check LAYER_API_TOKENS_FILE and the file's permissions`, {
      cause: error,
    });
  }
  return parseTokenFile(text, file);
}

/**
 * The permission bits of `file` when users other than its owner may access it (group or others
 * have any bit set), else undefined; undefined too when it cannot be examined (reading it reports that).
 */
export async function openToOthers(file: string): Promise<number | undefined> {
  try {
    const mode = (await stat(file)).mode & 0o777;
    return (mode & 0o077) !== 0 ? mode : undefined;
  } catch {
    return undefined;
  }
}
