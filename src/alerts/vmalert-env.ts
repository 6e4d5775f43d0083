/**
 * The bundled vmalert's secrets, passed through its environment (`-envflag.enable`) as vmsingle's
 * are: its own HTTP Basic credentials and authKeys, and the credentials it sends to the backend
 * (datasource, remote read, remote write) and to the notifier. vmalert 1.79 has no flag for a raw
 * Authorization header, so a header value is split into its bearer-token or Basic user and password flags.
 */
import { flagEnvName, generateVmsingleAuth, type VmsingleAuth } from '../backend/vmsingle-auth.ts';

/** Every authKey flag of vmalert 1.79 (from `vmalert -help`). */
export const VMALERT_AUTH_KEY_FLAGS = ['flagsAuthKey', 'metricsAuthKey', 'pprofAuthKey'] as const;

/** The Authorization values vmalert sends, by the flag prefix that carries them. */
export interface VmalertOutboundAuth {
  /** For -datasource.url and -remoteRead.url. (default: none) */
  backend?: string | undefined;
  /** For -remoteWrite.url. (default: none) */
  write?: string | undefined;
  /** For -notifier.url. (default: none) */
  notifier?: string | undefined;
}

/** New random credentials for vmalert's own HTTP API. */
export function generateVmalertAuth(): VmsingleAuth {
  return generateVmsingleAuth(VMALERT_AUTH_KEY_FLAGS);
}

/** The flag variables that make vmalert send `authorization` to the URL of flag prefix `prefix` (pure). */
export function outboundAuthEnv(prefix: string, authorization: string | undefined): Record<string, string> {
  if (authorization === undefined) return {};
  const space = authorization.indexOf(' ');
  const scheme = authorization.slice(0, space).toLowerCase();
  const credential = authorization.slice(space + 1);
  if (scheme === 'bearer') return { [flagEnvName(`${prefix}.bearerToken`)]: credential };
  if (scheme === 'basic') {
    const pair = Buffer.from(credential, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    return {
      [flagEnvName(`${prefix}.basicAuth.username`)]: pair.slice(0, colon),
      [flagEnvName(`${prefix}.basicAuth.password`)]: pair.slice(colon + 1),
    };
  }
  throw new TypeError(`vmalert can send Bearer or Basic credentials only; got the scheme "${scheme}"`);
}

/** vmalert's whole flag environment: its own credentials plus what it sends where (pure). */
export function vmalertFlagEnv(own: VmsingleAuth, outbound: VmalertOutboundAuth): Record<string, string> {
  return {
    ...own.env,
    ...outboundAuthEnv('datasource', outbound.backend),
    ...outboundAuthEnv('remoteRead', outbound.backend),
    ...outboundAuthEnv('remoteWrite', outbound.write),
    ...outboundAuthEnv('notifier', outbound.notifier),
  };
}
