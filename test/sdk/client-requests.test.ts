import assert from 'node:assert/strict';
import { createMetricsClient, type MetricsClient } from '../../packages/client/src/index.ts';
import { clientError, json, promVector, recordingFetch } from './helpers/recording-fetch.ts';

const BASE = 'http://gateway.test:8080';
const TOKEN = 'tok-3f9a/+=secret';

describe('createMetricsClient: request shapes', () => {
  describe('query form body', () => {
    const cases: Array<[string, { expr: string; encoded: string }]> = [
      ['label matchers with a space and a regex alternation', { expr: '{a="b c",d=~"x|y"}', encoded: '%7Ba%3D%22b+c%22%2Cd%3D%7E%22x%7Cy%22%7D' }],
      ['a plus sign, which a form decoder would otherwise read as a space', { expr: 'up + 1', encoded: 'up+%2B+1' }],
      ['an ampersand, which would otherwise split the form', { expr: 'a and b & c', encoded: 'a+and+b+%26+c' }],
      ['an equals sign and a percent sign', { expr: 'x{p="a=b"} % 100', encoded: 'x%7Bp%3D%22a%3Db%22%7D+%25+100' }],
      ['non-ASCII text, as UTF-8', { expr: 'up{job="ü日本"}', encoded: 'up%7Bjob%3D%22%C3%BC%E6%97%A5%E6%9C%AC%22%7D' }],
      ['a newline and a hash', { expr: 'sum(x) # total\n', encoded: 'sum%28x%29+%23+total%0A' }],
    ];
    for (const [name, { expr, encoded }] of cases) {
      it(`encodes ${name}`, async () => {
        const double = recordingFetch();
        await createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch }).query(expr);
        const [sent] = double.requests;
        assert.ok(sent);
        assert.equal(sent.body, `query=${encoded}`, `got body ${sent.body}; want query=${encoded}`);
        assert.equal(new URLSearchParams(sent.body).get('query'), expr, 'a form decoder must get the expression back exactly');
        assert.equal(sent.headers['content-type'], 'application/x-www-form-urlencoded');
        assert.equal(sent.method, 'POST');
        assert.equal(sent.url, `${BASE}/v2/metrics/api/v1/query`, 'the expression goes in the body, never the URL');
      });
    }

    it('sends time, timeout and limit, and leaves absent options out', async () => {
      const double = recordingFetch();
      const client = createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch });
      await client.query('up', { time: new Date(1_700_000_000_123), timeout: '5s', limit: 10 });
      await client.query('up', { time: 1_700_000_000 });
      await client.query('up', { time: '2023-11-14T22:13:20Z', timeout: 2.5 });
      await client.query('up');
      const got = double.requests.map((r) => r.body);
      assert.deepEqual(got, [
        'query=up&time=1700000000.123&timeout=5s&limit=10',
        'query=up&time=1700000000',
        'query=up&time=2023-11-14T22%3A13%3A20Z&timeout=2.5',
        'query=up',
      ]);
    });

    it('sends a range query with start, end and step to query_range', async () => {
      const double = recordingFetch(() => json({ status: 'success', data: { resultType: 'matrix', result: [] } }));
      const client = createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch });
      await client.queryRange('rate(x[1m]) + 1', { start: new Date(1_700_000_000_000), end: 1_700_000_600, step: '15s', limit: 0 });
      const [sent] = double.requests;
      assert.ok(sent);
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, `${BASE}/v2/metrics/api/v1/query_range`);
      assert.equal(sent.body, 'query=rate%28x%5B1m%5D%29+%2B+1&start=1700000000.000&end=1700000600&step=15s&limit=0');
    });
  });

  describe('routes', () => {
    const calls: Array<[string, { call: (c: MetricsClient) => Promise<unknown>; method: string; path: string; respond: () => Response }]> = [
      ['query', { call: (c) => c.query('up'), method: 'POST', path: '/v2/metrics/api/v1/query', respond: promVector }],
      ['queryRange', { call: (c) => c.queryRange('up', { start: 1, end: 2, step: 1 }), method: 'POST', path: '/v2/metrics/api/v1/query_range', respond: promVector }],
      ['catalog', { call: (c) => c.catalog(), method: 'GET', path: '/v2/metrics/catalog', respond: () => json({ version: '2025-01', entries: [] }) }],
      ['catalogEntry', { call: (c) => c.catalogEntry('layer_up'), method: 'GET', path: '/v2/metrics/catalog/layer_up', respond: () => json({ name: 'layer_up', kind: 'gauge', labels: [], description: '', example_promql: '' }) }],
      ['health', { call: (c) => c.health(), method: 'GET', path: '/health', respond: () => json({ status: 'ok', cache: { state: 'disabled', reconnect_generation: 0 }, namespaces: [] }) }],
      ['readyz', { call: (c) => c.readyz(), method: 'GET', path: '/readyz', respond: () => json({ status: 'ready', reasons: [] }) }],
      ['rules', { call: (c) => c.rules(), method: 'GET', path: '/v2/metrics/api/v1/rules', respond: () => json({ status: 'success', data: { groups: [] } }) }],
      ['rules with a type', { call: (c) => c.rules({ type: 'alert' }), method: 'GET', path: '/v2/metrics/api/v1/rules?type=alert', respond: () => json({ status: 'success', data: { groups: [] } }) }],
      ['alerts', { call: (c) => c.alerts(), method: 'GET', path: '/v2/metrics/api/v1/alerts', respond: () => json({ status: 'success', data: { alerts: [] } }) }],
      ['metrics', { call: (c) => c.metrics(), method: 'GET', path: '/metrics', respond: () => new Response('# TYPE up gauge\nup 1\n', { headers: { 'content-type': 'text/plain; version=0.0.4' } }) }],
    ];
    for (const [name, { call, method, path, respond }] of calls) {
      it(`${name}() sends ${method} ${path} with the bearer token in the Authorization header only`, async () => {
        const double = recordingFetch(respond);
        await call(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch }));
        const [sent] = double.requests;
        assert.ok(sent);
        assert.equal(double.requests.length, 1);
        assert.equal(`${sent.method} ${sent.url}`, `${method} ${BASE}${path}`);
        assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`);
        for (const form of [TOKEN, encodeURIComponent(TOKEN)]) {
          assert.ok(!sent.url.includes(form), `got URL ${sent.url}; it must not contain the token`);
          assert.ok(!sent.body.includes(form), `got body ${sent.body}; it must not contain the token`);
        }
        assert.equal(sent.redirect, 'manual', 'redirects must not be followed: they could carry the token elsewhere');
      });
    }
  });

  it('keeps a path prefix in baseUrl and drops a trailing slash', async () => {
    const double = recordingFetch();
    await createMetricsClient({ baseUrl: 'https://proxy.test/layer/', token: TOKEN, fetch: double.fetch }).query('up');
    assert.equal(double.requests[0]?.url, 'https://proxy.test/layer/v2/metrics/api/v1/query');
  });

  it('percent-encodes a catalog entry name in the path', async () => {
    const double = recordingFetch(() => json({ code: 'ERR_BAD_REQUEST', message: 'bad name' }, 400));
    await clientError(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch }).catalogEntry('a b/c?d'));
    assert.equal(double.requests[0]?.url, `${BASE}/v2/metrics/catalog/a%20b%2Fc%3Fd`);
  });

  it('uses globalThis.fetch, looked up at request time, when no fetch is given', async () => {
    const client = createMetricsClient({ baseUrl: BASE, token: TOKEN });
    const double = recordingFetch();
    const original = globalThis.fetch;
    globalThis.fetch = double.fetch as typeof globalThis.fetch;
    try {
      await client.query('up');
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(double.requests.length, 1);
  });

  describe('arguments refused before sending', () => {
    const cases: Array<[string, (c: MetricsClient) => Promise<unknown>]> = [
      ['an invalid Date', (c) => c.query('up', { time: new Date('nope') })],
      ['a non-finite time', (c) => c.queryRange('up', { start: Number.NaN, end: 2, step: 1 })],
      ['a zero step', (c) => c.queryRange('up', { start: 1, end: 2, step: 0 })],
      ['a negative limit', (c) => c.query('up', { limit: -1 })],
      ['a fractional limit', (c) => c.query('up', { limit: 1.5 })],
      ['an empty catalog entry name', (c) => c.catalogEntry('')],
      ['a dot-dot catalog entry name (URL parsing would make it another route)', (c) => c.catalogEntry('..')],
      ['a rule type that is neither alert nor record', (c) => c.rules({ type: 'alerting' as 'alert' })],
    ];
    for (const [name, call] of cases) {
      it(`rejects ${name} with errorType bad_data and sends nothing`, async () => {
        const double = recordingFetch();
        const err = await clientError(call(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch })));
        assert.equal(err.errorType, 'bad_data');
        assert.equal(err.status, 0);
        assert.equal(double.requests.length, 0, `got ${double.requests.length} requests; want none`);
      });
    }
  });

  describe('options refused by createMetricsClient', () => {
    const cases: Array<[string, { baseUrl: string; token: string }]> = [
      ['a relative baseUrl', { baseUrl: '/v2', token: TOKEN }],
      ['a baseUrl with a query (where a token might be smuggled)', { baseUrl: `${BASE}/?token=${TOKEN}`, token: TOKEN }],
      ['a baseUrl with credentials', { baseUrl: `http://user:${TOKEN}@gateway.test`, token: TOKEN }],
      ['a non-http baseUrl', { baseUrl: 'file:///etc/passwd', token: TOKEN }],
      ['an empty token', { baseUrl: BASE, token: '' }],
      ['a token with a newline', { baseUrl: BASE, token: 'a\nX-Injected: 1' }],
    ];
    for (const [name, options] of cases) {
      it(`throws a TypeError for ${name}`, () => {
        assert.throws(() => createMetricsClient(options), TypeError);
      });
    }
  });
});
