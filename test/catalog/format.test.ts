import assert from 'node:assert/strict';
import { formatProblem, formatReadError } from '../../scripts/lib/catalog/format.ts';
import type { Problem } from '../../scripts/lib/catalog/model.ts';
import { itReturns } from '../helpers/table.ts';

describe('formatProblem(p)', () => {
  const cases: [string, { given: Problem; want: string }][] = [
    [
      'an entry problem names file, line, entry and rule',
      {
        given: { file: 'catalog.yaml', line: 42, entry: 'x', rule: 'counter-suffix', message: 'counter names must end in _total: rename to x_total' },
        want: 'catalog.yaml:42: entry "x": [counter-suffix] counter names must end in _total: rename to x_total',
      },
    ],
    [
      'a problem outside entries leaves the entry out',
      {
        given: { file: 'catalog.yaml', line: 5, entry: '-', rule: 'version', message: 'version must be YYYY-MM' },
        want: 'catalog.yaml:5: [version] version must be YYYY-MM',
      },
    ],
    [
      'a message with a newline stays on one line',
      { given: { file: 'c.yaml', line: 1, entry: '-', rule: 'yaml', message: 'bad\n  thing' }, want: 'c.yaml:1: [yaml] bad thing' },
    ],
  ];
  itReturns(cases, formatProblem);
});

describe('formatReadError(file, error)', () => {
  it('says a missing file is missing', () => {
    const got = formatReadError('x.yaml', Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }));
    assert.equal(got, 'cannot read x.yaml: no such file', `got ${got}; want cannot read x.yaml: no such file`);
  });
});
