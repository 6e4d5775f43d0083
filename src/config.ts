/**
 * The gateway's configuration: the one module that reads the environment. Every default is
 * written out in DEFAULTS and goes through the same checks as a value the operator sets, every
 * problem is collected before anything is thrown, and the result is deep-frozen.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { tokenProblem } from './auth/token-format.ts';
import { CacheAddrError, parseCacheAddr } from './cache/cache-addr.ts';
import { StartupError } from './errors.ts';
import { BATCH_MS } from './log-destination.ts';
import { isHostName } from './util/host-name.ts';

/** Log levels pino accepts, most severe first. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of LOG_LEVELS. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Whether GET /metrics asks for the API token. */
export const METRICS_AUTH_MODES = ['none', 'token'] as const;

/** One of METRICS_AUTH_MODES. */
export type MetricsAuth = (typeof METRICS_AUTH_MODES)[number];

/** The gateway's settings, after validation; loadConfig returns it deep-frozen. */
export interface Config {
  /** Address to listen on. (default: 127.0.0.1) */
  host: string;
  /** Port to listen on; 0 picks any free port. (default: 8080) */
  port: number;
  /** Absolute data directory. (default: ./data, resolved against the working directory) */
  dataDir: string;
  /** External VictoriaMetrics base URL, no trailing slash. (default: unset, the bundled vmsingle) */
  vmUrl?: string;
  /** API tokens from LAYER_API_TOKENS. (default: none) */
  apiTokens: readonly string[];
  /** Absolute path of the token file, re-read on SIGHUP. (default: unset) */
  apiTokensFile?: string;
  /** Whether GET /metrics requires the API token. (default: none) */
  metricsAuth: MetricsAuth;
  /** Scrape interval as the operator wrote it, e.g. "15s". (default: 15s) */
  scrapeInterval: string;
  /** scrapeInterval in milliseconds. (default: 15000) */
  scrapeIntervalMs: number;
  /** Cache server address: host:port, [v6]:port, unix:/path or /path. (default: unset, no cache) */
  cacheAddr?: string;
  /** Cache namespaces to use. (default: none) */
  cacheNamespaces: readonly string[];
  /** Deadline of one backend request, in milliseconds. (default: 45000) */
  vmTimeoutMs: number;
  /** Longest `query` (and `match[]` value) the backend accepts, in bytes: its -search.maxQueryLen. (default: 16384) */
  vmMaxQueryLen: number;
  /** Largest request body the proxy forwards, in bytes. (default: 1048576) */
  proxyMaxBodyBytes: number;
  /** Most `match[]` values in one passthrough request. (default: 100) */
  proxyMaxMatchers: number;
  /** Most bytes of all `match[]` values of one passthrough request together. (default: 65536) */
  proxyMaxMatcherBytes: number;
  /** Most passthrough requests in flight at once. (default: 64) */
  proxyMaxConcurrent: number;
  /** Most passthrough requests in flight at once per API token. (default: the smaller of proxyMaxConcurrent / 4 and vmMaxConcurrent - 1, at least 1) */
  proxyMaxConcurrentPerToken: number;
  /** How long a passthrough request over a concurrency cap waits for a slot before its 429, in milliseconds; 0 refuses at once. (default: 10000) */
  proxyQueueTimeoutMs: number;
  /** Queries the backend runs at once (its -search.maxConcurrentRequests; passed to the bundled vmsingle). (default: bundled min(2 x CPUs, 16); external 16) */
  vmMaxConcurrent: number;
  /** Most bytes of one backend answer held in memory for its readers before it streams instead. (default: 67108864) */
  proxyBufferBytes: number;
  /** Most bytes held for all buffered answers together. (default: 268435456) */
  proxyBufferTotalBytes: number;
  /** How long a streamed response may make no write progress before it is cut, in milliseconds. (default: 30000) */
  proxyStallTimeoutMs: number;
  /** Deadline for receiving a request body, in milliseconds. (default: 10000) */
  proxyBodyTimeoutMs: number;
  /** Log level. (default: info) */
  logLevel: LogLevel;
  /** How long in-flight requests may finish after SIGTERM, in milliseconds. (default: 10000) */
  shutdownTimeoutMs: number;
  /** How long the gateway keeps accepting after SIGTERM while /readyz answers 503, in milliseconds. (default: 0) */
  shutdownDelayMs: number;
  /** The VictoriaMetrics binary to start when vmUrl is unset. (default: victoria-metrics) */
  vmBinary: string;
  /** -retentionPeriod of the bundled vmsingle, as VictoriaMetrics reads it. (default: 30d) */
  vmRetention: string;
  /** Absolute path of the file with the bearer token sent to the external backend. (default: unset) */
  vmBearerTokenFile?: string;
  /** Absolute path of the file with `user:password` sent to the external backend. (default: unset) */
  vmBasicAuthFile?: string;
  /** Absolute path of the PEM certificate chain served over TLS. (default: unset, plain HTTP) */
  tlsCertFile?: string;
  /** Absolute path of the PEM private key of tlsCertFile. (default: unset, plain HTTP) */
  tlsKeyFile?: string;
  /** The vmalert binary that evaluates the catalog's alerts. (default: vmalert) */
  vmalertBinary: string;
  /** Alert evaluation interval as the operator wrote it. (default: scrapeInterval) */
  alertEvalInterval: string;
  /** alertEvalInterval in milliseconds. (default: scrapeIntervalMs) */
  alertEvalIntervalMs: number;
  /** Alertmanager base URL vmalert notifies. (default: unset, the gateway receives the notifications itself) */
  alertmanagerUrl?: string;
  /** Remote-write base URL for ALERTS with an external backend. (default: unset) */
  alertWriteUrl?: string;
  /** Base URL of the operator's own vmalert or Prometheus rules API. (default: unset) */
  rulesUrl?: string;
  /** max-age of the Strict-Transport-Security header on HTTPS answers, in seconds; 0 sends none. (default: 31536000) */
  tlsHstsMaxAge: number;
}

// The defaults as an operator would write them; '' means unset. loadConfig parses these with the
// same code as real values, so a default can never be something the checks would refuse.
const DEFAULTS = {
  LAYER_GATEWAY_HOST: '127.0.0.1',
  LAYER_GATEWAY_PORT: '8080',
  LAYER_DATA_DIR: './data',
  LAYER_VM_URL: '',
  LAYER_API_TOKENS: '',
  LAYER_API_TOKENS_FILE: '',
  LAYER_METRICS_AUTH: 'none',
  LAYER_SCRAPE_INTERVAL: '15s',
  LAYER_CACHE_ADDR: '',
  LAYER_CACHE_NAMESPACES: '',
  LAYER_VM_TIMEOUT_MS: '45000',
  LAYER_VM_MAX_QUERY_LEN: '16384',
  LAYER_PROXY_MAX_BODY_BYTES: '1048576',
  LAYER_PROXY_MAX_MATCHERS: '100',
  LAYER_PROXY_MAX_MATCHER_BYTES: '65536',
  LAYER_PROXY_MAX_CONCURRENT: '64',
  LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN: '',
  LAYER_PROXY_QUEUE_TIMEOUT_MS: '10000',
  LAYER_PROXY_STALL_TIMEOUT_MS: '30000',
  LAYER_PROXY_BUFFER_BYTES: '67108864',
  LAYER_PROXY_BUFFER_TOTAL_BYTES: '268435456',
  LAYER_VM_MAX_CONCURRENT: '',
  LAYER_PROXY_BODY_TIMEOUT_MS: '10000',
  LAYER_LOG_LEVEL: 'info',
  LAYER_SHUTDOWN_TIMEOUT_MS: '10000',
  LAYER_SHUTDOWN_DELAY_MS: '0',
  LAYER_VM_BINARY: 'victoria-metrics',
  LAYER_VM_RETENTION: '30d',
  LAYER_VM_BEARER_TOKEN_FILE: '',
  LAYER_VM_BASIC_AUTH_FILE: '',
  LAYER_TLS_CERT_FILE: '',
  LAYER_TLS_KEY_FILE: '',
  LAYER_VMALERT_BINARY: 'vmalert',
  LAYER_ALERT_EVAL_INTERVAL: '',
  LAYER_ALERTMANAGER_URL: '',
  LAYER_ALERT_WRITE_URL: '',
  LAYER_RULES_URL: '',
  LAYER_TLS_HSTS_MAX_AGE: '31536000',
} as const;

/** The name of an environment variable the gateway reads. */
export type ConfigVariableName = keyof typeof DEFAULTS;

const DESCRIPTIONS: Record<ConfigVariableName, string> = {
  LAYER_GATEWAY_HOST: 'Address to listen on.',
  LAYER_GATEWAY_PORT: 'Port to listen on (0 to 65535; 0 picks any free port).',
  LAYER_DATA_DIR:
    'Data directory (vmsingle data, generated api-token), resolved to an absolute path; created with mode 0700 ' +
    '(an existing one that others may access is warned about, not changed).',
  LAYER_VM_URL:
    'External VictoriaMetrics URL (http or https, may carry a path such as a vmselect ' +
    '/select/0/prometheus prefix; no query string, fragment or credentials). Unset: the bundled vmsingle.',
  LAYER_API_TOKENS: 'Comma-separated API tokens, each at least 16 printable ASCII characters.',
  LAYER_API_TOKENS_FILE:
    'File with one API token per line (# comments), re-read on SIGHUP; a warning is logged when group or ' +
    'others have access to it. With neither this nor ' +
    'LAYER_API_TOKENS, a token is generated into <LAYER_DATA_DIR>/api-token.',
  LAYER_METRICS_AUTH: 'none or token: whether GET /metrics requires the API token.',
  LAYER_SCRAPE_INTERVAL: 'Scrape interval, a Prometheus duration such as 500ms, 15s or 1m (1s to 24d).',
  LAYER_CACHE_ADDR: 'Cache address: host:port, [v6]:port, unix:/absolute/path or an absolute socket path; the gateway then monitors the connection itself. Unset: no cache, or in an embedding process the state its host reports.',
  LAYER_CACHE_NAMESPACES: 'Comma-separated cache namespaces, each matching ^[A-Za-z0-9_.-]{1,128}$; the standalone server only (an embedding host sets its own).',
  LAYER_VM_TIMEOUT_MS: 'Deadline of one backend request, in milliseconds.',
  LAYER_VM_MAX_QUERY_LEN:
    "External backend only: the longest query it accepts, in bytes (its -search.maxQueryLen; 16384 is VictoriaMetrics' default). " +
    'Longer `query` and `match[]` values are refused with 400 before any other check. The bundled vmsingle runs with 16384.',
  LAYER_PROXY_MAX_BODY_BYTES: 'Largest request body the proxy forwards, in bytes.',
  LAYER_PROXY_MAX_MATCHERS: 'Most `match[]` values in one series, labels or label-values request; over it: 400.',
  LAYER_PROXY_MAX_MATCHER_BYTES: 'Most bytes of all `match[]` values of one request together; over it: 400.',
  LAYER_PROXY_MAX_CONCURRENT:
    'Most passthrough requests in flight at once; over it: a wait (LAYER_PROXY_QUEUE_TIMEOUT_MS), then 429 with Retry-After. Also the most request bodies being received at once (over it: 429 at once).',
  LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN:
    'Most passthrough requests in flight (and request bodies being received) at once for one API token, 1 to LAYER_PROXY_MAX_CONCURRENT; over it: a wait (LAYER_PROXY_QUEUE_TIMEOUT_MS), then 429 with Retry-After. Unset: the smaller of a quarter of LAYER_PROXY_MAX_CONCURRENT and LAYER_VM_MAX_CONCURRENT - 1, at least 1.',
  LAYER_PROXY_QUEUE_TIMEOUT_MS:
    'How long a passthrough request over LAYER_PROXY_MAX_CONCURRENT or its token\'s cap waits for a slot (first come, first served per token; ' +
    'at most LAYER_PROXY_MAX_CONCURRENT requests wait), in milliseconds; then 429 with Retry-After. 0: 429 at once.',
  LAYER_PROXY_STALL_TIMEOUT_MS:
    'How long a streamed answer may go without the client reading any of it before the connection is cut and the backend request aborted, in milliseconds.',
  LAYER_PROXY_BUFFER_BYTES:
    'Most bytes of one backend answer the gateway holds in memory so that the backend is done while the client still reads; a larger answer streams, paced by its reader (and cut after LAYER_PROXY_STALL_TIMEOUT_MS without reading).',
  LAYER_PROXY_BUFFER_TOTAL_BYTES: 'Most bytes held for all buffered answers together, at least LAYER_PROXY_BUFFER_BYTES; answers that do not fit stream.',
  LAYER_VM_MAX_CONCURRENT:
    "Queries the backend runs at once (its -search.maxConcurrentRequests), 1 to 1000; sets the per-token default. Bundled vmsingle: passed to it; unset: min(2 x CPUs, 16), VictoriaMetrics' own default. External backend: unset: 16.",
  LAYER_PROXY_BODY_TIMEOUT_MS: 'Deadline for receiving a request body, in milliseconds; later: 408 and the connection closed.',
  LAYER_LOG_LEVEL: `Log level: ${LOG_LEVELS.join(', ')}. JSON lines on stdout, an access line per request at info; written in batches of up to ${BATCH_MS} ms, warn and above at once.`,
  LAYER_SHUTDOWN_TIMEOUT_MS: 'How long in-flight requests may finish after SIGTERM, in milliseconds.',
  LAYER_SHUTDOWN_DELAY_MS:
    'How long the gateway keeps serving after SIGTERM, with GET /readyz answering 503, before it stops accepting, in milliseconds; ' +
    'give load balancers the time to take it out of rotation. 0: stop accepting at once.',
  LAYER_VM_BINARY: 'VictoriaMetrics binary started when LAYER_VM_URL is unset.',
  LAYER_VM_RETENTION:
    'Retention of the bundled vmsingle (-retentionPeriod): a number of months (31 days each, at most 1200) ' +
    'or a duration in units y, w, d, h such as 30d, 2w, 1y or 1d12h; at least 1 day.',
  LAYER_VM_BEARER_TOKEN_FILE:
    'File with the bearer token sent as Authorization to LAYER_VM_URL (one line), re-read on SIGHUP. ' +
    'Not with LAYER_VM_BASIC_AUTH_FILE.',
  LAYER_VM_BASIC_AUTH_FILE:
    'File with user:password (one line) sent as HTTP Basic auth to LAYER_VM_URL, re-read on SIGHUP. ' +
    'Not with LAYER_VM_BEARER_TOKEN_FILE.',
  LAYER_TLS_CERT_FILE:
    'PEM certificate (chain) to serve HTTPS on the same port (TLS 1.2+), re-read on SIGHUP. Needs LAYER_TLS_KEY_FILE.',
  LAYER_TLS_KEY_FILE: 'PEM private key of LAYER_TLS_CERT_FILE. Needs LAYER_TLS_CERT_FILE.',
  LAYER_VMALERT_BINARY:
    'vmalert binary that evaluates the catalog\'s alerts: with the bundled vmsingle, or with LAYER_VM_URL and LAYER_ALERT_WRITE_URL.',
  LAYER_ALERT_EVAL_INTERVAL: 'How often vmalert evaluates the alerts, a duration like LAYER_SCRAPE_INTERVAL (1s to 24d). Unset: LAYER_SCRAPE_INTERVAL.',
  LAYER_ALERTMANAGER_URL:
    'Alertmanager base URL (http or https) vmalert sends firing and resolved alerts to (POST /api/v2/alerts). ' +
    'Unset: the gateway receives them itself on a loopback-only, authenticated port and logs them.',
  LAYER_ALERT_WRITE_URL:
    'With LAYER_VM_URL: base URL vmalert remote-writes ALERTS and ALERTS_FOR_STATE to (/api/v1/write is appended), ' +
    'such as http://vminsert:8480/insert/0/prometheus; the gateway then runs vmalert against the external backend. ' +
    'Unset with LAYER_VM_URL and no LAYER_RULES_URL: no alert evaluation.',
  LAYER_RULES_URL:
    'Base URL of your own vmalert or Prometheus (its /api/v1/rules and /api/v1/alerts); the gateway serves those ' +
    'through /v2/metrics/api/v1/rules and /alerts and runs no vmalert of its own. Not with LAYER_ALERT_WRITE_URL.',
  LAYER_TLS_HSTS_MAX_AGE: 'max-age of the Strict-Transport-Security header sent on HTTPS answers, in seconds; 0 sends no header.',
};

/** One row of the configuration table in the README (`npm run docs:config` writes it). */
export interface ConfigVariable {
  variable: ConfigVariableName;
  /** The default as it would be written in the environment; '' when the variable is unset by default. */
  default: string;
  description: string;
}

/** Every variable loadConfig reads, in README order: the source of README's table (scripts/docs-config.ts). */
export const configTable: readonly Readonly<ConfigVariable>[] = Object.freeze(
  (Object.keys(DEFAULTS) as ConfigVariableName[]).map((variable) =>
    Object.freeze({ variable, default: DEFAULTS[variable], description: DESCRIPTIONS[variable] }),
  ),
);

/** One refused value. */
export interface ConfigProblem {
  variable: ConfigVariableName;
  /** The value as given, or '[redacted]' for secrets. */
  value: string;
  /** One line naming the variable, the value and what is allowed. */
  message: string;
}

/** Thrown by loadConfig with every refused value; variable and value are those of the first. */
export class ConfigError extends StartupError {
  override name = 'ConfigError';
  declare readonly code: 'ERR_CONFIG';
  readonly variable: ConfigVariableName;
  readonly value: string;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super('ERR_CONFIG', problems.map((p) => p.message).join('\n'));
    const first = problems[0];
    if (!first) throw new TypeError('ConfigError needs at least one problem');
    this.variable = first.variable;
    this.value = first.value;
    this.problems = Object.freeze([...problems]);
  }
}

// Thrown by the parsers below and caught by loadConfig, which turns it into a ConfigProblem.
// `shown` replaces the value in the message when the value holds a secret.
class Refusal {
  constructor(
    readonly allowed: string,
    readonly shown?: string,
  ) {}
}

const MAX_TIMER_MS = 2_147_483_647; // setTimeout fires at once for longer delays (Node docs)

/** Reads and checks the gateway's configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const problems: ConfigProblem[] = [];

  function field<T>(variable: ConfigVariableName, parse: (raw: string) => T): T {
    const given = env[variable];
    // An empty value counts as unset: `VAR=` is how compose files and shells write "not set".
    const raw = given === undefined || given === '' ? DEFAULTS[variable] : given;
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const value = error.shown ?? raw;
      const shown = error.shown ?? JSON.stringify(raw);
      problems.push({ variable, value, message: `${variable}=${shown}: ${error.allowed}` });
      // The default always parses; returning it keeps the types total. The result is thrown away.
      return parse(DEFAULTS[variable]);
    }
  }

  // Read in table order, so problems are reported in the order the README lists the variables.
  const host = field('LAYER_GATEWAY_HOST', parseHost);
  const port = field('LAYER_GATEWAY_PORT', integer(0, 65535));
  const dataDir = field('LAYER_DATA_DIR', parsePath);
  const vmUrl = field('LAYER_VM_URL', parseVmUrl);
  const apiTokens = field('LAYER_API_TOKENS', parseTokens);
  const apiTokensFile = field('LAYER_API_TOKENS_FILE', optionalPath);
  const metricsAuth = field('LAYER_METRICS_AUTH', oneOf(METRICS_AUTH_MODES));
  const scrape = field('LAYER_SCRAPE_INTERVAL', parseScrapeInterval);
  const cacheAddr = field('LAYER_CACHE_ADDR', checkCacheAddr);
  const cacheNamespaces = field('LAYER_CACHE_NAMESPACES', parseNamespaces);
  const vmTimeoutMs = field('LAYER_VM_TIMEOUT_MS', integer(1, MAX_TIMER_MS));
  const vmMaxQueryLen = field('LAYER_VM_MAX_QUERY_LEN', integer(1, Number.MAX_SAFE_INTEGER));
  const proxyMaxBodyBytes = field('LAYER_PROXY_MAX_BODY_BYTES', integer(1, Number.MAX_SAFE_INTEGER));
  const proxyMaxMatchers = field('LAYER_PROXY_MAX_MATCHERS', integer(1, Number.MAX_SAFE_INTEGER));
  const proxyMaxMatcherBytes = field('LAYER_PROXY_MAX_MATCHER_BYTES', integer(1, Number.MAX_SAFE_INTEGER));
  const proxyMaxConcurrent = field('LAYER_PROXY_MAX_CONCURRENT', integer(1, Number.MAX_SAFE_INTEGER));
  const vmMaxConcurrent = field('LAYER_VM_MAX_CONCURRENT', (raw) => {
    if (raw === '') return vmUrl === undefined ? Math.min(2 * availableParallelism(), 16) : 16;
    return integer(1, 1000)(raw);
  });
  const proxyMaxConcurrentPerToken = field('LAYER_PROXY_MAX_CONCURRENT_PER_TOKEN', (raw) => {
    if (raw === '') return Math.max(1, Math.min(Math.floor(proxyMaxConcurrent / 4), vmMaxConcurrent - 1));
    const n = Number(raw);
    if (!/^[0-9]+$/.test(raw) || n < 1 || n > proxyMaxConcurrent) {
      throw new Refusal(`must be an integer from 1 to LAYER_PROXY_MAX_CONCURRENT (${proxyMaxConcurrent})`);
    }
    return n;
  });
  const proxyQueueTimeoutMs = field('LAYER_PROXY_QUEUE_TIMEOUT_MS', integer(0, MAX_TIMER_MS));
  const proxyStallTimeoutMs = field('LAYER_PROXY_STALL_TIMEOUT_MS', integer(1, MAX_TIMER_MS));
  const proxyBufferBytes = field('LAYER_PROXY_BUFFER_BYTES', integer(0, Number.MAX_SAFE_INTEGER));
  const proxyBufferTotalBytes = field('LAYER_PROXY_BUFFER_TOTAL_BYTES', (raw) => {
    const n = integer(0, Number.MAX_SAFE_INTEGER)(raw);
    if (n < proxyBufferBytes) throw new Refusal(`must be at least LAYER_PROXY_BUFFER_BYTES (${proxyBufferBytes}); lower that, or raise this`);
    return n;
  });
  const proxyBodyTimeoutMs = field('LAYER_PROXY_BODY_TIMEOUT_MS', integer(1, MAX_TIMER_MS));
  const logLevel = field('LAYER_LOG_LEVEL', oneOf(LOG_LEVELS));
  const shutdownTimeoutMs = field('LAYER_SHUTDOWN_TIMEOUT_MS', integer(0, MAX_TIMER_MS));
  const shutdownDelayMs = field('LAYER_SHUTDOWN_DELAY_MS', integer(0, MAX_TIMER_MS));
  const vmBinary = field('LAYER_VM_BINARY', (raw) => raw);
  const vmRetention = field('LAYER_VM_RETENTION', parseRetention);
  const vmBearerTokenFile = field('LAYER_VM_BEARER_TOKEN_FILE', optionalPath);
  const vmBasicAuthFile = field('LAYER_VM_BASIC_AUTH_FILE', optionalPath);
  const tlsCertFile = field('LAYER_TLS_CERT_FILE', optionalPath);
  const tlsKeyFile = field('LAYER_TLS_KEY_FILE', optionalPath);
  const vmalertBinary = field('LAYER_VMALERT_BINARY', (raw) => raw);
  const alertEval = field('LAYER_ALERT_EVAL_INTERVAL', (raw) => (raw === '' ? scrape : parseScrapeInterval(raw)));
  const alertmanagerUrl = field('LAYER_ALERTMANAGER_URL', (raw) => parseBaseUrl(raw, 'such as http://127.0.0.1:9093'));
  const alertWriteUrl = field('LAYER_ALERT_WRITE_URL', (raw) => parseBaseUrl(raw, 'such as http://127.0.0.1:8428 or http://vminsert:8480/insert/0/prometheus'));
  const rulesUrl = field('LAYER_RULES_URL', (raw) => parseBaseUrl(raw, 'such as http://127.0.0.1:8880 (vmalert) or http://127.0.0.1:9090 (Prometheus)'));
  const tlsHstsMaxAge = field('LAYER_TLS_HSTS_MAX_AGE', integer(0, Number.MAX_SAFE_INTEGER));
  // Settings that are only valid together (or never together).
  const pairProblem = (variable: ConfigVariableName, allowed: string) =>
    problems.push({ variable, value: env[variable] ?? '', message: `${variable}=${JSON.stringify(env[variable] ?? '')}: ${allowed}` });
  if (vmBearerTokenFile !== undefined && vmBasicAuthFile !== undefined) {
    pairProblem('LAYER_VM_BASIC_AUTH_FILE', 'set LAYER_VM_BEARER_TOKEN_FILE or LAYER_VM_BASIC_AUTH_FILE, not both');
  }
  const authFile = vmBearerTokenFile !== undefined ? 'LAYER_VM_BEARER_TOKEN_FILE' : vmBasicAuthFile !== undefined ? 'LAYER_VM_BASIC_AUTH_FILE' : undefined;
  if (vmUrl === undefined && authFile !== undefined) {
    pairProblem(authFile, 'applies to an external backend only: set LAYER_VM_URL too, or unset this (the bundled vmsingle gets credentials of its own)');
  }
  // The bundled vmsingle's limit is the one its launcher gives it; another value would be untrue.
  if (vmUrl === undefined && String(vmMaxQueryLen) !== DEFAULTS.LAYER_VM_MAX_QUERY_LEN) {
    pairProblem('LAYER_VM_MAX_QUERY_LEN', `applies to an external backend only: set LAYER_VM_URL too, or unset this (the bundled vmsingle runs with -search.maxQueryLen=${DEFAULTS.LAYER_VM_MAX_QUERY_LEN})`);
  }
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    pairProblem(tlsCertFile === undefined ? 'LAYER_TLS_CERT_FILE' : 'LAYER_TLS_KEY_FILE', 'LAYER_TLS_CERT_FILE and LAYER_TLS_KEY_FILE go together: set both (HTTPS) or neither (plain HTTP)');
  }
  if (alertWriteUrl !== undefined && vmUrl === undefined) {
    pairProblem('LAYER_ALERT_WRITE_URL', 'applies to an external backend only: set LAYER_VM_URL too, or unset this (the bundled vmalert writes to the bundled vmsingle)');
  }
  if (alertWriteUrl !== undefined && rulesUrl !== undefined) {
    pairProblem('LAYER_RULES_URL', 'set LAYER_ALERT_WRITE_URL (the gateway runs vmalert) or LAYER_RULES_URL (your own rule engine), not both');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({
    host,
    port,
    dataDir,
    // Unset optional settings are left out rather than present as undefined, so a logged or
    // compared config shows only what is set.
    ...(vmUrl === undefined ? {} : { vmUrl }),
    apiTokens,
    ...(apiTokensFile === undefined ? {} : { apiTokensFile }),
    metricsAuth,
    scrapeInterval: scrape.text,
    scrapeIntervalMs: scrape.ms,
    ...(cacheAddr === undefined ? {} : { cacheAddr }),
    cacheNamespaces,
    vmTimeoutMs,
    vmMaxQueryLen,
    proxyMaxBodyBytes,
    proxyMaxMatchers,
    proxyMaxMatcherBytes,
    proxyMaxConcurrent,
    proxyMaxConcurrentPerToken,
    proxyQueueTimeoutMs,
    vmMaxConcurrent,
    proxyBufferBytes,
    proxyBufferTotalBytes,
    proxyStallTimeoutMs,
    proxyBodyTimeoutMs,
    logLevel,
    shutdownTimeoutMs,
    shutdownDelayMs,
    vmBinary,
    vmRetention,
    ...(vmBearerTokenFile === undefined ? {} : { vmBearerTokenFile }),
    ...(vmBasicAuthFile === undefined ? {} : { vmBasicAuthFile }),
    ...(tlsCertFile === undefined ? {} : { tlsCertFile }),
    ...(tlsKeyFile === undefined ? {} : { tlsKeyFile }),
    vmalertBinary,
    alertEvalInterval: alertEval.text,
    alertEvalIntervalMs: alertEval.ms,
    ...(alertmanagerUrl === undefined ? {} : { alertmanagerUrl }),
    ...(alertWriteUrl === undefined ? {} : { alertWriteUrl }),
    ...(rulesUrl === undefined ? {} : { rulesUrl }),
    tlsHstsMaxAge,
  } satisfies Config);
}

/** The config as safe to log: everything but the tokens, which are replaced by their count. */
export function describeConfig(config: Readonly<Config>): Record<string, unknown> {
  const { apiTokens, ...rest } = config;
  return { ...rest, cacheNamespaces: [...rest.cacheNamespaces], apiTokenCount: apiTokens.length };
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  }
  return Object.freeze(value);
}

function integer(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!/^[0-9]+$/.test(raw) || n < min || n > max) {
      throw new Refusal(`must be an integer from ${min} to ${max}`);
    }
    return n;
  };
}

function oneOf<T extends string>(allowed: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(allowed as readonly string[]).includes(raw)) throw new Refusal(`must be one of ${allowed.join(', ')}`);
    return raw as T;
  };
}

function parseHost(raw: string): string {
  if (!isHostName(raw)) {
    throw new Refusal('must be an IP address or host name without port or brackets, such as 127.0.0.1, 0.0.0.0 or ::');
  }
  return raw;
}

function parsePath(raw: string): string {
  if (raw.includes('\0')) throw new Refusal('must be a path without NUL characters');
  return path.resolve(raw);
}

function optionalPath(raw: string): string | undefined {
  return raw === '' ? undefined : parsePath(raw);
}

const VM_URL_EXAMPLE = 'such as http://127.0.0.1:8428 or http://vmselect:8481/select/0/prometheus';

function parseVmUrl(raw: string): string | undefined {
  return parseBaseUrl(raw, VM_URL_EXAMPLE);
}

/** An absolute http(s) base URL without credentials, query or fragment, trailing slashes cut; '' is unset. */
function parseBaseUrl(raw: string, example: string): string | undefined {
  if (raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(`must be an absolute http:// or https:// URL ${example}`);
  }
  // Insist on the `//` form: WHATWG URL also accepts `http:vm:8428`, which reads like a typo.
  if (!/^https?:\/\//i.test(raw) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Refusal(`must be an absolute http:// or https:// URL ${example}`);
  }
  if (url.username !== '' || url.password !== '') {
    const shown = JSON.stringify(raw.replace(/\/\/[^/?#]*@/, '//[redacted]@'));
    throw new Refusal('must not carry credentials (user:password@): they would end up in logs', shown);
  }
  // The raw text, not url.search: `http://vm/?` has an empty search but still a query string.
  if (raw.includes('?')) {
    throw new Refusal(`must not carry a query string: the gateway appends its own; give the base URL ${example}`);
  }
  if (raw.includes('#')) throw new Refusal(`must not carry a fragment (#...); give the base URL ${example}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseTokens(raw: string): string[] {
  const tokens = splitList(raw);
  // Name bad tokens by position and length only: this message is printed and logged at startup.
  const bad = tokens.flatMap((token, i) => {
    const problem = tokenProblem(token);
    return problem === undefined ? [] : [`token ${i + 1} of ${tokens.length}: ${problem}`];
  });
  if (bad.length > 0) throw new Refusal(bad.join('; '), '[redacted]');
  return tokens;
}

/** What a cache namespace name may be: LAYER_CACHE_NAMESPACES entries and names an embedding host sets. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

function parseNamespaces(raw: string): string[] {
  const names = splitList(raw);
  const bad = names.filter((name) => !NAMESPACE_PATTERN.test(name));
  if (bad.length > 0) {
    throw new Refusal(`${bad.map((name) => JSON.stringify(name)).join(', ')}: each namespace must match ${NAMESPACE_PATTERN.source}`);
  }
  return names;
}

const CACHE_ADDR_ALLOWED = 'must be host:port (port 1 to 65535), [ipv6]:port, unix:/path/to/socket or an absolute socket path';

function checkCacheAddr(raw: string): string | undefined {
  if (raw === '') return undefined;
  try {
    parseCacheAddr(raw);
  } catch (error) {
    if (error instanceof CacheAddrError) throw new Refusal(`${CACHE_ADDR_ALLOWED}; the address ${error.reason}`);
    throw error;
  }
  return raw;
}

// Prometheus's duration syntax (common/model ParseDuration): units largest first, each at most once.
const DURATION = /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
const MIN_SCRAPE_MS = 1000;
const MAX_SCRAPE_MS = 24 * 86_400_000; // below setTimeout's limit, so timers can use it as is

function parseScrapeInterval(raw: string): { text: string; ms: number } {
  const match = raw === '' ? null : DURATION.exec(raw);
  if (!match) {
    throw new Refusal('must be a Prometheus duration such as 15s, 1m or 1m30s (units y, w, d, h, m, s, ms, largest first)');
  }
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const count = match[i + 1];
    if (count !== undefined) ms += Number(count) * UNIT_MS[i]!;
  }
  if (ms < MIN_SCRAPE_MS || ms > MAX_SCRAPE_MS) throw new Refusal('must be from 1s to 24d');
  return { text: raw, ms };
}

// VictoriaMetrics 1.79's -retentionPeriod (lib/flagutil/duration.go, checked against the binary):
// a bare number is months of 31 days, at most 1200; otherwise metricsql durations, where `m` is
// refused as ambiguous (minutes or months). vmstorage then refuses less than a day at start-up.
// Units here are the ones a retention needs: y (365 days), w, d, h.
const RETENTION_DURATION = /^(?:[0-9]+(?:\.[0-9]+)?[ywdh])+$/i;
const RETENTION_PART = /([0-9]+(?:\.[0-9]+)?)([ywdh])/gi;
const RETENTION_UNIT_HOURS: Record<string, number> = { y: 365 * 24, w: 7 * 24, d: 24, h: 1 };
const MONTH_HOURS = 31 * 24;
const RETENTION_ALLOWED =
  'must be a number of months (at most 1200) or a duration in units y, w, d, h such as 30d, 2w, 1y or 1d12h, at least 1 day ' +
  '(m is refused: VictoriaMetrics cannot tell minutes from months)';

function parseRetention(raw: string): string {
  let hours: number;
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(raw)) {
    const months = Number(raw);
    if (months > 1200) throw new Refusal(RETENTION_ALLOWED);
    hours = months * MONTH_HOURS;
  } else if (RETENTION_DURATION.test(raw)) {
    hours = 0;
    for (const [, count, unit] of raw.matchAll(RETENTION_PART)) hours += Number(count) * RETENTION_UNIT_HOURS[unit!.toLowerCase()]!;
    if (hours > 1200 * MONTH_HOURS) throw new Refusal(RETENTION_ALLOWED);
  } else {
    throw new Refusal(RETENTION_ALLOWED);
  }
  if (hours < 24) throw new Refusal(RETENTION_ALLOWED);
  return raw;
}
