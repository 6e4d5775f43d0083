import assert from 'node:assert/strict';
import { BadRequestError } from '../../src/errors.ts';
import { checkParams, type Endpoint } from '../../src/proxy/params.ts';
import { itReturns, type Row } from '../helpers/table.ts';

type Given = [endpoint: Endpoint, rawQuery: string, rawBody: string | undefined];

describe('checkParams(endpoint, rawQuery, rawBody)', () => {
  describe('returns the decoded parameters of an acceptable request', () => {
    const rows: Row<Given, [string, string[]][]>[] = [
      ['from the URL', { given: ['query', 'query=up&time=1', undefined], want: [['query', ['up']], ['time', ['1']]] }],
      ['from the URL and the body', { given: ['query_range', 'query=up', 'start=1&step=15s'], want: [['query', ['up']], ['start', ['1']], ['step', ['15s']]] }],
      ['with + and percent-encoding decoded', { given: ['query', 'query=sum%28up%29+by+%28job%29', undefined], want: [['query', ['sum(up) by (job)']]] }],
      ['with empty parts, a name without `=` and `=` inside a value', { given: ['query', '&&query=a%3Db=c&&time&', undefined], want: [['query', ['a=b=c']], ['time', ['']]] }],
      ['with repeated list values in order, from the URL and the body', { given: ['series', 'match[]=a&start=1', 'match%5B%5D=b&match[]=c'], want: [['match[]', ['a', 'b', 'c']], ['start', ['1']]] }],
    ];
    itReturns(rows, ([endpoint, rawQuery, rawBody]) => [...checkParams(endpoint, rawQuery, rawBody)]);
  });

  describe('throws a BadRequestError saying what to fix', () => {
    const rows: [string, { given: Given; want: RegExp }][] = [
      ['a raw ";"', { given: ['query', 'query=up;x', undefined], want: /contains a raw ";"/ }],
      ['malformed percent-encoding in the body', { given: ['query', '', 'query=%zz'], want: /malformed percent-encoding or UTF-8 in the request body/ }],
      ['a refused parameter', { given: ['query', 'query=up&trace=1', undefined], want: /parameter "trace" is not accepted/ }],
      ['an unknown parameter', { given: ['query', 'query=up&nope=1', undefined], want: /unknown parameter "nope" for \/api\/v1\/query/ }],
      ['a name an object inherits', { given: ['query', 'query=up&constructor=1', undefined], want: /unknown parameter "constructor" for \/api\/v1\/query/ }],
      ['malformed encoding after an unknown parameter', { given: ['query', 'nope=1&query=%zz', undefined], want: /malformed percent-encoding or UTF-8 in the query string near "query"/ }],
      ['malformed encoding in the body after an unknown parameter in the URL', { given: ['query', 'nope=1', 'query=%E0%A4%A'], want: /malformed percent-encoding or UTF-8 in the request body/ }],
      ['a parameter given twice', { given: ['query', 'query=up', 'query=up'], want: /parameter "query" is given more than once/ }],
      ['a line break outside the query', { given: ['query', 'query=up&time=1%0A2', undefined], want: /parameter "time" contains a line break/ }],
      ['a missing required parameter', { given: ['query_range', 'query=up&start=1', undefined], want: /missing required parameter "step" for \/api\/v1\/query_range/ }],
    ];
    for (const [name, { given: [endpoint, rawQuery, rawBody], want }] of rows) {
      it(name, () => {
        assert.throws(() => checkParams(endpoint, rawQuery, rawBody), (error: unknown) => {
          assert.ok(error instanceof BadRequestError, `got ${String(error)}; want a BadRequestError`);
          assert.match(error.message, want);
          return true;
        });
      });
    }
  });
});
