import { encodeForm, formatDuration, formatLimit, formatTime, type Converted } from '../../packages/client/src/params.ts';
import { itReturns, type Row } from '../helpers/table.ts';

describe('client params', () => {
  describe('formatTime(name, time)', () => {
    const cases: Row<Date | number | string, Converted>[] = [
      ['a Date -> Unix seconds with milliseconds', { given: new Date(Date.UTC(2023, 10, 14, 22, 13, 20, 5)), want: { ok: true, value: '1700000000.005' } }],
      ['whole Unix seconds', { given: 1_700_000_000, want: { ok: true, value: '1700000000' } }],
      ['fractional Unix seconds', { given: 1_700_000_000.25, want: { ok: true, value: '1700000000.25' } }],
      ['an RFC 3339 string, unchanged', { given: '2023-11-14T22:13:20.5Z', want: { ok: true, value: '2023-11-14T22:13:20.5Z' } }],
      ['an invalid Date', { given: new Date(Number.NaN), want: { ok: false, problem: 'time is an invalid Date; pass a valid Date, Unix seconds or an RFC 3339 string' } }],
      ['Infinity', { given: Number.POSITIVE_INFINITY, want: { ok: false, problem: 'time is Infinity; pass finite Unix seconds' } }],
      ['an empty string', { given: ' ', want: { ok: false, problem: 'time must be a Date, Unix seconds or a non-empty string' } }],
    ];
    itReturns(cases, (given) => formatTime('time', given));
  });

  describe('formatDuration(name, duration)', () => {
    const cases: Row<number | string, Converted>[] = [
      ['seconds', { given: 15, want: { ok: true, value: '15' } }],
      ['fractional seconds', { given: 0.5, want: { ok: true, value: '0.5' } }],
      ['a duration string, unchanged', { given: '1m30s', want: { ok: true, value: '1m30s' } }],
      ['zero', { given: 0, want: { ok: false, problem: 'step is 0; pass a positive number of seconds or a duration such as "15s"' } }],
      ['an empty string', { given: '', want: { ok: false, problem: 'step must be seconds or a non-empty duration string such as "15s"' } }],
    ];
    itReturns(cases, (given) => formatDuration('step', given));
  });

  describe('formatLimit(name, limit)', () => {
    const cases: Row<number, Converted>[] = [
      ['zero (no limit)', { given: 0, want: { ok: true, value: '0' } }],
      ['a positive integer', { given: 500, want: { ok: true, value: '500' } }],
      ['a negative number', { given: -1, want: { ok: false, problem: 'limit is -1; pass a non-negative integer (0 means no limit)' } }],
      ['a fraction', { given: 2.5, want: { ok: false, problem: 'limit is 2.5; pass a non-negative integer (0 means no limit)' } }],
    ];
    itReturns(cases, (given) => formatLimit('limit', given));
  });

  describe('encodeForm(fields)', () => {
    const cases: Row<Record<string, string | undefined>, string>[] = [
      ['leaves out absent fields instead of sending "undefined"', { given: { query: 'up', time: undefined, limit: '1' }, want: 'query=up&limit=1' }],
      ['keeps an empty string', { given: { query: '' }, want: 'query=' }],
      ['encodes space as + and + as %2B', { given: { query: 'a + b' }, want: 'query=a+%2B+b' }],
      ['keeps field order', { given: { b: '2', a: '1' }, want: 'b=2&a=1' }],
    ];
    itReturns(cases, encodeForm);
  });
});
