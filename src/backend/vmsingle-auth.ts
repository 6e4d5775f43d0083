/**
 * The bundled vmsingle's lock-down. Its loopback port is visible to every local user (`ps`, `ss`),
 * and without auth any of them could import, delete or snapshot. Each gateway start generates
 * credentials only it holds: HTTP Basic auth for every path, and a random authKey for each path
 * that takes one instead (nobody needs those, so nobody is told them). They reach vmsingle through
 * its environment (`-envflag.enable`), which only the same user and root can read, never its
 * command line, which `ps` shows to everyone. The child gets nothing else of the gateway's
 * environment: LAYER_API_TOKENS and the like stay out of /proc/<pid>/environ.
 */
import { randomBytes } from 'node:crypto';

/**
 * Every authKey flag of vmsingle 1.79 (from `victoria-metrics -help`). Each overrides Basic auth
 * for its paths, so each gets a random value; an unset one would fall back to Basic auth.
 */
export const VMSINGLE_AUTH_KEY_FLAGS = [
  'configAuthKey',
  'deleteAuthKey',
  'flagsAuthKey',
  'forceFlushAuthKey',
  'forceMergeAuthKey',
  'metricsAuthKey',
  'pprofAuthKey',
  'search.resetCacheAuthKey',
  'snapshotAuthKey',
] as const;

// vmsingle logs every flag at start with secrets masked, but the user name in clear: it is not secret.
const USERNAME = 'layer-gateway';

// Variables of the gateway's environment the child keeps: PATH for the binary's own lookups, TZ
// for its log timestamps, and the Go runtime's tuning knobs an operator may have set on purpose.
const INHERITED = ['PATH', 'TZ', 'GOMAXPROCS', 'GOGC', 'GOMEMLIMIT'] as const;

/** Generated credentials of one bundled vmsingle. */
export interface VmsingleAuth {
  /** The Authorization value the gateway sends (HTTP Basic). */
  readonly authorization: string;
  /** The variables that set the auth flags through -envflag.enable. */
  readonly env: Readonly<Record<string, string>>;
}

/** The environment variable that sets `flag` under -envflag.enable: dots become underscores (checked against 1.79). */
export function flagEnvName(flag: string): string {
  return flag.replaceAll('.', '_');
}

function secret(): string {
  return randomBytes(32).toString('base64url');
}

/** New random credentials; `authKeyFlags` are the binary's authKey flags. (default: VMSINGLE_AUTH_KEY_FLAGS) */
export function generateVmsingleAuth(authKeyFlags: readonly string[] = VMSINGLE_AUTH_KEY_FLAGS): VmsingleAuth {
  const password = secret();
  const env: Record<string, string> = {
    [flagEnvName('httpAuth.username')]: USERNAME,
    [flagEnvName('httpAuth.password')]: password,
  };
  for (const flag of authKeyFlags) env[flagEnvName(flag)] = secret();
  return Object.freeze({
    authorization: `Basic ${Buffer.from(`${USERNAME}:${password}`).toString('base64')}`,
    env: Object.freeze(env),
  });
}

/** The child's whole environment: the few inherited variables that are set, plus `extra`. */
export function childEnvironment(extra: Readonly<Record<string, string>>, parent: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}
