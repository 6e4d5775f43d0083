/** What the repository's CLIs share: output streams, argument errors, running only when executed. */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Where a CLI writes; tests pass collectors, the real run passes process streams. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** parseArgs' message up to its first sentence: `Unknown option '--bogus'`. */
export function usageError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\.\s/)[0] ?? message;
}

/** A file's text, or null when it cannot be read (a generated file not written yet). */
export async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** Runs `main` with the process streams when `moduleUrl` is the executed script, not when a test imports it. */
export async function runIfMain(moduleUrl: string, main: (argv: string[], io: Io) => Promise<number>): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
