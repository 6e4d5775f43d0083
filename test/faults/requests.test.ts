/**
 * Abusive requests: bodies over the limit, malformed encodings, repeated parameters, very long
 * URLs and headers, line breaks in parameters. Each is refused with the right status and body
 * (the Prometheus envelope on query routes, JSON elsewhere), never a 500, and nothing reaches
 * the backend.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { FakeUpstream } from '../helpers/fake-upstream.ts';
import { startGatewayOnFake, TEST_TOKEN, type GatewayOnFake, type TestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';
import { rawExchange } from '../helpers/raw-http.ts';
import type { OperationId } from '../../src/generated/routes.ts';

const LIMIT = 1024;

describe('faults: abusive requests', function () {
  this.timeout(60_000);
  let fake: FakeUpstream;
  let gw: TestGateway;
  let stand: GatewayOnFake | undefined;
  let port: number;

  before(async () => {
    stand = await startGatewayOnFake({ env: { LAYER_PROXY_MAX_BODY_BYTES: String(LIMIT) } });
    ({ fake, gw } = stand);
    port = Number(new URL(gw.url).port);
  });
  after(() => stand?.close());
  beforeEach(() => {
    fake.received.length = 0;
  });
  afterEach(function () {
    // Every case here is a refusal: the recording backend must have seen nothing.
    if (this.currentTest?.state === 'passed') assert.deepEqual(fake.received.map((r) => `${r.method} ${r.url}`), [], 'a refused request reached the backend');
  });

  /** Asserts a Prometheus-envelope error of `status` that conforms to the contract of `op`. */
  function assertEnvelope(op: OperationId, res: { status: number; headers: http.IncomingHttpHeaders; text: string }, status: number, errorType = 'bad_data') {
    assert.equal(res.status, status, `got ${res.status} ${res.text.slice(0, 200)}; want ${status}`);
    const body = JSON.parse(res.text);
    assert.equal(body.status, 'error');
    assert.equal(body.errorType, errorType);
    assert.equal(typeof body.error, 'string');
    assert.deepEqual(responseProblems(op, res.status, res.headers['content-type'] ?? null, res.text), []);
  }

  describe('bodies over LAYER_PROXY_MAX_BODY_BYTES', () => {
    const form = { ...bearer(TEST_TOKEN), 'Content-Type': 'application/x-www-form-urlencoded' };
    const big = `query=${'x'.repeat(LIMIT * 4)}`;

    it('refuses a Content-Length over the limit with 413', async () => {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query`, { method: 'POST', headers: form, body: big });
      assertEnvelope('queryInstantPost', res, 413);
      assert.match(JSON.parse(res.text).error, /LAYER_PROXY_MAX_BODY_BYTES/);
    });

    it('refuses a chunked body with 413 as soon as it passes the limit', async () => {
      const res = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        const req = http.request(`${gw.url}/v2/metrics/api/v1/query_range`, { method: 'POST', headers: form, agent: false }, (r) => {
          let text = '';
          r.on('data', (d) => (text += d));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, text }));
        });
        req.on('error', reject);
        assert.equal(req.getHeader('content-length'), undefined);
        // 16 chunks of 512 bytes, a few ms apart: the refusal must not wait for the end.
        let sent = 0;
        const timer = setInterval(() => {
          if (sent++ >= 16) {
            clearInterval(timer);
            req.end();
            return;
          }
          req.write(sent === 1 ? `query=${'y'.repeat(506)}` : 'y'.repeat(512));
        }, 5);
      });
      assertEnvelope('queryRangePost', res, 413);
    });

    it('refuses a huge declared Content-Length before the body is sent', async () => {
      const started = performance.now();
      const res = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        const req = http.request(`${gw.url}/v2/metrics/api/v1/query`, { method: 'POST', headers: { ...form, 'Content-Length': '10000000000' }, agent: false }, (r) => {
          let text = '';
          r.on('data', (d) => (text += d));
          r.on('end', () => {
            req.destroy(); // we never meant to send 10 GB
            resolve({ status: r.statusCode ?? 0, headers: r.headers, text });
          });
        });
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
        req.write('query=up'); // and nothing more
      });
      assertEnvelope('queryInstantPost', res, 413);
      assert.ok(performance.now() - started < 2000, 'the refusal waited for the body');
    });
  });

  describe('malformed encodings and parameters: 400 in the envelope', () => {
    const cases: [string, { path: string; method?: 'GET' | 'POST'; body?: string; op: OperationId }][] = [
      ['malformed percent-encoding', { path: 'api/v1/query?query=%ZZup', op: 'queryInstant' }],
      ['a truncated UTF-8 sequence', { path: 'api/v1/query?query=%E0%A4%A', op: 'queryInstant' }],
      ['percent-encoded bytes that are not UTF-8', { path: 'api/v1/query?query=%FF%FEup', op: 'queryInstant' }],
      ['an overlong UTF-8 encoding of "/"', { path: 'api/v1/query?query=%C0%AF', op: 'queryInstant' }],
      ['malformed encoding in a parameter name', { path: 'api/v1/query?query=up&%ZZ=1', op: 'queryInstant' }],
      ['malformed encoding in a form body', { path: 'api/v1/query', method: 'POST', body: 'query=%E0%A4%A', op: 'queryInstantPost' }],
      ['raw non-UTF-8 bytes in a form body', { path: 'api/v1/query', method: 'POST', body: 'query=up\xff\xfe', op: 'queryInstantPost' }],
      ['a parameter given twice', { path: 'api/v1/query?query=up&query=down', op: 'queryInstant' }],
      ['a parameter given twice, once empty', { path: 'api/v1/query_range?query=up&start=1&step=1&step=', op: 'queryRange' }],
      ['a parameter in the URL and the body', { path: 'api/v1/query?query=up', method: 'POST', body: 'query=down', op: 'queryInstantPost' }],
      ['a parameter twice in the body', { path: 'api/v1/query_range', method: 'POST', body: 'query=up&start=1&step=1&start=2', op: 'queryRangePost' }],
      ['CRLF in a parameter (header injection attempt)', { path: 'api/v1/query_range?query=up&start=1&step=1%0D%0AX-Injected:%20yes', op: 'queryRange' }],
      ['a bare LF in a parameter', { path: 'api/v1/query?query=up&time=1%0A2', op: 'queryInstant' }],
      ['CRLF in a form body parameter', { path: 'api/v1/query', method: 'POST', body: 'query=up&time=1%0D%0AHost:%20evil', op: 'queryInstantPost' }],
      ['a NUL in a parameter name', { path: 'api/v1/query?query=up&time%00=1', op: 'queryInstant' }],
    ];
    for (const [name, c] of cases) {
      it(`refuses ${name}`, async () => {
        const res = await request(`${gw.url}/v2/metrics/${c.path}`, {
          method: c.method ?? 'GET',
          headers: { ...bearer(TEST_TOKEN), ...(c.body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
          ...(c.body !== undefined ? { body: Buffer.from(c.body, 'latin1') } : {}),
        });
        assertEnvelope(c.op, res, 400);
      });
    }
  });

  describe('what the HTTP parser refuses: JSON with the right status, never an empty body or a 500', () => {
    /** Parses a raw answer's JSON body, which carries both error shapes. */
    function parserError(raw: { status: number; body: string; closedByServer: boolean }, status: number, code: string) {
      assert.equal(raw.status, status, `got ${raw.status}: ${raw.body.slice(0, 200)}`);
      assert.ok(raw.closedByServer, 'the connection stays open after a parser error');
      const body = JSON.parse(raw.body);
      assert.equal(body.code, code);
      assert.equal(body.status, 'error');
      assert.equal(typeof body.message, 'string');
      assert.equal(body.error, body.message);
    }
    const head = `Host: gw\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n`;

    it('answers a 100 KB URL with 431', async () => {
      const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=${'a'.repeat(100 * 1024)} HTTP/1.1\r\n${head}\r\n`);
      parserError(ex, 431, 'ERR_HEADERS_TOO_LARGE');
      assert.match(JSON.parse(ex.body).message, /POST/);
    });

    it('answers a 64 KB header with 431', async () => {
      const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=up HTTP/1.1\r\n${head}X-Big: ${'b'.repeat(64 * 1024)}\r\n\r\n`);
      parserError(ex, 431, 'ERR_HEADERS_TOO_LARGE');
    });

    it('answers a long URL sent through a real client (Node http) with 431', async () => {
      const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${'a'.repeat(100 * 1024)}`, { headers: bearer(TEST_TOKEN) }).catch((error: Error) => error);
      assert.ok(!(res instanceof Error), `the client saw ${String(res)} instead of an answer`);
      assert.equal(res.status, 431);
      assert.equal(JSON.parse(res.text).code, 'ERR_HEADERS_TOO_LARGE');
    });

    it('answers raw bytes outside the URL character set with 400', async () => {
      const ex = await rawExchange(port, Buffer.concat([Buffer.from('GET /v2/metrics/api/v1/query?query=up'), Buffer.from([0xff, 0xfe]), Buffer.from(` HTTP/1.1\r\n${head}\r\n`)]));
      parserError(ex, 400, 'ERR_BAD_REQUEST');
    });

    it('answers a raw CR inside the request line with 400', async () => {
      const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=up&time=1\rX-Injected: yes HTTP/1.1\r\n${head}\r\n`);
      parserError(ex, 400, 'ERR_BAD_REQUEST');
    });

    it('answers a valid request first when bytes after it do not parse, then 400, then closes', async () => {
      // A GET with a body but no length: the body is read as the next request and fails to parse.
      const ex = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: gw\r\n\r\nmatch[]=up&garbage\r\n\r\n`);
      const statuses = [...ex.raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      assert.deepEqual(statuses, [200, 400], ex.raw.slice(0, 400));
      assert.equal(JSON.parse(ex.body.slice(0, ex.body.indexOf('HTTP/1.1'))).status, 'ok');
      assert.ok(ex.closedByServer, 'the connection stays open after a parser error');
    });

    it('answers only the valid request when it asked to close the connection', async () => {
      // /health is written while its request is handled; Koa writes /metrics after its promise settles.
      for (const target of ['/health', '/metrics']) {
        const ex = await rawExchange(port, `GET ${target} HTTP/1.1\r\n${head}Connection: close\r\n\r\nmatch[]=up&garbage\r\n\r\n`);
        const statuses = [...ex.raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
        assert.deepEqual(statuses, [200], `${target}: ${ex.raw.slice(0, 400)}`);
        assert.ok(ex.closedByServer, target);
      }
    });

    it('answers a bad second request on a kept-alive connection after the first response', async () => {
      const ex = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: gw\r\n\r\nGET /health?${'a'.repeat(32 * 1024)} HTTP/1.1\r\nHost: gw\r\n\r\n`);
      const statuses = [...ex.raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      assert.deepEqual(statuses, [200, 431], ex.raw.slice(0, 400));
      assert.ok(ex.closedByServer);
      assert.match(ex.raw, /"code":"ERR_HEADERS_TOO_LARGE"/);
    });

    it('answers an HTTP/1.1 request without Host with 400 in JSON, like every parser error', async () => {
      const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=up HTTP/1.1\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`);
      parserError(ex, 400, 'ERR_BAD_REQUEST');
      assert.match(JSON.parse(ex.body).message, /no Host header/);
      assert.doesNotMatch(ex.raw, /Transfer-Encoding: chunked/i);
      const post = await rawExchange(port, 'POST /v2/metrics/api/v1/query HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\nquery=up');
      parserError(post, 400, 'ERR_BAD_REQUEST');
    });

    it('serves an HTTP/1.0 request without Host (Host is HTTP/1.1\'s requirement)', async () => {
      const ex = await rawExchange(port, 'GET /livez HTTP/1.0\r\n\r\n');
      assert.equal(ex.status, 200, ex.raw.slice(0, 300));
    });

    it('answers a header line without a colon with 400', async () => {
      const ex = await rawExchange(port, `GET /v2/metrics/api/v1/query?query=up HTTP/1.1\r\n${head}not a header\r\n\r\n`);
      parserError(ex, 400, 'ERR_BAD_REQUEST');
    });
  });

  describe('odd input on the other routes: never a 500', () => {
    const cases: [string, { path: string; headers?: Record<string, string>; want: number[] }][] = [
      ['a malformed catalog entry name', { path: '/v2/metrics/catalog/%ZZ', want: [400, 404] }],
      ['a catalog entry name that is not UTF-8', { path: '/v2/metrics/catalog/%FF%FE', want: [400, 404] }],
      ['malformed encoding on /health', { path: '/health?x=%ZZ', want: [200] }],
      ['malformed encoding on /metrics', { path: '/metrics?x=%ZZ&x=%E0', want: [200, 400] }],
      ['a token with bytes outside ASCII', { path: '/v2/metrics/catalog', headers: { Authorization: 'Bearer \xff\xfe\xfd-0123456789abcdef' }, want: [401] }],
      ['Basic credentials that are not UTF-8', { path: '/v2/metrics/catalog', headers: { Authorization: `Basic ${Buffer.from([0xff, 0x3a, 0xfe]).toString('base64')}` }, want: [401] }],
    ];
    for (const [name, c] of cases) {
      it(`answers ${name} with ${c.want.join(' or ')}`, async () => {
        const res = await request(`${gw.url}${c.path}`, { headers: c.headers ?? bearer(TEST_TOKEN) });
        assert.ok(c.want.includes(res.status), `got ${res.status} ${res.text.slice(0, 200)}; want ${c.want.join(' or ')}`);
        if (res.status >= 400) {
          const body = JSON.parse(res.text);
          assert.equal(typeof body.code, 'string');
          assert.equal(typeof body.message, 'string');
        }
      });
    }
  });
});
