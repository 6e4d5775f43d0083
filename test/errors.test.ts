import assert from 'node:assert/strict';
import { TokenFileError } from '../src/auth/token-file.ts';
import { VmsingleError } from '../src/backend/vmsingle-error.ts';
import { CacheAddrError } from '../src/cache/cache-addr.ts';
import { ConfigError } from '../src/config.ts';
import { GatewayError, StartupError } from '../src/errors.ts';
import { DataDirLockedError } from '../src/storage/data-dir-lock.ts';
import { TlsPairError } from '../src/tls/tls.ts';

describe('StartupError', () => {
  // Start-up errors reach the operator (log, exit message, exit code), never a client, so none
  // may carry an HTTP status that the error renderer would answer with.
  const rows: [string, { given: Error; want: string }][] = [
    ['ConfigError', { given: new ConfigError([{ variable: 'LAYER_GATEWAY_PORT', value: 'x', message: 'LAYER_GATEWAY_PORT=x: not a port' }]), want: 'ERR_CONFIG' }],
    ['TokenFileError', { given: new TokenFileError('/t', 'cannot read token file /t'), want: 'ERR_TOKEN_FILE' }],
    ['CacheAddrError', { given: new CacheAddrError('x', 'has no host:port'), want: 'ERR_CACHE_ADDR' }],
    ['DataDirLockedError', { given: new DataDirLockedError('/d', 1), want: 'ERR_DATA_DIR_LOCKED' }],
    ['VmsingleError', { given: new VmsingleError('ERR_VM_LOCKED', 'locked'), want: 'ERR_VM_LOCKED' }],
    ['TlsPairError', { given: new TlsPairError('LAYER_TLS_KEY_FILE', { certFile: '/c', keyFile: '/k' }, 'cannot be read'), want: 'ERR_TLS_PAIR' }],
  ];
  for (const [name, { given, want }] of rows) {
    it(`${name} is a StartupError with code ${want} and no HTTP status`, () => {
      assert.ok(given instanceof StartupError, `got ${given.name}; want a StartupError`);
      assert.equal(given.code, want, `got ${given.code}; want ${want}`);
      assert.ok(!(given instanceof GatewayError), `${name} is a GatewayError; want no HTTP status`);
      assert.equal('status' in given, false);
    });
  }

  it('keeps the cause it is given', () => {
    const cause = new Error('EACCES');
    assert.equal(new StartupError('ERR_X', 'cannot', { cause }).cause, cause);
  });
});
