/**
 * status/buildinfo takes no parameters, by GET or by POST: one rule for both methods, each answer
 * as the contract says.
 */
import assert from 'node:assert/strict';
import { useTestGateway } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { responseProblems } from '../helpers/openapi.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('GET and POST /v2/metrics/api/v1/status/buildinfo', () => {
  // Nothing here reaches the backend: a port nothing listens on.
  const gw = useTestGateway({ env: { LAYER_VM_URL: 'http://127.0.0.1:9' } });

  const cases: [string, { method: 'GET' | 'POST'; query: string; body?: string; headers?: Record<string, string>; want: number }][] = [
    ['GET without parameters', { method: 'GET', query: '', want: 200 }],
    ['POST without a body', { method: 'POST', query: '', want: 200 }],
    ['POST with an empty form body', { method: 'POST', query: '', body: '', headers: FORM, want: 200 }],
    ['GET ?x=1', { method: 'GET', query: '?x=1', want: 400 }],
    ['POST with ?x=1', { method: 'POST', query: '?x=1', want: 400 }],
    ['POST with the body x=1', { method: 'POST', query: '', body: 'x=1', headers: FORM, want: 400 }],
    ['POST with the body x (no value)', { method: 'POST', query: '', body: 'x', headers: FORM, want: 400 }],
    ['POST with a JSON body', { method: 'POST', query: '', body: '{}', headers: { 'Content-Type': 'application/json' }, want: 400 }],
  ];
  for (const [name, c] of cases) {
    it(`${name}: ${c.want}`, async () => {
      const res = await request(`${gw().url}/v2/metrics/api/v1/status/buildinfo${c.query}`, {
        method: c.method,
        headers: { ...c.headers, ...bearer(gw().token) },
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      assert.equal(res.status, c.want, res.text);
      assert.deepEqual(responseProblems(c.method === 'GET' ? 'buildInfo' : 'buildInfoPost', res.status, res.headers['content-type'] ?? null, res.text), []);
      if (c.want === 400) assert.match((JSON.parse(res.text) as { error: string }).error, /must NOT have additional properties|takes no parameters/);
    });
  }

  it('answers GET ?x=1 and POST x=1 alike', async () => {
    const get = await request(`${gw().url}/v2/metrics/api/v1/status/buildinfo?x=1`, { headers: bearer(gw().token) });
    const post = await request(`${gw().url}/v2/metrics/api/v1/status/buildinfo`, { method: 'POST', headers: { ...FORM, ...bearer(gw().token) }, body: 'x=1' });
    assert.deepEqual([post.status, JSON.parse(post.text).errorType], [get.status, JSON.parse(get.text).errorType]);
  });
});
