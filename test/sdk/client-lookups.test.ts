import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMetricsClient, type MetricsClient } from '../../packages/client/src/index.ts';
import { clientError, json, recordingFetch } from './helpers/recording-fetch.ts';

const BASE = 'http://gateway.test:8080';
const TOKEN = 'tok-lookups';

const labelsBody = () => json({ status: 'success', data: ['__name__', 'job'] });
const seriesBody = () => json({ status: 'success', data: [{ __name__: 'up', job: 'api' }] });
const metadataBody = () => json({ status: 'success', data: { up: [{ type: 'gauge', help: 'Up.', unit: '' }] } });

describe('createMetricsClient: labels, labelValues, series, metadata', () => {
  const cases: Array<[string, { call: (c: MetricsClient) => Promise<unknown>; want: string; body: string; respond: () => Response }]> = [
    ['labels() with no options', { call: (c) => c.labels(), want: `POST ${BASE}/v2/metrics/api/v1/labels`, body: '', respond: labelsBody }],
    [
      'labels() with two selectors, a range and a limit',
      {
        call: (c) => c.labels({ match: ['up{job="a b"}', 'x + y'], start: 1_700_000_000, end: new Date(1_700_000_600_500), limit: 5 }),
        want: `POST ${BASE}/v2/metrics/api/v1/labels`,
        body: 'match%5B%5D=up%7Bjob%3D%22a+b%22%7D&match%5B%5D=x+%2B+y&start=1700000000&end=1700000600.500&limit=5',
        respond: labelsBody,
      },
    ],
    [
      'labelValues() of __name__ with a selector, in the query string',
      {
        call: (c) => c.labelValues('__name__', { match: ['{job="api"}'], start: '2023-11-14T22:13:20Z' }),
        want: `GET ${BASE}/v2/metrics/api/v1/label/__name__/values?match%5B%5D=%7Bjob%3D%22api%22%7D&start=2023-11-14T22%3A13%3A20Z`,
        body: '',
        respond: labelsBody,
      },
    ],
    ['labelValues() without options', { call: (c) => c.labelValues('job'), want: `GET ${BASE}/v2/metrics/api/v1/label/job/values`, body: '', respond: labelsBody }],
    [
      'series() with a selector and a range',
      { call: (c) => c.series(['up'], { start: 1, end: 2 }), want: `POST ${BASE}/v2/metrics/api/v1/series`, body: 'match%5B%5D=up&start=1&end=2', respond: seriesBody },
    ],
    [
      'metadata() with every option',
      {
        call: (c) => c.metadata({ metric: 'up', limit: 0, limitPerMetric: 1 }),
        want: `GET ${BASE}/v2/metrics/api/v1/metadata?metric=up&limit=0&limit_per_metric=1`,
        body: '',
        respond: metadataBody,
      },
    ],
    ['metadata() without options', { call: (c) => c.metadata(), want: `GET ${BASE}/v2/metrics/api/v1/metadata`, body: '', respond: metadataBody }],
  ];
  for (const [name, { call, want, body, respond }] of cases) {
    it(`${name}: sends ${want.split(' ')[0]} with the parameters encoded, and resolves with the envelope`, async () => {
      const double = recordingFetch(respond);
      const result = await call(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch }));
      const [sent] = double.requests;
      assert.ok(sent);
      assert.equal(`${sent.method} ${sent.url}`, want);
      assert.equal(sent.body, body);
      assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`);
      if (sent.method === 'POST') assert.equal(sent.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.equal((result as { status: string }).status, 'success');
    });
  }

  const refused: Array<[string, (c: MetricsClient) => Promise<unknown>]> = [
    ['a label name with a slash', (c) => c.labelValues('a/b')],
    ['a dot-dot label name', (c) => c.labelValues('..')],
    ['an empty label name', (c) => c.labelValues('')],
    ['series() without a selector', (c) => c.series([])],
    ['an empty selector', (c) => c.labels({ match: [''] })],
    ['a fractional metadata limit', (c) => c.metadata({ limit: 1.5 })],
    ['a zero timeoutMs', (c) => c.health({ timeoutMs: 0 })],
    ['a NaN timeoutMs', (c) => c.query('up', { timeoutMs: Number.NaN })],
  ];
  for (const [name, call] of refused) {
    it(`rejects ${name} with errorType bad_data and sends nothing`, async () => {
      const double = recordingFetch();
      const err = await clientError(call(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch })));
      assert.equal(err.errorType, 'bad_data');
      assert.equal(double.requests.length, 0);
    });
  }

  it('rejects an answer of the wrong shape as the route error it is', async () => {
    const double = recordingFetch(() => json({ status: 'success', data: { resultType: 'vector', result: [] } }));
    const err = await clientError(createMetricsClient({ baseUrl: BASE, token: TOKEN, fetch: double.fetch }).labels());
    assert.equal(err.errorType, 'bad_response');
  });
});

describe('createMetricsClient: per-call signal and timeoutMs on every method', () => {
  // A real server that never answers: only the call's own signal or deadline can end the call.
  let server: Server;
  let base: string;
  const held = new Set<import('node:http').ServerResponse>();
  before(async () => {
    server = createServer((_req, res) => held.add(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const methods: Array<[string, (c: MetricsClient, o: { signal?: AbortSignal; timeoutMs?: number }) => Promise<unknown>]> = [
    ['query', (c, o) => c.query('up', o)],
    ['queryRange', (c, o) => c.queryRange('up', { start: 1, end: 2, step: 1, ...o })],
    ['labels', (c, o) => c.labels(o)],
    ['labelValues', (c, o) => c.labelValues('job', o)],
    ['series', (c, o) => c.series(['up'], o)],
    ['metadata', (c, o) => c.metadata(o)],
    ['catalog', (c, o) => c.catalog(o)],
    ['catalogEntry', (c, o) => c.catalogEntry('up', o)],
    ['health', (c, o) => c.health(o)],
    ['readyz', (c, o) => c.readyz(o)],
    ['rules', (c, o) => c.rules(o)],
    ['alerts', (c, o) => c.alerts(o)],
    ['metrics', (c, o) => c.metrics(o)],
  ];
  for (const [name, call] of methods) {
    it(`${name}(): timeoutMs rejects with errorType timeout; an aborted signal with errorType canceled`, async () => {
      const client = createMetricsClient({ baseUrl: base, token: TOKEN });
      const started = Date.now();
      const late = await clientError(call(client, { timeoutMs: 100 }));
      assert.equal(late.errorType, 'timeout');
      assert.equal(late.status, 0);
      assert.ok(Date.now() - started < 5_000, 'the deadline ended the call');

      const controller = new AbortController();
      const pending = call(client, { signal: controller.signal, timeoutMs: 60_000 });
      setImmediate(() => controller.abort());
      const canceled = await clientError(pending);
      assert.equal(canceled.errorType, 'canceled');

      const already = await clientError(call(client, { signal: AbortSignal.abort() }));
      assert.equal(already.errorType, 'canceled');
    });
  }
});
