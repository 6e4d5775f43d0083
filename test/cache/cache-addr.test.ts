import assert from 'node:assert/strict';
import { CacheAddrError, parseCacheAddr, type CacheAddr } from '../../src/cache/cache-addr.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('parseCacheAddr(addr)', () => {
  const good: [string, { given: string; want: CacheAddr }][] = [
    ['host:port', { given: 'cache.internal:7000', want: { host: 'cache.internal', port: 7000 } }],
    ['IPv4:port', { given: '127.0.0.1:1', want: { host: '127.0.0.1', port: 1 } }],
    ['[IPv6]:port', { given: '[::1]:65535', want: { host: '::1', port: 65535 } }],
    ['unix:/path', { given: 'unix:/run/cache.sock', want: { path: '/run/cache.sock' } }],
    ['/abs/path', { given: '/run/cache.sock', want: { path: '/run/cache.sock' } }],
  ];
  for (const [name, { given, want }] of good) {
    it(`parses ${name}`, () => {
      const got = parseCacheAddr(given);
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
    });
  }

  const bad: [string, { given: string; want: RegExp }][] = [
    ['empty', { given: '', want: /has no host:port/ }],
    ['a bare host', { given: 'cache', want: /has no host:port/ }],
    ['no host', { given: ':7000', want: /has no host:port/ }],
    ['no port', { given: 'cache:', want: /has port "", not a number/ }],
    ['port 0', { given: 'cache:0', want: /not a number from 1 to 65535/ }],
    ['port too big', { given: 'cache:65536', want: /not a number from 1 to 65535/ }],
    ['port with junk', { given: 'cache:70x', want: /has port "70x"/ }],
    ['negative port', { given: 'cache:-1', want: /has port "-1"/ }],
    ['IPv6 without brackets', { given: '::1:7000', want: /IPv6 address without brackets/ }],
    ['a URL', { given: 'tcp://cache:7000', want: /is a URL; give host:port without a scheme/ }],
    ['unix: without a path', { given: 'unix:', want: /no socket path/ }],
    // A relative socket path would depend on the working directory of whoever starts the gateway.
    ['unix:relative path', { given: 'unix:cache.sock', want: /relative socket path; the path must be absolute/ }],
    ['unix:./relative path', { given: 'unix:./run/cache.sock', want: /relative socket path/ }],
    ['a host name in brackets', { given: '[cache]:7000', want: /"cache" in brackets, not an IPv6 address/ }],
    ['a host with an underscore', { given: 'cache_1:7000', want: /invalid host "cache_1"/ }],
    ['user@host', { given: 'me@cache:7000', want: /invalid host/ }],
    ['whitespace', { given: ' cache:7000', want: /invalid host/ }],
    ['bracketed IPv6 without port', { given: '[::1]', want: /has no host:port|IPv6/ }],
  ];
  for (const [name, { given, want }] of bad) {
    it(`rejects ${name} with ERR_CACHE_ADDR`, () => {
      assert.throws(() => parseCacheAddr(given), (err: unknown) => {
        assert.ok(err instanceof CacheAddrError, `got ${String(err)}; want a CacheAddrError`);
        assert.equal(err.code, 'ERR_CACHE_ADDR');
        assert.match(err.message, want);
        assert.match(err.message, /use host:port, \[ipv6\]:port, unix:\/path\/to\.sock or \/path\/to\.sock$/);
        return true;
      });
    });
  }
});

describe('LAYER_CACHE_ADDR and parseCacheAddr', () => {
  // The config check and the cache monitor must agree: an address that starts the gateway must be
  // one the monitor can connect to, and one the monitor refuses must not start it.
  const given = ['cache:7000', '[::1]:7000', 'unix:/run/c.sock', '/run/c.sock', 'unix:c.sock', 'unix:./c.sock', '[cache]:7000', 'cache_1:7000', 'cache:0', ' cache:7000'];
  for (const addr of given) {
    it(`agree on ${JSON.stringify(addr)}`, () => {
      const parserAccepts = (() => {
        try {
          parseCacheAddr(addr);
          return true;
        } catch {
          return false;
        }
      })();
      const configAccepts = (() => {
        try {
          loadConfig({ LAYER_CACHE_ADDR: addr });
          return true;
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          return false;
        }
      })();
      assert.equal(configAccepts, parserAccepts, `config accepts: ${configAccepts}; parseCacheAddr accepts: ${parserAccepts}`);
    });
  }
});
