import assert from 'node:assert/strict';
import { createMetricsClient } from '../../packages/client/src/index.ts';
import { json, recordingFetch } from './helpers/recording-fetch.ts';

const BASE = 'http://gateway.test:8080';

const health = (status: 'ok' | 'degraded', reasons: string[]) => ({
  status,
  reasons,
  backend: { state: status === 'ok' ? 'up' : 'down', mode: 'bundled' },
  cache: { state: 'disabled', reconnect_generation: 0 },
  namespaces: [],
});

describe('createMetricsClient: results', () => {
  it('health() resolves a 200 with the Health body and ok=true', async () => {
    const double = recordingFetch(() => json(health('ok', []), 200));
    const got = await createMetricsClient({ baseUrl: BASE, token: 't', fetch: double.fetch }).health();
    assert.deepEqual(got, { ...health('ok', []), ok: true });
  });

  it('health() resolves a 503 with the Health body and ok=false: a degraded gateway is an answer', async () => {
    const double = recordingFetch(() => json(health('degraded', ['metrics backend down']), 503));
    const got = await createMetricsClient({ baseUrl: BASE, token: 't', fetch: double.fetch }).health();
    assert.equal(got.ok, false);
    assert.equal(got.status, 'degraded');
    assert.deepEqual(got.reasons, ['metrics backend down']);
  });

  it('query() resolves with the Prometheus envelope as sent, warnings included', async () => {
    const body = {
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { job: 'gw' }, value: [1_700_000_000, '1'] }] },
      warnings: ['partial response'],
    };
    const got = await createMetricsClient({ baseUrl: BASE, token: 't', fetch: recordingFetch(() => json(body)).fetch }).query('up');
    assert.deepEqual(got, body);
  });

  it('metrics() resolves with the exposition text unparsed', async () => {
    const text = '# HELP up 1 when up\n# TYPE up gauge\nup 1\n';
    const double = recordingFetch(() => new Response(text, { headers: { 'content-type': 'text/plain; version=0.0.4' } }));
    const got = await createMetricsClient({ baseUrl: BASE, token: 't', fetch: double.fetch }).metrics();
    assert.equal(got, text);
    assert.equal(double.requests[0]?.headers.accept, 'text/plain');
  });
});
