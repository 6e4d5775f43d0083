/** What a backend says about itself, and a check that none of it reaches a client. */
import assert from 'node:assert/strict';

/** The host name a fake backend claims (VictoriaMetrics sends its own in X-Server-Hostname). */
export const BACKEND_HOSTNAME = 'vm-node-7.metrics.internal';

/** Response headers through which a backend may identify itself. */
export const BACKEND_HEADERS: Readonly<Record<string, string>> = {
  'X-Server-Hostname': BACKEND_HOSTNAME,
  Server: 'VictoriaMetrics/v1.79.12',
  'X-Powered-By': 'vmselect',
  Via: '1.1 vmauth',
  'Access-Control-Allow-Origin': '*',
  'Set-Cookie': 'backend=1',
  'X-Content-Type-Options': 'nosniff',
  'Strict-Transport-Security': 'max-age=0',
};

/** Fails when a response names the backend (`url`: its base URL, path prefix included) in a header or its body. */
export function assertAnonymous(res: { headers: Record<string, string | string[] | undefined>; text: string }, url: string, what: string): void {
  for (const name of Object.keys(BACKEND_HEADERS)) {
    // Harmless, or the gateway's own (Server is checked by value below).
    if (name === 'X-Content-Type-Options' || name === 'Server') continue;
    assert.equal(res.headers[name.toLowerCase()], undefined, `${what}: the backend's ${name} reached the client`);
  }
  assert.notEqual(res.headers.server, BACKEND_HEADERS.Server, `${what}: the backend's Server header reached the client`);
  const backend = new URL(url);
  const everything = `${JSON.stringify(res.headers)}\n${res.text}`;
  const secrets = [backend.host, `:${backend.port}`, BACKEND_HOSTNAME, ...(backend.pathname.length > 1 ? [backend.pathname] : [])];
  for (const secret of secrets) {
    assert.ok(!everything.includes(secret), `${what}: "${secret}" leaked in ${everything.slice(0, 500)}`);
  }
}
