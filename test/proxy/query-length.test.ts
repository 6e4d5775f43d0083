import assert from 'node:assert/strict';
import { checkMatchLimits } from '../../src/proxy/match-limits.ts';
import type { Params } from '../../src/proxy/params.ts';
import type { Endpoint } from '../../src/proxy/endpoints.ts';
import { BUNDLED_MAX_QUERY_LEN, checkQueryLength, checkRawParamsSize, longerThan, queryLengthLimit, rawParamsBound, SelectorLimitError } from '../../src/proxy/query-length.ts';

const params = (entries: [string, string[]][]): Params => new Map(entries);

describe('longerThan(text, maxBytes)', () => {
  const cases: [string, { given: [string, number]; want: boolean }][] = [
    ['ASCII at the limit', { given: ['a'.repeat(10), 10], want: false }],
    ['ASCII one over', { given: ['a'.repeat(11), 10], want: true }],
    ['two-byte characters at the limit', { given: ['é'.repeat(5), 10], want: false }],
    ['two-byte characters one over', { given: ['é'.repeat(5) + 'a', 10], want: true }],
    ['a surrogate pair counts 4 bytes', { given: ['😀'.repeat(3), 11], want: true }],
    ['three-byte characters short enough to skip encoding', { given: ['€'.repeat(3), 9], want: false }],
  ];
  for (const [name, { given, want }] of cases) {
    it(`${name}: ${want}`, () => assert.equal(longerThan(...given), want, `got ${!want}; want ${want}`));
  }
});

describe('checkQueryLength(params, limit)', () => {
  it('refuses the first query or match[] value over the limit, naming its length and where the limit comes from', () => {
    const bundled = queryLengthLimit(false, 99);
    assert.equal(bundled.maxBytes, BUNDLED_MAX_QUERY_LEN, 'the bundled limit is never the variable');
    assert.doesNotThrow(() => checkQueryLength(params([['query', ['x'.repeat(BUNDLED_MAX_QUERY_LEN)]]]), bundled));
    assert.throws(
      () => checkQueryLength(params([['match[]', ['up', 'y'.repeat(BUNDLED_MAX_QUERY_LEN + 1)]]]), bundled),
      (error) => error instanceof SelectorLimitError && error.reason === 'query_too_long' && error.status === 400 && /"match\[\]" is 16385 bytes long/.test(error.message),
    );
  });

  it('with an external backend, names LAYER_VM_MAX_QUERY_LEN', () => {
    assert.throws(
      () => checkQueryLength(params([['query', ['abcdef']]]), queryLengthLimit(true, 5)),
      /"query" is 6 bytes long; the metrics backend runs queries of at most 5 bytes \(the backend's -search\.maxQueryLen as the gateway is told by LAYER_VM_MAX_QUERY_LEN=5\)/,
    );
  });

  it('ignores other parameters', () => {
    assert.doesNotThrow(() => checkQueryLength(params([['time', ['1'.repeat(100)]]]), queryLengthLimit(true, 5)));
  });
});

describe('checkMatchLimits(params, limits)', () => {
  const limits = { maxMatchers: 2, maxMatcherBytes: 6 };
  const cases: [string, { given: string[] | undefined; want: RegExp | undefined }][] = [
    ['no match[]', { given: undefined, want: undefined }],
    ['at both caps', { given: ['abc', 'def'], want: undefined }],
    ['one value too many', { given: ['a', 'b', 'c'], want: /carries 3 match\[\] selectors; the gateway forwards at most 2 per request \(LAYER_PROXY_MAX_MATCHERS\)/ }],
    ['one byte too many', { given: ['abc', 'defg'], want: /total 7 bytes; the gateway forwards at most 6 per request \(LAYER_PROXY_MAX_MATCHER_BYTES\)/ }],
    ['bytes counted in UTF-8', { given: ['ééé', 'a'], want: /total 7 bytes/ }],
  ];
  for (const [name, { given, want }] of cases) {
    it(`${name}: ${want ? 'refused' : 'passes'}`, () => {
      const p = params(given === undefined ? [] : [['match[]', given]]);
      if (want === undefined) assert.doesNotThrow(() => checkMatchLimits(p, limits));
      else assert.throws(() => checkMatchLimits(p, limits), (error) => error instanceof SelectorLimitError && error.reason === 'matchers_over_limit' && want.test(error.message));
    });
  }
});

describe('rawParamsBound(endpoint, queryLength, match) and checkRawParamsSize(bytes, bound)', () => {
  const match = { maxMatchers: 100, maxMatcherBytes: 65_536 };
  const cases: [string, { given: Endpoint; want: { maxBytes: number; reason: string } }][] = [
    ['a query: its longest text fully percent-encoded, plus the other parameters', { given: 'query', want: { maxBytes: 3 * 16_384 + 4096, reason: 'query_too_long' } }],
    ['exemplars take a query too', { given: 'query_exemplars', want: { maxBytes: 3 * 16_384 + 4096, reason: 'query_too_long' } }],
    ['a lookup: every match[] byte encoded, and each name', { given: 'series', want: { maxBytes: 3 * 65_536 + 16 * 100 + 4096, reason: 'matchers_over_limit' } }],
  ];
  for (const [name, { given, want }] of cases) {
    it(`${name}: ${want.maxBytes}`, () => {
      const bound = rawParamsBound(given, queryLengthLimit(false, 0), match);
      assert.deepEqual({ maxBytes: bound.maxBytes, reason: bound.reason }, want);
      assert.doesNotThrow(() => checkRawParamsSize(want.maxBytes, bound));
      assert.throws(() => checkRawParamsSize(want.maxBytes + 1, bound), (error) => error instanceof SelectorLimitError && error.reason === want.reason);
    });
  }
});
