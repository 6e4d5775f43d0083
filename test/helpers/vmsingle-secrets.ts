/**
 * What a test needs to write into the gateway's bundled vmsingle, which answers nobody without the
 * gateway's generated credentials. A test runs as the same user, so it may read them where the
 * gateway put them: the child's environment.
 */
import { readFile } from 'node:fs/promises';

/** The bundled vmsingle's credentials, read from /proc/<pid>/environ. */
export interface VmsingleSecrets {
  /** Authorization header value (HTTP Basic). */
  authorization: string;
  /** Headers carrying it, for fetch or request(). */
  headers: Record<string, string>;
  /** The authKey of /internal/force_flush. */
  forceFlushAuthKey: string;
}

/** Reads the environment of the vmsingle process `pid`. */
export async function readEnviron(pid: number): Promise<Record<string, string>> {
  const raw = await readFile(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(raw.split('\0').filter(Boolean).map((entry) => {
    const eq = entry.indexOf('=');
    return [entry.slice(0, eq), entry.slice(eq + 1)];
  }));
}

/** The credentials of the bundled vmsingle running as `pid`. */
export async function vmsingleSecrets(pid: number): Promise<VmsingleSecrets> {
  const env = await readEnviron(pid);
  const user = env.httpAuth_username;
  const password = env.httpAuth_password;
  const forceFlushAuthKey = env.forceFlushAuthKey;
  if (user === undefined || password === undefined || forceFlushAuthKey === undefined) {
    throw new Error(`vmsingle ${pid} has no generated credentials in its environment`);
  }
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return { authorization, headers: { Authorization: authorization }, forceFlushAuthKey };
}
