import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTokenStore, type TokenStore } from '../../src/auth/token-store.ts';
import { TokenFileError } from '../../src/auth/token-file.ts';
import { assertNotLogged, captureLogger } from '../helpers/log-recorder.ts';
import { withTempDir } from '../helpers/temp-dir.ts';

const ENV = 'env-token-0123456789abc';
const OLD = 'old-token-0123456789abc';
const NEW = 'new-token-0123456789abc';
const ALL = [ENV, OLD, NEW];

/** Which of ALL the store accepts, as a readable list for failure messages. */
function accepted(store: TokenStore): string[] {
  return ALL.filter((token) => store.verify(token)).map((token) => token.split('-')[0]!);
}

describe('createTokenStore({ tokens, file, dataDir, logger })', () => {
  describe('verify(candidate)', () => {
    const cases: [string, { given: string; want: boolean }][] = [
      ['the first token', { given: ENV, want: true }],
      ['the second token', { given: OLD, want: true }],
      ['an unknown token', { given: NEW, want: false }],
      ['an empty string', { given: '', want: false }],
      ['a prefix of a token', { given: ENV.slice(0, -1), want: false }],
      ['a token with a trailing space', { given: `${ENV} `, want: false }],
      ['a token in upper case', { given: ENV.toUpperCase(), want: false }],
      ['a very long candidate', { given: ENV.repeat(1000), want: false }],
    ];
    for (const [name, { given, want }] of cases) {
      it(`${want ? 'accepts' : 'refuses'} ${name}`, async () => {
        const store = await createTokenStore({ tokens: [ENV, OLD], dataDir: '/nonexistent', logger: captureLogger().logger });
        const got = store.verify(given);
        assert.equal(got, want, `got ${got}; want ${want}`);
      });
    }
  });

  it('counts a token given twice once', async () => {
    await withTempDir('layer-auth', async (dir) => {
      const file = path.join(dir, 'tokens');
      await writeFile(file, `${ENV}\n${OLD}\n${OLD}\n`);
      const store = await createTokenStore({ tokens: [ENV, ENV], file, dataDir: dir, logger: captureLogger().logger });
      assert.equal(store.count, 2, `got count ${store.count}; want 2`);
      assert.deepEqual(accepted(store), ['env', 'old']);
    });
  });

  it('accepts the environment tokens and the file tokens together', async () => {
    await withTempDir('layer-auth', async (dir) => {
      const file = path.join(dir, 'tokens');
      await writeFile(file, `# ci\n${OLD}\n`);
      const log = captureLogger();
      const store = await createTokenStore({ tokens: [ENV], file, dataDir: dir, logger: log.logger });
      assert.deepEqual(accepted(store), ['env', 'old'], `got ${accepted(store).join(', ')}; want env, old`);
      assert.equal(store.generatedPath, undefined, `got generatedPath ${store.generatedPath}; want none`);
      assertNotLogged(log.text(), ALL);
    });
  });

  describe('scrapeToken', () => {
    // The token vmsingle scrapes /metrics with comes from the same parse as the accepted set, so a
    // BOM, a comment or an invalid line in the file never becomes the scrape token.
    const cases: [string, { given: { env: string[]; file?: string }; want: string }][] = [
      ['the first environment token', { given: { env: [ENV, OLD], file: `${NEW}\n` }, want: ENV }],
      ['the first file token, past comments and blank lines', { given: { env: [], file: `# ci\n\n  ${OLD}  \n${NEW}\n` }, want: OLD }],
      ['a file token after a byte-order mark, with CRLF', { given: { env: [], file: `\uFEFF${OLD}\r\n${NEW}\r\n` }, want: OLD }],
    ];
    for (const [name, { given, want }] of cases) {
      it(`is ${name}`, async () => {
        await withTempDir('layer-auth', async (dir) => {
          const file = path.join(dir, 'tokens');
          if (given.file !== undefined) await writeFile(file, given.file);
          const store = await createTokenStore({ tokens: given.env, ...(given.file === undefined ? {} : { file }), dataDir: dir, logger: captureLogger().logger });
          assert.equal(store.scrapeToken, want, `got ${store.scrapeToken}; want ${want}`);
        });
      });
    }

    it('is the generated token when none is configured, and follows the file on reload', async () => {
      await withTempDir('layer-auth', async (dir) => {
        const generated = await createTokenStore({ tokens: [], dataDir: dir, logger: captureLogger().logger });
        const text = await readFile(path.join(dir, 'api-token'), 'utf8');
        assert.equal(generated.scrapeToken, text.trim(), `got ${generated.scrapeToken}; want the generated token`);
        const file = path.join(dir, 'tokens');
        await writeFile(file, `${OLD}\n`);
        const store = await createTokenStore({ tokens: [], file, dataDir: dir, logger: captureLogger().logger });
        await writeFile(file, `${NEW}\n`);
        await store.reload();
        assert.equal(store.scrapeToken, NEW, `got ${store.scrapeToken}; want ${NEW}`);
      });
    });
  });

  describe('reload()', () => {
    it('rotates: old and new valid during the overlap, then old revoked; env tokens stay', async () => {
      await withTempDir('layer-auth', async (dir) => {
        const file = path.join(dir, 'tokens');
        const log = captureLogger();
        await writeFile(file, `${OLD}\n`);
        const store = await createTokenStore({ tokens: [ENV], file, dataDir: dir, logger: log.logger });
        const steps: [string, string, string[]][] = [
          ['add the new token', `${OLD}\n${NEW}\n`, ['env', 'old', 'new']],
          ['remove the old token', `${NEW}\n`, ['env', 'new']],
        ];
        for (const [step, text, want] of steps) {
          await writeFile(file, text);
          const result = await store.reload();
          assert.deepEqual(result, { ok: true, count: want.length }, `${step}: got ${JSON.stringify(result)}; want ok`);
          assert.deepEqual(accepted(store), want, `${step}: got ${accepted(store).join(', ')}; want ${want.join(', ')}`);
        }
        assertNotLogged(log.text(), ALL);
      });
    });

    const bad: [string, { given: (file: string) => Promise<void>; want: string }][] = [
      ['a malformed line', { given: (file) => writeFile(file, `${NEW}\n# fine\n${NEW} ${OLD}\n`), want: ':3: a token must be printable ASCII' }],
      ['a token too short', { given: (file) => writeFile(file, `${NEW}\nnew-token\n`), want: ':2: a token must be at least 16 characters' }],
      ['a deleted file', { given: (file) => unlink(file), want: 'ENOENT' }],
      // A directory rather than chmod 000: root, which CI containers often run as, reads those.
      [
        'a directory in place of the file',
        {
          given: async (file) => {
            await unlink(file);
            await mkdir(file);
          },
          want: 'EISDIR',
        },
      ],
      ['an empty file', { given: (file) => writeFile(file, '# emptied by mistake\n'), want: 'holds no token' }],
    ];
    for (const [name, { given, want }] of bad) {
      it(`keeps the tokens in force after ${name}, and says why without the token`, async () => {
        await withTempDir('layer-auth', async (dir) => {
          const file = path.join(dir, 'tokens');
          const log = captureLogger();
          await writeFile(file, `${OLD}\n`);
          const store = await createTokenStore({ tokens: [], file, dataDir: dir, logger: log.logger });
          await given(file);
          const result = await store.reload();
          assert.equal(result.ok, false, `got ${JSON.stringify(result)}; want ok: false`);
          assert.ok(!result.ok && result.error instanceof TokenFileError, 'got no TokenFileError; want one');
          assert.ok(result.error.message.includes(file), `got ${JSON.stringify(result.error.message)}; want the file named`);
          assert.ok(result.error.message.includes(want), `got ${JSON.stringify(result.error.message)}; want it to include ${JSON.stringify(want)}`);
          assert.equal(result.count, 1, `got count ${result.count}; want the 1 token in force`);
          assert.deepEqual(accepted(store), ['old'], `got ${accepted(store).join(', ')}; want old still valid`);
          assert.ok(log.text().includes('keeping the 1 tokens in force'), `got log ${log.text()}; want the refusal logged`);
          assertNotLogged(log.text() + result.error.message, ALL);

          await rm(file, { recursive: true, force: true });
          await writeFile(file, `${NEW}\n`);
          const fixed = await store.reload();
          assert.deepEqual(fixed, { ok: true, count: 1 }, `after fixing the file: got ${JSON.stringify(fixed)}; want ok`);
          assert.deepEqual(accepted(store), ['new'], `after fixing the file: got ${accepted(store).join(', ')}; want new`);
        });
      });
    }

    it('is a no-op without a token file', async () => {
      const store = await createTokenStore({ tokens: [ENV], dataDir: '/nonexistent', logger: captureLogger().logger });
      const result = await store.reload();
      assert.deepEqual(result, { ok: true, count: 1 }, `got ${JSON.stringify(result)}; want ok, count 1`);
      assert.deepEqual(accepted(store), ['env']);
    });
  });

  describe('at startup', () => {
    const refused: [string, { given: string | undefined; tokens: string[]; want: string }][] = [
      ['a malformed token file', { given: `${OLD}\nshort\n`, tokens: [ENV], want: ':2: a token must be at least 16 characters' }],
      ['a missing token file', { given: undefined, tokens: [ENV], want: 'ENOENT' }],
      ['an empty token file without environment tokens', { given: '# none yet\n', tokens: [], want: 'holds no token and LAYER_API_TOKENS is empty' }],
    ];
    for (const [name, { given, tokens, want }] of refused) {
      it(`refuses ${name} rather than start with fewer tokens`, async () => {
        await withTempDir('layer-auth', async (dir) => {
          const file = path.join(dir, 'tokens');
          if (given !== undefined) await writeFile(file, given);
          await assert.rejects(createTokenStore({ tokens, file, dataDir: dir, logger: captureLogger().logger }), (error: unknown) => {
            assert.ok(error instanceof TokenFileError, `got ${String(error)}; want a TokenFileError`);
            assert.ok(error.message.includes(want), `got ${JSON.stringify(error.message)}; want it to include ${JSON.stringify(want)}`);
            return true;
          });
        });
      });
    }

    it('starts with an empty token file when the environment has tokens', async () => {
      await withTempDir('layer-auth', async (dir) => {
        const file = path.join(dir, 'tokens');
        await writeFile(file, '');
        const store = await createTokenStore({ tokens: [ENV], file, dataDir: dir, logger: captureLogger().logger });
        assert.deepEqual(accepted(store), ['env']);
      });
    });
  });

  describe('with no token configured', () => {
    it('generates a token into <dataDir>/api-token with mode 0600, and reuses it on the next start', async () => {
      await withTempDir('layer-auth', async (dir) => {
        const dataDir = path.join(dir, 'not', 'yet', 'there');
        const log = captureLogger();
        const first = await createTokenStore({ tokens: [], dataDir, logger: log.logger });
        const want = path.join(dataDir, 'api-token');
        assert.equal(first.generatedPath, want, `got generatedPath ${first.generatedPath}; want ${want}`);

        const token = (await readFile(want, 'utf8')).trim();
        assert.match(token, /^[A-Za-z0-9_-]{43}$/, 'got a token that is not 32 bytes of base64url');
        const mode = (await stat(want)).mode & 0o777;
        assert.equal(mode, 0o600, `got mode ${mode.toString(8)}; want 600`);
        assert.equal(first.verify(token), true, 'got the generated token refused; want it accepted');
        assert.equal(first.count, 1, `got count ${first.count}; want 1`);

        const second = await createTokenStore({ tokens: [], dataDir, logger: log.logger });
        const again = (await readFile(want, 'utf8')).trim();
        assert.equal(again, token, 'got a new token on the second start; want the first one reused');
        assert.equal(second.verify(token), true, 'got the reused token refused; want it accepted');
        assert.equal(second.generatedPath, want, `got generatedPath ${second.generatedPath}; want ${want}`);

        assert.ok(log.text().includes(want), `got log ${log.text()}; want the file's path in it`);
        assertNotLogged(log.text(), [token]);
      });
    });

    it('warns when the generated token file is readable by others', async () => {
      await withTempDir('layer-auth', async (dir) => {
        await writeFile(path.join(dir, 'api-token'), `${ENV}\n`, { mode: 0o644 });
        await chmod(path.join(dir, 'api-token'), 0o644);
        const log = captureLogger();
        const store = await createTokenStore({ tokens: [], dataDir: dir, logger: log.logger });
        assert.equal(store.verify(ENV), true, 'got the existing token refused; want it reused');
        assert.ok(log.text().includes('chmod 600'), `got log ${log.text()}; want a chmod 600 warning`);
        assertNotLogged(log.text(), [ENV]);
      });
    });

    it('refuses a generated token file that holds no valid token', async () => {
      await withTempDir('layer-auth', async (dir) => {
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'api-token'), 'short\n');
        await assert.rejects(createTokenStore({ tokens: [], dataDir: dir, logger: captureLogger().logger }), (error: unknown) => {
          assert.ok(error instanceof TokenFileError, `got ${String(error)}; want a TokenFileError`);
          assert.ok(error.message.includes('delete the file'), `got ${JSON.stringify(error.message)}; want how to fix it`);
          return true;
        });
      });
    });
  });
});
