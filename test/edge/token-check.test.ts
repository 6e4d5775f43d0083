import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createTokenStore } from '../../src/auth/token-store.ts';
import type { AuthFailureReason } from '../../src/edge/token-check.ts';
import { basic } from '../helpers/http.ts';
import { withAuthServer } from './auth-server.ts';
import { assertNotLogged, captureLogger } from '../helpers/log-recorder.ts';
import { withTempDir } from '../helpers/temp-dir.ts';

const VALID = 'valid-token-0123456789';
const OTHER = 'other-token-0123456789';
const UNKNOWN = 'unknown-token-012345678';

interface Request {
  method?: 'GET' | 'HEAD' | 'POST';
  /** Path and query. (default: /) */
  target?: string;
  authorization?: string;
}

interface Want {
  status: number;
  /** The reason passed to onFailure; none when the request passes. */
  reason?: AuthFailureReason;
  /** Part of the 401 message. */
  message?: string;
}

describe('createTokenCheck(store, onFailure)', () => {
  const cases: [string, { given: Request; want: Want }][] = [
    ['a request without credentials', { given: {}, want: { status: 401, reason: 'missing', message: 'tokens come from LAYER_API_TOKENS or LAYER_API_TOKENS_FILE, or, when neither is set, from the file the gateway generated: api-token in its data directory (LAYER_DATA_DIR)' } }],
    ['an empty Authorization header', { given: { authorization: '' }, want: { status: 401, reason: 'missing' } }],
    ['Bearer with a valid token', { given: { authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['bearer in lower case', { given: { authorization: `bearer ${VALID}` }, want: { status: 200 } }],
    ['BEARER in upper case, two spaces', { given: { authorization: `BEARER  ${VALID}` }, want: { status: 200 } }],
    ['the second of two valid tokens', { given: { authorization: `Bearer ${OTHER}` }, want: { status: 200 } }],
    ['Bearer with an unknown token', { given: { authorization: `Bearer ${UNKNOWN}` }, want: { status: 401, reason: 'invalid', message: 'not valid' } }],
    ['Bearer with a prefix of a valid token', { given: { authorization: `Bearer ${VALID.slice(0, -1)}` }, want: { status: 401, reason: 'invalid' } }],
    ['Bearer with the token twice', { given: { authorization: `Bearer ${VALID}${VALID}` }, want: { status: 401, reason: 'invalid' } }],
    ['Bearer without a token', { given: { authorization: 'Bearer' }, want: { status: 401, reason: 'malformed', message: 'cannot be read' } }],
    ['Bearer with spaces only', { given: { authorization: 'Bearer    ' }, want: { status: 401, reason: 'malformed' } }],
    ['Bearer with two words', { given: { authorization: `Bearer ${VALID} extra` }, want: { status: 401, reason: 'malformed' } }],
    ['an unknown scheme', { given: { authorization: `Token ${VALID}` }, want: { status: 401, reason: 'malformed' } }],
    ['a bare token without scheme', { given: { authorization: VALID }, want: { status: 401, reason: 'malformed' } }],
    ['Basic token:(empty)', { given: { authorization: basic(VALID, '') }, want: { status: 200 } }],
    ['Basic user:token', { given: { authorization: basic('grafana', VALID) }, want: { status: 200 } }],
    ['basic in lower case', { given: { authorization: basic(VALID, '').replace('Basic', 'basic') }, want: { status: 200 } }],
    ['Basic unpadded base64', { given: { authorization: basic(VALID, '').replace(/=+$/, '') }, want: { status: 200 } }],
    ['Basic token:other (the password is what counts)', { given: { authorization: basic(VALID, 'x') }, want: { status: 401, reason: 'invalid' } }],
    ['Basic unknown:(empty)', { given: { authorization: basic(UNKNOWN, '') }, want: { status: 401, reason: 'invalid' } }],
    ['Basic user:unknown', { given: { authorization: basic('user', UNKNOWN) }, want: { status: 401, reason: 'invalid' } }],
    ['Basic with bad base64', { given: { authorization: 'Basic %%%not-base64%%%' }, want: { status: 401, reason: 'malformed' } }],
    ['Basic without a colon', { given: { authorization: `Basic ${Buffer.from(VALID).toString('base64')}` }, want: { status: 401, reason: 'malformed' } }],
    ['Basic with empty user and password', { given: { authorization: basic('', '') }, want: { status: 401, reason: 'malformed' } }],
    ['Basic without credentials', { given: { authorization: 'Basic' }, want: { status: 401, reason: 'malformed' } }],
    [
      'a valid token in access_token, with a valid header',
      { given: { target: `/?access_token=${VALID}`, authorization: `Bearer ${VALID}` }, want: { status: 401, reason: 'query_string', message: 'Authorization header instead' } },
    ],
    ['a token in ?token', { given: { target: `/api/v1/query?query=up&token=${VALID}` }, want: { status: 401, reason: 'query_string', message: '"token"' } }],
    ['a token in ?api_key', { given: { target: `/?api_key=${VALID}`, authorization: `Bearer ${VALID}` }, want: { status: 401, reason: 'query_string' } }],
    ['a token in ?APIKEY', { given: { target: `/?APIKEY=${VALID}`, authorization: `Bearer ${VALID}` }, want: { status: 401, reason: 'query_string' } }],
    ['a percent-encoded access_token', { given: { target: `/?%61ccess_token=${VALID}` }, want: { status: 401, reason: 'query_string' } }],
    ['an empty access_token', { given: { target: '/?access_token', authorization: `Bearer ${VALID}` }, want: { status: 401, reason: 'query_string' } }],
    ['"token" as a value, not a name', { given: { target: '/?query=token&match[]=apikey', authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['a percent-encoded access_token after other parameters', { given: { target: `/?query=up%7Bx%3D%221%22%7D&%61ccess_token=${VALID}`, authorization: `Bearer ${VALID}` }, want: { status: 401, reason: 'query_string' } }],
    ['"token" in a percent-encoded value', { given: { target: '/?query=%7Btoken%3D%22api_key%22%7D', authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['a parameter merely containing "token"', { given: { target: '/?tokens=2&my_token=1', authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['HEAD with a valid token', { given: { method: 'HEAD', authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['HEAD without credentials', { given: { method: 'HEAD' }, want: { status: 401, reason: 'missing' } }],
    ['POST with a valid token', { given: { method: 'POST', authorization: `Bearer ${VALID}` }, want: { status: 200 } }],
    ['POST with an unknown token', { given: { method: 'POST', authorization: basic('u', UNKNOWN) }, want: { status: 401, reason: 'invalid' } }],
  ];

  for (const [name, { given, want }] of cases) {
    it(`answers ${want.status}${want.reason ? ` (${want.reason})` : ''} to ${name}`, async () => {
      const log = captureLogger();
      const store = await createTokenStore({ tokens: [VALID, OTHER], dataDir: '/nonexistent', logger: log.logger });
      await withAuthServer(store, async ({ url, failures }) => {
        const method = given.method ?? 'GET';
        const headers: Record<string, string> = {};
        if (given.authorization !== undefined) headers.authorization = given.authorization;
        const init: RequestInit = { method, headers };
        if (method === 'POST') init.body = new URLSearchParams({ query: 'up' });
        const res = await fetch(url + (given.target ?? '/'), init);
        const body = method === 'HEAD' ? '' : await res.text();

        assert.equal(res.status, want.status, `got status ${res.status} ${body}; want ${want.status}`);
        const wantFailures = want.reason ? [want.reason] : [];
        assert.deepEqual(failures, wantFailures, `got onFailure(${failures.join(', ')}); want onFailure(${wantFailures.join(', ')})`);
        if (want.status === 401) {
          const challenge = res.headers.get('www-authenticate');
          assert.equal(challenge, 'Bearer realm="layer"', `got WWW-Authenticate ${challenge}; want the Bearer challenge`);
        }
        if (method !== 'HEAD' && want.status === 401) {
          const { code, message } = JSON.parse(body) as { code: string; message: string };
          assert.equal(code, 'ERR_UNAUTHORIZED', `got code ${code}; want ERR_UNAUTHORIZED`);
          if (want.message) assert.ok(message.includes(want.message), `got message ${JSON.stringify(message)}; want it to include ${JSON.stringify(want.message)}`);
          assert.ok(message.includes('LAYER_API_TOKENS'), `got message ${JSON.stringify(message)}; want it to say where tokens come from`);
          const echoed = [VALID, OTHER, UNKNOWN, VALID.slice(0, -1)].filter((token) => message.includes(token));
          assert.deepEqual(echoed, [], `got message ${JSON.stringify(message)} echoing a token; want none`);
        }
        assertNotLogged(log.text(), [VALID, OTHER, UNKNOWN]);
      });
    });
  }

  it('still lets a valid token through, promptly, after 10,000 wrong ones in a row', async () => {
    const store = await createTokenStore({ tokens: [VALID], dataDir: '/nonexistent', logger: captureLogger().logger });
    await withAuthServer(store, async ({ url, failures }) => {
      const total = 10_000;
      const parallel = 50;
      const statuses = new Map<number, number>();
      let next = 0;
      // node:http with a keep-alive agent rather than fetch: the same requests, three times faster.
      const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
      const get = (authorization: string) =>
        new Promise<number>((resolve, reject) => {
          http
            .get(`${url}/`, { agent, headers: { authorization } }, (res) => {
              res.resume().on('end', () => resolve(res.statusCode ?? 0));
            })
            .on('error', reject);
        });
      try {
        await Promise.all(
          Array.from({ length: parallel }, async () => {
            while (next < total) {
              const status = await get(`Bearer wrong-token-${String(next++).padStart(8, '0')}`);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
            }
          }),
        );
      } finally {
        agent.destroy();
      }
      assert.deepEqual([...statuses], [[401, total]], `got statuses ${JSON.stringify([...statuses])}; want ${total} x 401`);
      const invalid = failures.filter((reason) => reason === 'invalid').length;
      assert.equal(invalid, total, `got ${invalid} invalid failures; want ${total}`);

      const res = await fetch(`${url}/`, { headers: { authorization: `Bearer ${VALID}` } });
      assert.equal(res.status, 200, `got status ${res.status} for the valid token; want 200 (no lockout)`);
      assert.equal(failures.length, total, `got ${failures.length} failures after the valid request; want ${total}`);
    });
  });

  it('follows a rotation through the token file and SIGHUP reloads', async () => {
    await withTempDir('layer-auth', async (dir) => {
      const file = path.join(dir, 'tokens');
      const log = captureLogger();
      await writeFile(file, `# old client\n${VALID}\n`);
      const store = await createTokenStore({ tokens: [], file, dataDir: dir, logger: log.logger });
      await withAuthServer(store, async ({ url }) => {
        const status = async (token: string) => (await fetch(`${url}/`, { headers: { authorization: `Bearer ${token}` } })).status;
        const statuses = async () => [await status(VALID), await status(OTHER)];

        assert.deepEqual(await statuses(), [200, 401], 'before the rotation: got [old, new]; want only old valid');

        await writeFile(file, `# old client\n${VALID}\n# new client\n${OTHER}\n`);
        assert.equal((await store.reload()).ok, true, 'got a failed reload; want ok');
        assert.deepEqual(await statuses(), [200, 200], 'during the overlap: got [old, new]; want both valid');

        await writeFile(file, `${OTHER}\n${VALID.slice(0, 5)}\n`);
        const bad = await store.reload();
        assert.equal(bad.ok, false, 'got an accepted reload of a bad file; want it refused');
        assert.deepEqual(await statuses(), [200, 200], 'after a bad edit: got [old, new]; want both still valid');

        await writeFile(file, `# new client\n${OTHER}\n`);
        assert.equal((await store.reload()).ok, true, 'got a failed reload; want ok');
        assert.deepEqual(await statuses(), [401, 200], 'after revoking the old token: got [old, new]; want only new valid');
      });
      assertNotLogged(log.text(), [VALID, OTHER]);
    });
  });

  describe('on one keep-alive connection', () => {
    /** Sends requests over a single reused connection; each answers its status and whether the socket was reused. */
    function oneConnection(url: string) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (authorization: string) =>
        new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
          const req = http.get(`${url}/`, { agent, headers: { authorization } }, (res) => {
            res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          });
          req.on('error', reject);
        });
      return { get, close: () => agent.destroy() };
    }

    it('refuses a token revoked by a reload on the connection that used it before', async () => {
      await withTempDir('layer-auth', async (dir) => {
        const file = path.join(dir, 'tokens');
        await writeFile(file, `${VALID}
${OTHER}
`);
        const store = await createTokenStore({ tokens: [], file, dataDir: dir, logger: captureLogger().logger });
        await withAuthServer(store, async ({ url, failures }) => {
          const conn = oneConnection(url);
          try {
            assert.deepEqual(await conn.get(`Bearer ${VALID}`), { status: 200, reused: false });
            assert.deepEqual(await conn.get(`Bearer ${VALID}`), { status: 200, reused: true });
            await writeFile(file, `${OTHER}
`);
            assert.equal((await store.reload()).ok, true);
            assert.deepEqual(await conn.get(`Bearer ${VALID}`), { status: 401, reused: true }, 'the revoked token on the same connection');
            assert.deepEqual(failures, ['invalid']);
          } finally {
            conn.close();
          }
        });
      });
    });

    it('checks every different header: a wrong token after a valid one is refused, and the valid one passes again', async () => {
      const store = await createTokenStore({ tokens: [VALID, OTHER], dataDir: '/nonexistent', logger: captureLogger().logger });
      await withAuthServer(store, async ({ url, failures }) => {
        const conn = oneConnection(url);
        try {
          const statuses = [];
          for (const token of [VALID, UNKNOWN, VALID, VALID.slice(0, -1), OTHER, `${VALID}x`, VALID]) {
            const { status, reused } = await conn.get(`Bearer ${token}`);
            statuses.push(status);
            if (statuses.length > 1) assert.equal(reused, true, 'the same connection throughout');
          }
          assert.deepEqual(statuses, [200, 401, 200, 401, 200, 401, 200]);
          assert.deepEqual(failures, ['invalid', 'invalid', 'invalid']);
        } finally {
          conn.close();
        }
      });
    });
  });
});
