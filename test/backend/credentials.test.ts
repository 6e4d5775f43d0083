import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackendCredentialsError, loadBackendCredentials, parseBasicAuthFile, parseBearerTokenFile } from '../../src/backend/credentials.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

describe('parseBearerTokenFile(text) and parseBasicAuthFile(text)', () => {
  const cases: [string, { parse: (text: string) => string; given: string; want: string | RegExp }][] = [
    ['a token with a newline', { parse: parseBearerTokenFile, given: 'abc.def-1\n', want: 'Bearer abc.def-1' }],
    ['a token with CRLF', { parse: parseBearerTokenFile, given: 'abc\r\n', want: 'Bearer abc' }],
    ['an empty token file', { parse: parseBearerTokenFile, given: '', want: /visible ASCII/ }],
    ['a token with a space', { parse: parseBearerTokenFile, given: 'a b\n', want: /visible ASCII/ }],
    ['two tokens', { parse: parseBearerTokenFile, given: 'a\nb\n', want: /holds 2 lines/ }],
    ['user:password', { parse: parseBasicAuthFile, given: 'u:p w:d\n', want: `Basic ${Buffer.from('u:p w:d').toString('base64')}` }],
    ['an empty password', { parse: parseBasicAuthFile, given: 'u:', want: `Basic ${Buffer.from('u:').toString('base64')}` }],
    ['no colon', { parse: parseBasicAuthFile, given: 'alice\n', want: /user:password/ }],
    ['no user', { parse: parseBasicAuthFile, given: ':pw\n', want: /non-empty user/ }],
    ['a tab', { parse: parseBasicAuthFile, given: 'u:p\tw\n', want: /control characters/ }],
  ];
  for (const [name, { parse, given, want }] of cases) {
    it(name, () => {
      if (typeof want === 'string') {
        assert.equal(parse(given), want);
      } else {
        assert.throws(() => parse(given), (error: Error) => {
          assert.match(error.message, want);
          assert.ok(given.trim() === '' || !error.message.includes(given.trim()), 'the message quotes the file');
          return true;
        });
      }
    });
  }
});

describe('loadBackendCredentials(config, logger)', () => {
  it('sends nothing when no file is configured', async () => {
    const credentials = await loadBackendCredentials({}, recordingLogger());
    assert.equal(credentials.header(), undefined);
  });

  it('throws a BackendCredentialsError naming the variable and the file when the file is unusable at start', async () => {
    await assert.rejects(loadBackendCredentials({ vmBasicAuthFile: '/nonexistent/auth' }, recordingLogger()), (error: unknown) => {
      assert.ok(error instanceof BackendCredentialsError);
      assert.equal(error.code, 'ERR_BACKEND_CREDENTIALS');
      assert.equal(error.variable, 'LAYER_VM_BASIC_AUTH_FILE');
      assert.equal(error.file, '/nonexistent/auth');
      assert.match(error.message, /cannot be read \(ENOENT\)/);
      return true;
    });
  });

  it('reloads a good file and keeps the previous value, logged without contents, for a bad one', async () => {
    const dir = await makeTempDir('layer-credentials');
    try {
      const file = join(dir, 'token');
      await writeFile(file, 'first-secret\n');
      const logger = recordingLogger();
      const credentials = await loadBackendCredentials({ vmBearerTokenFile: file }, logger);
      assert.equal(credentials.header(), 'Bearer first-secret');
      await writeFile(file, 'second-secret\n');
      assert.deepEqual(await credentials.reload(), { ok: true });
      assert.equal(credentials.header(), 'Bearer second-secret');
      await writeFile(file, 'third secret\n');
      assert.deepEqual(await credentials.reload(), { ok: false });
      assert.equal(credentials.header(), 'Bearer second-secret');
      const logged = JSON.stringify(logger.entries);
      assert.match(logged, /backend credentials not reloaded: the file must hold one token/);
      for (const secret of ['first-secret', 'second-secret', 'third secret']) assert.ok(!logged.includes(secret), `logged ${secret}: ${logged}`);
    } finally {
      await removeTempDir(dir);
    }
  });
});
