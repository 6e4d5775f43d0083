/** The alert pipeline's pure pieces: the credentials vmalert is given, the counts /health shows, vmalert's empty list, and the rules source. */
import assert from 'node:assert/strict';
import { countAlerts } from '../../src/alerts/alert-counts.ts';
import { rulesSourceKind } from '../../src/alerts/rules-access.ts';
import { outboundAuthEnv } from '../../src/alerts/vmalert-env.ts';
import { normalizeEmptyAlerts } from '../../src/handlers/rules.ts';

describe('outboundAuthEnv(prefix, authorization)', () => {
  const cases: [string, { given: [string, string | undefined]; want: Record<string, string> }][] = [
    ['no credentials', { given: ['datasource', undefined], want: {} }],
    ['a bearer token', { given: ['remoteWrite', 'Bearer abc.def'], want: { remoteWrite_bearerToken: 'abc.def' } }],
    [
      'Basic credentials, a colon in the password',
      { given: ['datasource', `Basic ${Buffer.from('user:pa:ss').toString('base64')}`], want: { datasource_basicAuth_username: 'user', datasource_basicAuth_password: 'pa:ss' } },
    ],
  ];
  for (const [name, { given, want }] of cases) {
    it(`gives ${name} as flag variables`, () => assert.deepEqual(outboundAuthEnv(...given), want));
  }
  it('refuses a scheme vmalert cannot send', () => assert.throws(() => outboundAuthEnv('notifier', 'Digest x'), /Bearer or Basic/));
});

describe('countAlerts(body)', () => {
  it('counts firing and pending alerts of a Prometheus /api/v1/alerts body', () => {
    const body = { status: 'success', data: { alerts: [{ state: 'firing' }, { state: 'pending' }, { state: 'firing' }, { state: 'inactive' }] } };
    assert.deepEqual(countAlerts(body), { firing: 2, pending: 1 });
  });
  it("counts vmalert's `alerts: null`, its list once every alert has resolved, as none", () => {
    assert.deepEqual(countAlerts({ status: 'success', data: { alerts: null } }), { firing: 0, pending: 0 });
  });
  it('gives undefined for a body that is not a list of alerts', () => {
    assert.equal(countAlerts({ status: 'success', data: {} }), undefined);
    assert.equal(countAlerts({ status: 'success', data: null }), undefined);
    assert.equal(countAlerts(null), undefined);
  });
});

describe('normalizeEmptyAlerts(body)', () => {
  it("spells vmalert's empty list as Prometheus's []", () => {
    assert.equal(normalizeEmptyAlerts(Buffer.from('{"status":"success","data":{"alerts":null}}\n')).toString(), '{"status":"success","data":{"alerts":[]}}');
  });
  it('passes any other body as it came', () => {
    const body = Buffer.from('{"status":"success","data":{"alerts":[{"state":"firing"}]}}');
    assert.equal(normalizeEmptyAlerts(body), body);
  });
});

describe('rulesSourceKind(config)', () => {
  const cases: [string, { given: { vmUrl?: string; alertWriteUrl?: string; rulesUrl?: string }; want: string }][] = [
    ['the bundled vmsingle', { given: {}, want: 'bundled' }],
    ['an external backend with a write URL', { given: { vmUrl: 'http://vm', alertWriteUrl: 'http://vm' }, want: 'bundled' }],
    ['a rules URL', { given: { vmUrl: 'http://vm', rulesUrl: 'http://vmalert' }, want: 'external' }],
    ['an external backend alone', { given: { vmUrl: 'http://vm' }, want: 'none' }],
  ];
  for (const [name, { given, want }] of cases) {
    it(`is ${want} with ${name}`, () => assert.equal(rulesSourceKind(given), want));
  }
});
