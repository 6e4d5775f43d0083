import assert from 'node:assert/strict';
import { parseDiffArgs } from '../../scripts/lib/diff/args.ts';
import { CatalogDiffError } from '../../scripts/lib/diff/errors.ts';

const accepted: [string, { given: string[]; want: ReturnType<typeof parseDiffArgs> }][] = [
  ['--base alone defaults to text', { given: ['--base', 'origin/main'], want: { base: 'origin/main', format: 'text' } }],
  ['--base=REF and --format=json', { given: ['--base=v1.2', '--format=json'], want: { base: 'v1.2', format: 'json' } }],
  ['--help', { given: ['--help'], want: 'help' }],
];

const refused: [string, { given: string[]; want: RegExp }][] = [
  ['no --base', { given: [], want: /^catalog:diff: --base is required: give the git ref to compare with \(e\.g\. --base origin\/main\)/ }],
  ['an unknown format lists the allowed ones', { given: ['--base', 'HEAD', '--format', 'xml'], want: /^catalog:diff: unknown format "xml": use one of text, markdown, json, github$/ }],
  ['an unknown option', { given: ['--base', 'HEAD', '--verbose'], want: /^catalog:diff: Unknown option '--verbose'/ }],
  ['a positional argument', { given: ['HEAD'], want: /^catalog:diff: .*HEAD/ }],
];

describe('parseDiffArgs(argv)', () => {
  for (const [name, { given, want }] of accepted) {
    it(`accepts ${name}`, () => {
      const got = parseDiffArgs(given);
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
    });
  }
  for (const [name, { given, want }] of refused) {
    it(`refuses ${name} with ERR_USAGE`, () => {
      assert.throws(
        () => parseDiffArgs(given),
        (error: unknown) => error instanceof CatalogDiffError && error.code === 'ERR_USAGE' && want.test(error.message),
        `want ERR_USAGE matching ${want}`,
      );
    });
  }
});
