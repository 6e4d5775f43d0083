import assert from 'node:assert/strict';
import path from 'node:path';
import { parseTokenFile, readTokenFile, TokenFileError } from '../../src/auth/token-file.ts';
import { withTempDir } from '../helpers/temp-dir.ts';

/** The TokenFileError that parsing `text` throws; fails when it throws none. */
function parseError(text: string): TokenFileError {
  try {
    parseTokenFile(text, 'tokens');
  } catch (error) {
    if (error instanceof TokenFileError) return error;
    throw error;
  }
  assert.fail('parseTokenFile did not throw; want a TokenFileError');
}

const A = 'token-a-0123456789abcdef';
const B = 'token-b-0123456789abcdef';

describe('parseTokenFile(text, file)', () => {
  const valid: [string, { given: string; want: string[] }][] = [
    ['one token per line', { given: `${A}\n${B}\n`, want: [A, B] }],
    ['no trailing newline', { given: `${A}\n${B}`, want: [A, B] }],
    ['comments and blank lines', { given: `# rotated 2026-01\n\n${A}\n   \n  # old: removed\n${B}\n`, want: [A, B] }],
    ['surrounding spaces and tabs', { given: `  ${A}\t\n`, want: [A] }],
    ['CRLF line ends', { given: `${A}\r\n${B}\r\n`, want: [A, B] }],
    ['a byte order mark', { given: `\uFEFF${A}\n`, want: [A] }],
    ['an empty file', { given: '', want: [] }],
    ['comments only', { given: '# nothing yet\n', want: [] }],
  ];
  for (const [name, { given, want }] of valid) {
    it(`reads ${name}`, () => {
      const got = parseTokenFile(given, 'tokens');
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
    });
  }

  const invalid: [string, { given: string; want: { line: number; message: string; hidden: string } }][] = [
    [
      'a short token',
      { given: `${A}\n\nshort-secret\n`, want: { line: 3, message: 'tokens:3: a token must be at least 16 characters (this one has 12)', hidden: 'short-secret' } },
    ],
    [
      'a trailing comment',
      { given: `${A} # laptop\n`, want: { line: 1, message: 'tokens:1: a token must be printable ASCII with no whitespace; put one token per line', hidden: A } },
    ],
    [
      'two tokens on a line',
      { given: `# ok\n${A} ${B}\n`, want: { line: 2, message: 'tokens:2: a token must be printable ASCII', hidden: B } },
    ],
    [
      'non-ASCII text',
      { given: `${A}\nsecret-àéîõü-0123456789\n`, want: { line: 2, message: 'tokens:2: a token must be printable ASCII', hidden: 'secret-' } },
    ],
  ];
  for (const [name, { given, want }] of invalid) {
    it(`refuses ${name}, naming file and line but not the token`, () => {
      const caught = parseError(given);
      assert.equal(caught.code, 'ERR_TOKEN_FILE', `got code ${caught.code}; want ERR_TOKEN_FILE`);
      assert.equal(caught.line, want.line, `got line ${String(caught.line)}; want ${want.line}`);
      assert.equal(caught.file, 'tokens', `got file ${caught.file}; want tokens`);
      assert.ok(caught.message.includes(want.message), `got ${JSON.stringify(caught.message)}; want it to include ${JSON.stringify(want.message)}`);
      assert.ok(!caught.message.includes(want.hidden), `got ${JSON.stringify(caught.message)}; want no token text in it`);
    });
  }

  it('lists every bad line, one per message line', () => {
    const caught = parseError(`short-one\n${A}\nshort-two\n`);
    const got = caught.message.split('\n').map((line) => line.split(':').slice(0, 2).join(':'));
    assert.deepEqual(got, ['tokens:1', 'tokens:3'], `got ${JSON.stringify(got)}; want lines 1 and 3`);
    assert.equal(caught.line, 1, `got line ${String(caught.line)}; want the first bad line, 1`);
  });
});

describe('readTokenFile(file)', () => {
  it('refuses a missing file with a TokenFileError naming it', async () => {
    await withTempDir('layer-auth', async (dir) => {
      const file = path.join(dir, 'missing');
      await assert.rejects(readTokenFile(file), (error: unknown) => {
        assert.ok(error instanceof TokenFileError, `got ${String(error)}; want a TokenFileError`);
        assert.ok(error.message.includes(file) && error.message.includes('ENOENT'), `got ${JSON.stringify(error.message)}; want the file and ENOENT`);
        return true;
      });
    });
  });
});
