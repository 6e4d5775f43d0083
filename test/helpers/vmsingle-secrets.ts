/**
 * What a test needs to write into the gateway's bundled vmsingle, which answers nobody without the
 * gateway's generated credentials. A test runs as the same user, so it may read them where the
 * gateway put them: the child's environment.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startTestGateway, type TestGateway } from './gateway.ts';
import { request, type RawResponse } from './http.ts';
import { pollUntil } from './poll-until.ts';
import { importSeries, type ImportedWindow } from './vm-import.ts';

/** The bundled vmsingle's credentials, read from /proc/<pid>/environ. */
export interface VmsingleSecrets {
  /** Authorization header value (HTTP Basic). */
  authorization: string;
  /** Headers carrying it, for fetch or request(). */
  headers: Record<string, string>;
  /** The authKey of /internal/force_flush. */
  forceFlushAuthKey: string;
  /** The user and password, for a client that takes them in its URL (promtool). */
  userInfo: string;
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
  const userInfo = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return { authorization, headers: { Authorization: authorization }, forceFlushAuthKey, userInfo };
}

/** A test gateway's bundled vmsingle, reached directly with its credentials. */
export interface BundledBackend {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The same with the credentials as URL user info, for promtool. */
  urlWithCredentials: string;
  secrets: VmsingleSecrets;
  /** A request to `path` (with its query string) carrying the credentials. */
  request(path: string, options?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse>;
  /** Writes Prometheus exposition lines into it and flushes them to storage. */
  importExposition(lines: readonly string[]): Promise<void>;
  /** importSeries into it, flushed, and resolved once every series is searchable at the window's end. */
  importSearchable(name: string, series: number, hours: number): Promise<ImportedWindow>;
}

/** The bundled vmsingle of a gateway started by startTestGateway. */
export async function bundledBackend(gw: TestGateway): Promise<BundledBackend> {
  const vm = gw.gateway.vmsingle;
  if (!vm?.pid) throw new Error('the gateway runs no bundled vmsingle');
  const secrets = await vmsingleSecrets(vm.pid);
  const url = vm.url;
  const send: BundledBackend['request'] = (path, options = {}) => request(`${url}${path}`, { ...options, headers: { ...options.headers, ...secrets.headers } });
  return {
    url,
    urlWithCredentials: url.replace('://', `://${secrets.userInfo}@`),
    secrets,
    request: send,
    async importExposition(lines) {
      const imported = await send('/api/v1/import/prometheus', { method: 'POST', body: `${lines.join('\n')}\n` });
      assert.equal(imported.status, 204, imported.text);
      await send(`/internal/force_flush?authKey=${encodeURIComponent(secrets.forceFlushAuthKey)}`);
    },
    async importSearchable(name, series, hours) {
      const window = await importSeries(url, name, series, hours, secrets.headers);
      await send(`/internal/force_flush?authKey=${encodeURIComponent(secrets.forceFlushAuthKey)}`);
      await pollUntil(`the imported ${name} series searchable`, async () => {
        const r = await send(`/api/v1/query?query=count(${name})&time=${window.end}`);
        return r.status === 200 && JSON.parse(r.text).data.result[0]?.value[1] === String(series) ? true : undefined;
      }, 30_000);
      return window;
    },
  };
}

/** A test gateway and its bundled vmsingle, direct, holding a test's dataset. */
export interface GatewayWithData {
  gw: TestGateway;
  direct: BundledBackend;
}

/**
 * For the tests of the enclosing describe: one gateway whose bundled vmsingle holds `lines`,
 * imported in a mocha `before` hook, stopped in `after`. The fields are set once `before` ran.
 */
export function useGatewayWithData(lines: () => readonly string[]): GatewayWithData {
  const fixture = {} as GatewayWithData;
  before(async () => {
    fixture.gw = await startTestGateway();
    fixture.direct = await bundledBackend(fixture.gw);
    await fixture.direct.importExposition(lines());
  });
  after(async () => {
    await fixture.gw?.close();
  });
  return fixture;
}
