/**
 * What the repository's CLIs share: one entry (`runCli`), one I/O style (results on stdout,
 * problems and usage errors on stderr, each write ending in a newline) and one set of exit
 * codes: 0 done, 1 the check found something, 2 bad usage or an input that cannot be read.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where a CLI writes; tests pass collectors, the real run passes process streams. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * An input the CLI cannot use (a contract the generator cannot render, a file without its markers):
 * the message says what is wrong and how to fix it. runCli prints it as one line and exits 2.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** A CLI's body: its arguments (without node and the script) in, its exit code out. */
export type CliMain = (args: string[], io: Io) => Promise<number> | number;

/** parseArgs' message up to its first sentence: `Unknown option '--bogus'`. */
export function usageError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\.\s/)[0] ?? message;
}

/**
 * The `--check` flag of a CLI that takes nothing else: true or false, or undefined after writing
 * the usage error to stderr (the caller exits 2).
 */
export function parseCheckFlag(name: string, args: readonly string[], io: Io): boolean | undefined {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    io.stderr(`${name}: unknown argument ${unknown.join(' ')}\nusage: npm run ${name} [-- --check]\n`);
    return undefined;
  }
  return args.includes('--check');
}

/** A file's text, or null when it cannot be read (a generated file not written yet). */
export async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

function isExecutedScript(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  // Real paths on both sides: a temporary directory or a checkout reached through a symlink names
  // one file two ways.
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs `main` with the process's arguments and streams when `moduleUrl` is the executed script (not
 * when a test imports it). The code goes to process.exitCode rather than process.exit(), so a
 * piped stdout (`>> $GITHUB_STEP_SUMMARY`) is flushed before Node exits.
 */
export async function runCli(moduleUrl: string, main: CliMain): Promise<void> {
  if (!isExecutedScript(moduleUrl)) return;
  process.exitCode = await runMain(main, process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

/** Runs `main`, answering an InputError it throws with its message on stderr and exit code 2. */
export async function runMain(main: CliMain, args: string[], io: Io): Promise<number> {
  try {
    return await main(args, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
}
