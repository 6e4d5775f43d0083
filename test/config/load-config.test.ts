import { availableParallelism } from 'node:os';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, configTable, describeConfig, loadConfig, type Config } from '../../src/config.ts';
import { BUNDLED_MAX_QUERY_LEN } from '../../src/proxy/query-length.ts';

const TOKEN_A = 'tok-a-0123456789abcdef';
const TOKEN_B = 'tok-b-0123456789abcdef';

/** Runs loadConfig and returns the ConfigError it throws; fails when it does not throw one. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail(`loadConfig(${JSON.stringify(env)}) did not throw; want a ConfigError`);
}

describe('loadConfig(env)', () => {
  describe('with nothing set', () => {
    const defaults: [keyof Config, unknown][] = [
      ['host', '127.0.0.1'],
      ['port', 8080],
      ['dataDir', path.resolve('data')],
      ['vmUrl', undefined],
      ['apiTokens', []],
      ['apiTokensFile', undefined],
      ['metricsAuth', 'none'],
      ['scrapeInterval', '15s'],
      ['scrapeIntervalMs', 15_000],
      ['cacheAddr', undefined],
      ['cacheNamespaces', []],
      ['vmTimeoutMs', 45_000],
      ['vmMaxQueryLen', BUNDLED_MAX_QUERY_LEN],
      ['proxyMaxBodyBytes', 1_048_576],
      ['proxyMaxMatchers', 100],
      ['proxyMaxMatcherBytes', 65_536],
      ['proxyMaxConcurrent', 64],
      // One below the bundled vmsingle's search slots, min(2 x CPUs, 16).
      ['proxyMaxConcurrentPerToken', Math.max(1, Math.min(16, Math.min(2 * availableParallelism(), 16) - 1))],
      ['vmMaxConcurrent', Math.min(2 * availableParallelism(), 16)],
      ['proxyBufferBytes', 64 * 1024 * 1024],
      ['proxyBufferTotalBytes', 256 * 1024 * 1024],
      ['proxyStallTimeoutMs', 30_000],
      ['proxyBodyTimeoutMs', 10_000],
      ['logLevel', 'info'],
      ['shutdownTimeoutMs', 10_000],
      ['vmBinary', 'victoria-metrics'],
      ['vmRetention', '30d'],
      ['vmBearerTokenFile', undefined],
      ['vmBasicAuthFile', undefined],
      ['tlsCertFile', undefined],
      ['tlsKeyFile', undefined],
      ['vmalertBinary', 'vmalert'],
      ['alertEvalInterval', '15s'],
      ['alertEvalIntervalMs', 15_000],
      ['alertmanagerUrl', undefined],
      ['alertWriteUrl', undefined],
      ['rulesUrl', undefined],
      ['tlsHstsMaxAge', 31_536_000],
    ];
    for (const [key, want] of defaults) {
      it(`defaults ${key} to ${JSON.stringify(want)}`, () => {
        const got = loadConfig({})[key];
        assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
      });
    }

    it('leaves unset optional settings out of the object', () => {
      const got = Object.keys(loadConfig({})).filter((key) => ['vmUrl', 'apiTokensFile', 'cacheAddr'].includes(key));
      assert.deepEqual(got, [], `got keys ${got.join(', ')}; want none`);
    });
  });

  describe('with valid values', () => {
    const cases: [string, { given: Record<string, string>; want: Partial<Config> }][] = [
      ['an IPv4 host', { given: { LAYER_GATEWAY_HOST: '0.0.0.0' }, want: { host: '0.0.0.0' } }],
      ['an IPv6 host', { given: { LAYER_GATEWAY_HOST: '::' }, want: { host: '::' } }],
      ['a host name', { given: { LAYER_GATEWAY_HOST: 'gateway.internal' }, want: { host: 'gateway.internal' } }],
      ['port 0 (any free port)', { given: { LAYER_GATEWAY_PORT: '0' }, want: { port: 0 } }],
      ['a per-token cap left to a quarter of the total', { given: { LAYER_PROXY_MAX_CONCURRENT: '10' }, want: { proxyMaxConcurrentPerToken: 2 } }],
      ['a per-token cap one below an external backend\'s default 16 slots', { given: { LAYER_VM_URL: 'http://vm:8428' }, want: { proxyMaxConcurrentPerToken: 15, vmMaxConcurrent: 16 } }],
      ['a per-token cap one below the backend\'s slots', { given: { LAYER_VM_MAX_CONCURRENT: '4' }, want: { proxyMaxConcurrentPerToken: 3, vmMaxConcurrent: 4 } }],
      ['a per-token cap of at least 1 for a backend of one slot', { given: { LAYER_VM_MAX_CONCURRENT: '1' }, want: { proxyMaxConcurrentPerToken: 1 } }],
      ['buffers of any size, the total at least one answer\'s', { given: { LAYER_PROXY_BUFFER_BYTES: '0', LAYER_PROXY_BUFFER_TOTAL_BYTES: '0' }, want: { proxyBufferBytes: 0, proxyBufferTotalBytes: 0 } }],
      ['a per-token cap of at least 1', { given: { LAYER_PROXY_MAX_CONCURRENT: '3' }, want: { proxyMaxConcurrentPerToken: 1 } }],
      ['a queue timeout of 10 s by default', { given: {}, want: { proxyQueueTimeoutMs: 10_000 } }],
      ['a queue timeout of 0 (429 at once)', { given: { LAYER_PROXY_QUEUE_TIMEOUT_MS: '0' }, want: { proxyQueueTimeoutMs: 0 } }],
      ['a per-token cap equal to the total', { given: { LAYER_PROXY_MAX_CONCURRENT: '8', LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '8' }, want: { proxyMaxConcurrentPerToken: 8 } }],
      ['port 65535', { given: { LAYER_GATEWAY_PORT: '65535' }, want: { port: 65535 } }],
      ['a relative data dir, resolved', { given: { LAYER_DATA_DIR: 'var/layer' }, want: { dataDir: path.resolve('var/layer') } }],
      ['an absolute data dir', { given: { LAYER_DATA_DIR: '/srv/layer' }, want: { dataDir: '/srv/layer' } }],
      ['a vmsingle URL, trailing slash stripped', { given: { LAYER_VM_URL: 'http://vm:8428/' }, want: { vmUrl: 'http://vm:8428' } }],
      [
        'a vmselect URL with a path prefix',
        {
          given: { LAYER_VM_URL: 'http://vmselect:8481/select/0/prometheus/' },
          want: { vmUrl: 'http://vmselect:8481/select/0/prometheus' },
        },
      ],
      ['an https URL', { given: { LAYER_VM_URL: 'https://vm.example.com' }, want: { vmUrl: 'https://vm.example.com' } }],
      [
        'tokens, blanks and spaces around commas ignored',
        { given: { LAYER_API_TOKENS: ` ${TOKEN_A}, ,${TOKEN_B},` }, want: { apiTokens: [TOKEN_A, TOKEN_B] } },
      ],
      ['a relative token file, resolved', { given: { LAYER_API_TOKENS_FILE: 'tokens.txt' }, want: { apiTokensFile: path.resolve('tokens.txt') } }],
      ['metrics auth token', { given: { LAYER_METRICS_AUTH: 'token' }, want: { metricsAuth: 'token' } }],
      ['a 1s scrape interval', { given: { LAYER_SCRAPE_INTERVAL: '1s' }, want: { scrapeInterval: '1s', scrapeIntervalMs: 1000 } }],
      ['a 1m scrape interval', { given: { LAYER_SCRAPE_INTERVAL: '1m' }, want: { scrapeInterval: '1m', scrapeIntervalMs: 60_000 } }],
      ['a 1500ms scrape interval', { given: { LAYER_SCRAPE_INTERVAL: '1500ms' }, want: { scrapeInterval: '1500ms', scrapeIntervalMs: 1500 } }],
      ['a 1m30s scrape interval', { given: { LAYER_SCRAPE_INTERVAL: '1m30s' }, want: { scrapeInterval: '1m30s', scrapeIntervalMs: 90_000 } }],
      ['a cache host:port', { given: { LAYER_CACHE_ADDR: 'cache:11211' }, want: { cacheAddr: 'cache:11211' } }],
      ['a cache [v6]:port', { given: { LAYER_CACHE_ADDR: '[::1]:11211' }, want: { cacheAddr: '[::1]:11211' } }],
      ['a cache unix: socket', { given: { LAYER_CACHE_ADDR: 'unix:/run/cache.sock' }, want: { cacheAddr: 'unix:/run/cache.sock' } }],
      ['a cache socket path', { given: { LAYER_CACHE_ADDR: '/run/cache.sock' }, want: { cacheAddr: '/run/cache.sock' } }],
      ['cache namespaces', { given: { LAYER_CACHE_NAMESPACES: 'query, series.v2,a-b_c' }, want: { cacheNamespaces: ['query', 'series.v2', 'a-b_c'] } }],
      ['a VM timeout', { given: { LAYER_VM_TIMEOUT_MS: '1' }, want: { vmTimeoutMs: 1 } }],
      ['a body limit', { given: { LAYER_PROXY_MAX_BODY_BYTES: '4096' }, want: { proxyMaxBodyBytes: 4096 } }],
      ['a concurrency limit', { given: { LAYER_PROXY_MAX_CONCURRENT: '8' }, want: { proxyMaxConcurrent: 8 } }],
      ['match[] caps', { given: { LAYER_PROXY_MAX_MATCHERS: '3', LAYER_PROXY_MAX_MATCHER_BYTES: '10' }, want: { proxyMaxMatchers: 3, proxyMaxMatcherBytes: 10 } }],
      ['an external backend\'s query length', { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_VM_MAX_QUERY_LEN: '65536' }, want: { vmMaxQueryLen: 65_536 } }],
      ['the bundled query length written out', { given: { LAYER_VM_MAX_QUERY_LEN: '16384' }, want: { vmMaxQueryLen: 16_384 } }],
      ['HSTS off', { given: { LAYER_TLS_HSTS_MAX_AGE: '0' }, want: { tlsHstsMaxAge: 0 } }],
      ['log level silent', { given: { LAYER_LOG_LEVEL: 'silent' }, want: { logLevel: 'silent' } }],
      ['a zero shutdown timeout', { given: { LAYER_SHUTDOWN_TIMEOUT_MS: '0' }, want: { shutdownTimeoutMs: 0 } }],
      ['a shutdown delay for load balancers', { given: { LAYER_SHUTDOWN_DELAY_MS: '15000' }, want: { shutdownDelayMs: 15000 } }],
      ['a VM binary path', { given: { LAYER_VM_BINARY: '/opt/vm/victoria-metrics-prod' }, want: { vmBinary: '/opt/vm/victoria-metrics-prod' } }],
      ['a retention in days', { given: { LAYER_VM_RETENTION: '1d' }, want: { vmRetention: '1d' } }],
      ['a retention in weeks, upper case', { given: { LAYER_VM_RETENTION: '2W' }, want: { vmRetention: '2W' } }],
      ['a retention in months', { given: { LAYER_VM_RETENTION: '12' }, want: { vmRetention: '12' } }],
      ['a retention of 24h', { given: { LAYER_VM_RETENTION: '24h' }, want: { vmRetention: '24h' } }],
      ['a combined retention', { given: { LAYER_VM_RETENTION: '1y2w' }, want: { vmRetention: '1y2w' } }],
      [
        'a backend bearer token file with LAYER_VM_URL',
        { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_VM_BEARER_TOKEN_FILE: 'vm-token' }, want: { vmBearerTokenFile: path.resolve('vm-token') } },
      ],
      [
        'a backend Basic auth file with LAYER_VM_URL',
        { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_VM_BASIC_AUTH_FILE: '/etc/vm-auth' }, want: { vmBasicAuthFile: '/etc/vm-auth' } },
      ],
      [
        'a TLS certificate and key',
        { given: { LAYER_TLS_CERT_FILE: '/tls/cert.pem', LAYER_TLS_KEY_FILE: 'key.pem' }, want: { tlsCertFile: '/tls/cert.pem', tlsKeyFile: path.resolve('key.pem') } },
      ],
      ['an evaluation interval that follows the scrape interval', { given: { LAYER_SCRAPE_INTERVAL: '1m' }, want: { alertEvalInterval: '1m', alertEvalIntervalMs: 60_000 } }],
      ['an evaluation interval of its own', { given: { LAYER_ALERT_EVAL_INTERVAL: '30s' }, want: { alertEvalInterval: '30s', alertEvalIntervalMs: 30_000 } }],
      ['an Alertmanager URL', { given: { LAYER_ALERTMANAGER_URL: 'http://am:9093/' }, want: { alertmanagerUrl: 'http://am:9093' } }],
      [
        'an alert write URL with LAYER_VM_URL',
        { given: { LAYER_VM_URL: 'http://vmselect:8481/select/0/prometheus', LAYER_ALERT_WRITE_URL: 'http://vminsert:8480/insert/0/prometheus' }, want: { alertWriteUrl: 'http://vminsert:8480/insert/0/prometheus' } },
      ],
      ['a rules URL', { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_RULES_URL: 'http://vmalert:8880' }, want: { rulesUrl: 'http://vmalert:8880' } }],
      ['an empty value as unset', { given: { LAYER_GATEWAY_PORT: '', LAYER_VM_URL: '' }, want: { port: 8080, vmUrl: undefined } }],
    ];
    for (const [name, { given, want }] of cases) {
      it(`accepts ${name}`, () => {
        const config = loadConfig(given);
        for (const [key, value] of Object.entries(want)) {
          const got = config[key as keyof Config];
          assert.deepEqual(got, value, `${key}: got ${JSON.stringify(got)}; want ${JSON.stringify(value)}`);
        }
      });
    }
  });

  describe('with invalid values', () => {
    // `want` is a part of the message after the variable and the quoted value.
    const cases: [string, { given: [string, string]; want: string }][] = [
      ['a host with a port', { given: ['LAYER_GATEWAY_HOST', '127.0.0.1:8080'], want: 'IP address or host name' }],
      ['a port with letters', { given: ['LAYER_GATEWAY_PORT', '80a'], want: 'must be an integer from 0 to 65535' }],
      ['a port too large', { given: ['LAYER_GATEWAY_PORT', '65536'], want: 'must be an integer from 0 to 65535' }],
      ['a negative port', { given: ['LAYER_GATEWAY_PORT', '-1'], want: 'must be an integer from 0 to 65535' }],
      ['a data dir with NUL', { given: ['LAYER_DATA_DIR', 'da\0ta'], want: 'without NUL' }],
      ['a VM URL without scheme', { given: ['LAYER_VM_URL', 'vm:8428'], want: 'http:// or https://' }],
      ['a VM URL with another scheme', { given: ['LAYER_VM_URL', 'ftp://vm:8428'], want: 'http:// or https://' }],
      ['a VM URL with a query string', { given: ['LAYER_VM_URL', 'http://vm:8428/?extra_label=x'], want: 'must not carry a query string' }],
      ['a VM URL with an empty query string', { given: ['LAYER_VM_URL', 'http://vm:8428/?'], want: 'must not carry a query string' }],
      ['a VM URL with a fragment', { given: ['LAYER_VM_URL', 'http://vm:8428/#x'], want: 'must not carry a fragment' }],
      ['metrics auth basic', { given: ['LAYER_METRICS_AUTH', 'basic'], want: 'must be one of none, token' }],
      ['a scrape interval without unit', { given: ['LAYER_SCRAPE_INTERVAL', '15'], want: 'must be a Prometheus duration' }],
      ['a scrape interval with units out of order', { given: ['LAYER_SCRAPE_INTERVAL', '30s1m'], want: 'must be a Prometheus duration' }],
      ['a scrape interval below 1s', { given: ['LAYER_SCRAPE_INTERVAL', '500ms'], want: 'must be from 1s to 24d' }],
      ['a scrape interval above 24d', { given: ['LAYER_SCRAPE_INTERVAL', '25d'], want: 'must be from 1s to 24d' }],
      ['a cache address without port', { given: ['LAYER_CACHE_ADDR', 'cache'], want: 'must be host:port' }],
      ['a cache address with port 0', { given: ['LAYER_CACHE_ADDR', 'cache:0'], want: 'port 1 to 65535' }],
      ['an unbracketed IPv6 cache address', { given: ['LAYER_CACHE_ADDR', '::1:11211'], want: 'must be host:port' }],
      ['a relative unix: socket', { given: ['LAYER_CACHE_ADDR', 'unix:run/cache.sock'], want: 'must be absolute' }],
      ['a namespace with a space', { given: ['LAYER_CACHE_NAMESPACES', 'ok,not ok'], want: '"not ok": each namespace must match' }],
      ['a namespace of 129 characters', { given: ['LAYER_CACHE_NAMESPACES', 'n'.repeat(129)], want: 'each namespace must match' }],
      ['a VM timeout of 0', { given: ['LAYER_VM_TIMEOUT_MS', '0'], want: 'must be an integer from 1 to 2147483647' }],
      ['a VM timeout beyond setTimeout', { given: ['LAYER_VM_TIMEOUT_MS', '2147483648'], want: 'must be an integer from 1 to 2147483647' }],
      ['a fractional body limit', { given: ['LAYER_PROXY_MAX_BODY_BYTES', '1.5'], want: 'must be an integer from 1' }],
      ['a concurrency limit of 0', { given: ['LAYER_PROXY_MAX_CONCURRENT', '0'], want: 'must be an integer from 1' }],
      ['a backend of 0 slots', { given: ['LAYER_VM_MAX_CONCURRENT', '0'], want: 'must be an integer from 1 to 1000' }],
      ['a total buffer below one answer\'s', { given: ['LAYER_PROXY_BUFFER_TOTAL_BYTES', '1024'], want: 'must be at least LAYER_PROXY_BUFFER_BYTES (67108864)' }],
      ['a per-token cap of 0', { given: ['LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN', '0'], want: 'must be an integer from 1 to LAYER_PROXY_MAX_CONCURRENT (64)' }],
      ['a negative queue timeout', { given: ['LAYER_PROXY_QUEUE_TIMEOUT_MS', '-1'], want: 'must be an integer from 0' }],
      ['a per-token cap above the total', { given: ['LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN', '65'], want: 'must be an integer from 1 to LAYER_PROXY_MAX_CONCURRENT (64)' }],
      ['no match[] at all', { given: ['LAYER_PROXY_MAX_MATCHERS', '0'], want: 'must be an integer from 1' }],
      ['match[] bytes with a unit', { given: ['LAYER_PROXY_MAX_MATCHER_BYTES', '64k'], want: 'must be an integer from 1' }],
      ['a query length of 0', { given: ['LAYER_VM_MAX_QUERY_LEN', '0'], want: 'must be an integer from 1' }],
      ['a negative HSTS max-age', { given: ['LAYER_TLS_HSTS_MAX_AGE', '-1'], want: 'must be an integer from 0' }],
      ['a stall timeout of 0', { given: ['LAYER_PROXY_STALL_TIMEOUT_MS', '0'], want: 'must be an integer from 1 to 2147483647' }],
      ['a body timeout in seconds', { given: ['LAYER_PROXY_BODY_TIMEOUT_MS', '10s'], want: 'must be an integer from 1 to 2147483647' }],
      ['log level verbose', { given: ['LAYER_LOG_LEVEL', 'verbose'], want: 'must be one of fatal, error, warn, info, debug, trace, silent' }],
      ['a shutdown timeout in seconds', { given: ['LAYER_SHUTDOWN_TIMEOUT_MS', '10s'], want: 'must be an integer from 0 to 2147483647' }],
      ['a negative shutdown delay', { given: ['LAYER_SHUTDOWN_DELAY_MS', '-1'], want: 'must be an integer from 0 to 2147483647' }],
      ['a retention in minutes (or months?)', { given: ['LAYER_VM_RETENTION', '30m'], want: 'm is refused' }],
      ['a retention below a day', { given: ['LAYER_VM_RETENTION', '23h'], want: 'at least 1 day' }],
      ['a retention of 0 months', { given: ['LAYER_VM_RETENTION', '0'], want: 'at least 1 day' }],
      ['a retention over 1200 months', { given: ['LAYER_VM_RETENTION', '1201'], want: 'at most 1200' }],
      ['a negative retention', { given: ['LAYER_VM_RETENTION', '-1'], want: 'must be a number of months' }],
      ['a retention in seconds', { given: ['LAYER_VM_RETENTION', '86400s'], want: 'units y, w, d, h' }],
      ['a retention that is a word', { given: ['LAYER_VM_RETENTION', 'forever'], want: 'must be a number of months' }],
      ['an evaluation interval below a second', { given: ['LAYER_ALERT_EVAL_INTERVAL', '500ms'], want: 'must be from 1s to 24d' }],
      ['an evaluation interval without a unit', { given: ['LAYER_ALERT_EVAL_INTERVAL', '30'], want: 'must be a Prometheus duration' }],
      ['an Alertmanager URL without a scheme', { given: ['LAYER_ALERTMANAGER_URL', 'am:9093'], want: 'such as http://127.0.0.1:9093' }],
      ['a rules URL with a query string', { given: ['LAYER_RULES_URL', 'http://vmalert:8880/?x=1'], want: 'must not carry a query string' }],
    ];
    for (const [name, { given, want }] of cases) {
      it(`refuses ${name}, naming variable and value`, () => {
        const [variable, value] = given;
        const error = configError({ [variable]: value });
        const wantMessage = `${variable}=${JSON.stringify(value)}: `;
        assert.ok(error.message.startsWith(wantMessage), `got ${JSON.stringify(error.message)}; want it to start with ${JSON.stringify(wantMessage)}`);
        assert.ok(error.message.includes(want), `got ${JSON.stringify(error.message)}; want it to include ${JSON.stringify(want)}`);
        assert.equal(error.code, 'ERR_CONFIG', `got code ${error.code}; want ERR_CONFIG`);
        assert.equal(error.variable, variable, `got variable ${error.variable}; want ${variable}`);
        assert.equal(error.value, value, `got value ${JSON.stringify(error.value)}; want ${JSON.stringify(value)}`);
      });
    }

    // Secrets are the exception: the message names the variable and which token is wrong, never the text.
    const secrets: [string, { given: [string, string]; want: string; hidden: string }][] = [
      [
        'a short token',
        { given: ['LAYER_API_TOKENS', `${TOKEN_A},short-secret`], want: 'token 2 of 2: a token must be at least 16 characters (this one has 12)', hidden: 'short-secret' },
      ],
      [
        'a token with a space',
        { given: ['LAYER_API_TOKENS', 'secret with space inside'], want: 'token 1 of 1: a token must be printable ASCII with no whitespace', hidden: 'secret' },
      ],
      [
        'a VM URL with credentials',
        { given: ['LAYER_VM_URL', 'http://admin:hunter2hunter2@vm:8428'], want: 'must not carry credentials', hidden: 'hunter2' },
      ],
    ];
    for (const [name, { given, want, hidden }] of secrets) {
      it(`refuses ${name} without quoting the secret`, () => {
        const [variable, value] = given;
        const error = configError({ [variable]: value });
        assert.ok(error.message.startsWith(`${variable}=`), `got ${JSON.stringify(error.message)}; want it to start with ${variable}=`);
        assert.ok(error.message.includes(want), `got ${JSON.stringify(error.message)}; want it to include ${JSON.stringify(want)}`);
        const leaked = [error.message, error.value, JSON.stringify(error.problems)].filter((text) => text.includes(hidden));
        assert.deepEqual(leaked, [], `got the secret in ${JSON.stringify(leaked)}; want it nowhere`);
      });
    }

    const pairs: [string, { given: Record<string, string>; variable: string; want: string }][] = [
      [
        'both backend credentials files',
        { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_VM_BEARER_TOKEN_FILE: '/a', LAYER_VM_BASIC_AUTH_FILE: '/b' }, variable: 'LAYER_VM_BASIC_AUTH_FILE', want: 'not both' },
      ],
      ['a backend credentials file without LAYER_VM_URL', { given: { LAYER_VM_BEARER_TOKEN_FILE: '/a' }, variable: 'LAYER_VM_BEARER_TOKEN_FILE', want: 'applies to an external backend only' }],
      ['a query length for the bundled vmsingle', { given: { LAYER_VM_MAX_QUERY_LEN: '65536' }, variable: 'LAYER_VM_MAX_QUERY_LEN', want: 'applies to an external backend only' }],
      ['a TLS certificate without a key', { given: { LAYER_TLS_CERT_FILE: '/c' }, variable: 'LAYER_TLS_KEY_FILE', want: 'go together' }],
      ['an alert write URL without LAYER_VM_URL', { given: { LAYER_ALERT_WRITE_URL: 'http://vm:8428' }, variable: 'LAYER_ALERT_WRITE_URL', want: 'applies to an external backend only' }],
      [
        'an alert write URL and a rules URL',
        { given: { LAYER_VM_URL: 'http://vm:8428', LAYER_ALERT_WRITE_URL: 'http://vm:8428', LAYER_RULES_URL: 'http://vmalert:8880' }, variable: 'LAYER_RULES_URL', want: 'not both' },
      ],
      ['a TLS key without a certificate', { given: { LAYER_TLS_KEY_FILE: '/k' }, variable: 'LAYER_TLS_CERT_FILE', want: 'go together' }],
    ];
    for (const [name, { given, variable, want }] of pairs) {
      it(`refuses ${name}, naming the variable`, () => {
        const error = configError(given);
        assert.equal(error.variable, variable, `got variable ${error.variable}; want ${variable}`);
        assert.ok(error.message.startsWith(`${variable}=`) && error.message.includes(want), `got ${JSON.stringify(error.message)}; want ${variable}=... ${want}`);
      });
    }

    it('reports every problem together, one line each, in table order', () => {
      const error = configError({
        LAYER_LOG_LEVEL: 'loud',
        LAYER_GATEWAY_PORT: '80a',
        LAYER_VM_URL: 'http://vm:8428?x=1',
        LAYER_SCRAPE_INTERVAL: '0s',
      });
      const got = error.message.split('\n');
      const want = [
        'LAYER_GATEWAY_PORT="80a": must be an integer from 0 to 65535',
        'LAYER_VM_URL="http://vm:8428?x=1": must not carry a query string',
        'LAYER_SCRAPE_INTERVAL="0s": must be from 1s to 24d',
        'LAYER_LOG_LEVEL="loud": must be one of',
      ];
      assert.equal(got.length, want.length, `got ${got.length} lines ${JSON.stringify(got)}; want ${want.length}`);
      want.forEach((prefix, i) => assert.ok(got[i]!.startsWith(prefix), `line ${i + 1}: got ${JSON.stringify(got[i])}; want it to start with ${JSON.stringify(prefix)}`));
      const variables = error.problems.map((p) => p.variable);
      assert.deepEqual(variables, ['LAYER_GATEWAY_PORT', 'LAYER_VM_URL', 'LAYER_SCRAPE_INTERVAL', 'LAYER_LOG_LEVEL']);
      assert.equal(error.variable, 'LAYER_GATEWAY_PORT', `got variable ${error.variable}; want the first problem's`);
    });
  });

  it('returns a deep-frozen object', () => {
    const config = loadConfig({ LAYER_API_TOKENS: TOKEN_A, LAYER_CACHE_NAMESPACES: 'query' });
    const notFrozen = [
      ['config', config],
      ['apiTokens', config.apiTokens],
      ['cacheNamespaces', config.cacheNamespaces],
    ].filter(([, value]) => !Object.isFrozen(value));
    assert.deepEqual(notFrozen.map(([name]) => name), [], 'got these not frozen; want all frozen');
    assert.throws(() => {
      (config as Config).port = 1;
    }, TypeError);
    assert.throws(() => {
      (config.apiTokens as string[]).push('x');
    }, TypeError);
  });
});

describe('configTable', () => {
  it('lists exactly the variables loadConfig reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    loadConfig(env);
    const got = configTable.map((row) => row.variable).sort();
    const want = [...read].sort();
    assert.deepEqual(got, want, `got ${got.join(', ')}; want ${want.join(', ')}`);
  });

  it('gives the defaults loadConfig uses', () => {
    const written = Object.fromEntries(configTable.map((row) => [row.variable, row.default]));
    assert.deepEqual(loadConfig(written), loadConfig({}));
  });

  it('describes every variable', () => {
    const bare = configTable.filter((row) => row.description.trim() === '').map((row) => row.variable);
    assert.deepEqual(bare, [], `got no description for ${bare.join(', ')}; want one for each`);
  });
});

describe('describeConfig(config)', () => {
  it('replaces the tokens with their count', () => {
    const summary = describeConfig(loadConfig({ LAYER_API_TOKENS: `${TOKEN_A},${TOKEN_B}`, LAYER_VM_URL: 'http://vm:8428' }));
    const text = JSON.stringify(summary);
    assert.ok(!text.includes(TOKEN_A) && !text.includes(TOKEN_B), `got ${text}; want no token text`);
    assert.equal(summary.apiTokenCount, 2, `got apiTokenCount ${String(summary.apiTokenCount)}; want 2`);
    assert.equal(summary.vmUrl, 'http://vm:8428', `got vmUrl ${String(summary.vmUrl)}; want the URL`);
    assert.equal('apiTokens' in summary, false, 'got an apiTokens key; want none');
  });
});
