import { spawnSync } from 'node:child_process';
import { CatalogDiffError } from './errors.ts';

// Contract files are a few hundred KB at most; the default 1 MiB would be close for a big catalog.
const MAX_BUFFER = 64 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER });
  if (result.error) {
    throw new CatalogDiffError('ERR_GIT', `catalog:diff: cannot run git: ${result.error.message}; install git`, { cause: result.error });
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** The top directory of the repository `cwd` is in. Throws ERR_GIT outside a repository. */
export function gitTopLevel(cwd: string): string {
  const result = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!result.ok) {
    throw new CatalogDiffError('ERR_GIT', `catalog:diff: ${cwd} is not inside a git repository: run it from the project checkout`);
  }
  return result.stdout.trim();
}

/** Checks that `ref` names a commit. Throws ERR_GIT_REF with what to give instead. */
export function verifyRef(top: string, ref: string): void {
  // --end-of-options: a ref like `--output=x` stays a ref, never an option.
  const result = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!result.ok) {
    throw new CatalogDiffError('ERR_GIT_REF', `catalog:diff: git ref "${ref}" not found: give a branch, tag or commit (e.g. --base origin/main)`);
  }
}

/** A file's text at a verified ref (`git show REF:path`, path from the top level); `undefined` when absent there. */
export function showFile(top: string, ref: string, path: string): string | undefined {
  const result = git(top, ['show', `${ref}:${path}`]);
  return result.ok ? result.stdout : undefined;
}
