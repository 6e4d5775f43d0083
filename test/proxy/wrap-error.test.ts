import assert from 'node:assert/strict';
import { redactJsonError, redactText, refusedCredentials } from '../../src/proxy/wrap-error.ts';

describe('redactText(text, secrets, clientText)', () => {
  const cases: [string, { given: string; client?: string[]; want: string }][] = [
    ['a vmstorage node by name', { given: 'cannot perform search on vmstorage localhost:18411: timeout', want: 'cannot perform search on vmstorage [backend]: timeout' }],
    ['an IPv4 address with its port, before a colon', { given: 'dial tcp4 127.0.0.1:18411: connect: connection refused', want: 'dial tcp4 [backend]: connect: connection refused' }],
    ['an IPv4 address alone', { given: 'from 10.0.0.9 at once', want: 'from [backend] at once' }],
    ['both ends of a connection', { given: 'read tcp 10.1.2.3:54321->10.1.2.4:8401: reset', want: 'read tcp [backend]->[backend]: reset' }],
    ['a bracketed IPv6 address with a zone and a port', { given: 'dial tcp [fe80::1%eth0]:8401: x', want: 'dial tcp [backend]: x' }],
    ['a bare IPv6 address and ::1', { given: 'nodes 2001:db8::8 and ::1 down', want: 'nodes [backend] and [backend] down' }],
    ['a URL host without a port', { given: 'Get "https://vmselect/api": EOF', want: 'Get "https://[backend]/api": EOF' }],
    ['a looked-up name and its resolver', { given: 'lookup vmstorage-1.svc on 10.96.0.10:53: no such host', want: 'lookup [backend] on [backend]: no such host' }],
    ['a configured secret and an address together', { given: 'at vm.internal (vm.internal:8428)', want: 'at [backend] ([backend])' }],
    ['times, durations and line:column stay', { given: '2024-01-01T00:00:00Z 12:30:45 [5m:1m] line 1:5 "2006-01-02T15:04:05Z07:00"', want: '2024-01-01T00:00:00Z 12:30:45 [5m:1m] line 1:5 "2006-01-02T15:04:05Z07:00"' }],
    ['not an IP: 999.1.1.1 and a:b:c', { given: 'values 999.1.1.1 and a:b:c', want: 'values 999.1.1.1 and a:b:c' }],
    ['the client\'s own host:port and IP stay', { given: 'query="up{i=\\"10.1.2.3:9100\\"}" on 10.0.0.7:8401', client: ['up{i="10.1.2.3:9100"}'], want: 'query="up{i=\\"10.1.2.3:9100\\"}" on [backend]' }],
  ];
  for (const [name, { given, client = [], want }] of cases) {
    it(name, () => {
      const got = redactText(given, ['vm.internal'], client);
      assert.equal(got, want, `got ${got}; want ${want}`);
    });
  }
});

describe('redactJsonError(body, secrets, clientText)', () => {
  it('returns the bytes as sent when nothing is redacted, re-serialized otherwise', () => {
    const clean = '{"status":"error", "errorType":"422","error":"cannot parse \\"up(\\""}';
    assert.equal(redactJsonError(clean, [], ['up(']), clean);
    const named = '{"status":"error","errorType":"422","error":"on vmstorage 10.0.0.7:8401"}';
    assert.equal(redactJsonError(named, [], ['up']), '{"status":"error","errorType":"422","error":"on vmstorage [backend]"}');
  });
});

describe('refusedCredentials(status, text, json)', () => {
  const cases: [string, { given: [number, string, boolean]; want: boolean }][] = [
    ['401', { given: [401, '', false], want: true }],
    ['403', { given: [403, '', true], want: true }],
    ["vmauth 1.79's unknown token", { given: [400, 'cannot find the provided auth token "Bearer x" in config', false], want: true }],
    ['the same words in a JSON error (an echoed query)', { given: [400, '{"error":"cannot find the provided auth token"}', true], want: false }],
    ['another 400', { given: [400, 'cannot parse "time"', false], want: false }],
    ['a 422', { given: [422, 'cannot find the provided auth token', false], want: false }],
  ];
  for (const [name, { given, want }] of cases) it(`${name}: ${want}`, () => assert.equal(refusedCredentials(...given), want));
});
