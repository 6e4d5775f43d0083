import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createMetricsClient, MetricsClientError, type MetricsClient } from '../../packages/client/src/index.ts';
import { clientError, json, recordingFetch } from './helpers/recording-fetch.ts';

const BASE = 'http://gateway.test:8080';
const TOKEN = 'tok-secret';

interface Case {
  call: (c: MetricsClient) => Promise<unknown>;
  respond: () => Response;
  want: { status: number; errorType: string; body: unknown; requestId?: string; messageIncludes: string };
}

const query = (c: MetricsClient) => c.query('sum(');

describe('MetricsClientError mapping', () => {
  const cases: Array<[string, Case]> = [
    ['a Prometheus error envelope from the gateway -> its errorType', {
      call: query,
      respond: () => json({ status: 'error', errorType: 'bad_data', error: 'query: required' }, 400),
      want: { status: 400, errorType: 'bad_data', body: { status: 'error', errorType: 'bad_data', error: 'query: required' }, messageIncludes: 'query: required' },
    }],
    ['a backend error passed through (VictoriaMetrics errorType "422") -> "422"', {
      call: query,
      respond: () => json({ status: 'error', errorType: '422', error: 'cannot parse "sum(": unexpected end' }, 422),
      want: { status: 422, errorType: '422', body: { status: 'error', errorType: '422', error: 'cannot parse "sum(": unexpected end' }, messageIncludes: 'cannot parse' },
    }],
    ['the gateway refusing the token on a query route -> unauthorized', {
      call: query,
      respond: () => json({ status: 'error', errorType: 'unauthorized', error: 'bad token' }, 401, { 'www-authenticate': 'Bearer realm="layer"' }),
      want: { status: 401, errorType: 'unauthorized', body: { status: 'error', errorType: 'unauthorized', error: 'bad token' }, messageIncludes: 'bad token' },
    }],
    ['a gateway {code, message} body -> code, with the request id', {
      call: (c) => c.catalogEntry('nope_total'),
      respond: () => json({ code: 'ERR_NOT_FOUND', message: 'no metric nope_total', request_id: 'r-1' }, 404),
      want: { status: 404, errorType: 'ERR_NOT_FOUND', body: { code: 'ERR_NOT_FOUND', message: 'no metric nope_total', request_id: 'r-1' }, requestId: 'r-1', messageIncludes: 'no metric nope_total' },
    }],
    ['the X-Request-Id header -> requestId', {
      call: (c) => c.catalog(),
      respond: () => json({ code: 'ERR_UNAUTHORIZED', message: 'missing token' }, 401, { 'x-request-id': 'r-2' }),
      want: { status: 401, errorType: 'ERR_UNAUTHORIZED', body: { code: 'ERR_UNAUTHORIZED', message: 'missing token' }, requestId: 'r-2', messageIncludes: 'missing token' },
    }],
    ['a non-JSON 502 from a proxy -> server_error with the text as body', {
      call: query,
      respond: () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      want: { status: 502, errorType: 'server_error', body: '<html>502 Bad Gateway</html>', messageIncludes: '502 Bad Gateway' },
    }],
    ['a non-JSON 403 -> client_error', {
      call: (c) => c.catalog(),
      respond: () => new Response('forbidden', { status: 403 }),
      want: { status: 403, errorType: 'client_error', body: 'forbidden', messageIncludes: 'forbidden' },
    }],
    ['an empty 500 -> server_error with no body', {
      call: (c) => c.metrics(),
      respond: () => new Response(null, { status: 500 }),
      want: { status: 500, errorType: 'server_error', body: undefined, messageIncludes: '500' },
    }],
    ['a 200 whose body is not JSON -> bad_response', {
      call: query,
      respond: () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      want: { status: 200, errorType: 'bad_response', body: '<html>login</html>', messageIncludes: 'login' },
    }],
    ['a 200 whose JSON is not a query result -> bad_response', {
      call: query,
      respond: () => json({ hello: 'world' }),
      want: { status: 200, errorType: 'bad_response', body: { hello: 'world' }, messageIncludes: 'unexpected response body' },
    }],
    ['a redirect, which is not followed -> bad_response', {
      call: (c) => c.catalog(),
      respond: () => new Response(null, { status: 302, headers: { location: 'http://elsewhere.test/' } }),
      want: { status: 302, errorType: 'bad_response', body: undefined, messageIncludes: '302' },
    }],
    ['a health answer that is neither 200 nor 503 -> its mapping', {
      call: (c) => c.health(),
      respond: () => json({ code: 'ERR_METHOD_NOT_ALLOWED', message: 'use GET' }, 405),
      want: { status: 405, errorType: 'ERR_METHOD_NOT_ALLOWED', body: { code: 'ERR_METHOD_NOT_ALLOWED', message: 'use GET' }, messageIncludes: 'use GET' },
    }],
    ['a 503 health answer without a Health body (a load balancer) -> server_error', {
      call: (c) => c.health(),
      respond: () => new Response('Service Unavailable', { status: 503 }),
      want: { status: 503, errorType: 'server_error', body: 'Service Unavailable', messageIncludes: 'Service Unavailable' },
    }],
    ['a 503 readyz answer without a Readyz body (a load balancer) -> server_error', {
      call: (c) => c.readyz(),
      respond: () => new Response('Service Unavailable', { status: 503 }),
      want: { status: 503, errorType: 'server_error', body: 'Service Unavailable', messageIncludes: 'Service Unavailable' },
    }],
    ['a 503 alerts answer (no rule engine) -> the Prometheus errorType', {
      call: (c) => c.alerts(),
      respond: () => json({ status: 'error', errorType: 'unavailable', error: 'no rule engine is configured' }, 503),
      want: { status: 503, errorType: 'unavailable', body: { status: 'error', errorType: 'unavailable', error: 'no rule engine is configured' }, messageIncludes: 'no rule engine' },
    }],
    ['a 200 rules answer without data.groups -> bad_response', {
      call: (c) => c.rules(),
      respond: () => json({ status: 'success', data: { alerts: [] } }),
      want: { status: 200, errorType: 'bad_response', body: { status: 'success', data: { alerts: [] } }, messageIncludes: 'unexpected response body' },
    }],
  ];

  for (const [name, { call, respond, want }] of cases) {
    it(`maps ${name}`, async () => {
      const double = recordingFetch(respond);
      const err = await clientError(call(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch })));
      assert.equal(err.status, want.status, `got status ${err.status}; want ${want.status}`);
      assert.equal(err.errorType, want.errorType, `got errorType ${err.errorType}; want ${want.errorType}`);
      assert.deepEqual(err.body, want.body);
      assert.equal(err.requestId, want.requestId);
      assert.ok(err.message.includes(want.messageIncludes), `got message ${JSON.stringify(err.message)}; want it to include ${JSON.stringify(want.messageIncludes)}`);
      assert.ok(!err.message.includes(TOKEN), 'the message must not leak the token');
    });
  }

  it('maps a fetch that rejects (no response) to errorType network, status 0, with the cause', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const client = createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: () => Promise.reject(refused) });
    for (const call of [(c: MetricsClient) => c.query('up'), (c: MetricsClient) => c.health(), (c: MetricsClient) => c.metrics()]) {
      const err = await clientError(call(client));
      assert.equal(err.errorType, 'network');
      assert.equal(err.status, 0);
      assert.equal(err.body, undefined);
      assert.equal(err.cause, refused);
      assert.ok(err.message.includes('ECONNREFUSED'), `got message ${err.message}; want the cause's code in it`);
    }
  });

  it('maps a real refused connection (default fetch) to errorType network', async () => {
    // A port that was just listening and is now closed: a genuine ECONNREFUSED from undici.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    const err = await clientError(createMetricsClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN }).catalog());
    assert.equal(err.errorType, 'network');
    assert.ok(err.message.includes('ECONNREFUSED'), `got message ${err.message}; want ECONNREFUSED in it`);
  });

  it('is an Error with a stable name, usable with instanceof', async () => {
    const err = await clientError(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: () => Promise.resolve(json({ code: 'ERR_X', message: 'x' }, 400)) }).catalog());
    assert.ok(err instanceof Error);
    assert.ok(err instanceof MetricsClientError);
    assert.equal(err.name, 'MetricsClientError');
    assert.match(String(err.stack), /MetricsClientError/);
  });
});
