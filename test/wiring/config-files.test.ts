import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadBackendCredentials } from '../../src/backend/credentials.ts';
import { ConfigError } from '../../src/config.ts';
import { asConfigError, loadTlsPair } from '../../src/wiring/config-files.ts';
import { recordingLogger } from '../helpers/log-recorder.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

describe('the files the configuration names, at start', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('layer-config-files');
  });
  after(async () => {
    await removeTempDir(dir);
  });

  it('an unreadable credentials file is a ConfigError naming its variable and file', async () => {
    const file = join(dir, 'missing-token');
    await assert.rejects(asConfigError(loadBackendCredentials({ vmBearerTokenFile: file }, recordingLogger())), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'ERR_CONFIG');
      assert.equal(error.variable, 'LAYER_VM_BEARER_TOKEN_FILE');
      assert.equal(error.value, file);
      assert.equal(error.message, `LAYER_VM_BEARER_TOKEN_FILE=${JSON.stringify(file)}: the file cannot be read (ENOENT)`);
      return true;
    });
  });

  it('an unreadable TLS key is a ConfigError naming its variable and file', async () => {
    const files = { certFile: join(dir, 'missing.pem'), keyFile: join(dir, 'missing.key') };
    await assert.rejects(loadTlsPair(files), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, 'LAYER_TLS_CERT_FILE');
      assert.equal(error.value, files.certFile);
      assert.match(error.message, /^LAYER_TLS_CERT_FILE=".*": cannot be read \(ENOENT\)$/);
      return true;
    });
  });

  it('any other error passes unchanged', async () => {
    const other = new Error('not a file problem');
    await assert.rejects(asConfigError(Promise.reject(other)), (error: unknown) => error === other);
  });
});
