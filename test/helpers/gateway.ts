/**
 * Starts a real gateway in-process for tests: bundled vmsingle in a temporary data directory, a
 * random port, a known token, a 1 s scrape interval and silent logs (or captured ones).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { startGateway, type RunningGateway, type ServerOptions } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';

/** The token every test gateway accepts. */
export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** A gateway started for a test. */
export interface TestGateway {
  url: string;
  token: string;
  gateway: RunningGateway;
  dataDir: string;
  /** Log lines written so far (when started with captureLogs). */
  logs: string[];
  close(): Promise<void>;
}

/** Options: environment overrides, and whether to capture logs. */
export interface TestGatewayOptions {
  env?: Record<string, string>;
  captureLogs?: boolean;
  dataDir?: string;
  /** The HTTP server's test-only settings (a short headers timeout, say). (default: the gateway's) */
  server?: ServerOptions;
}

/** Starts a gateway; close() stops it and removes its data directory (unless one was given). */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'layer-gw-')));
  const config = loadConfig({
    LAYER_GATEWAY_PORT: '0',
    LAYER_DATA_DIR: dataDir,
    LAYER_API_TOKENS: TEST_TOKEN,
    LAYER_SCRAPE_INTERVAL: '1s',
    LAYER_LOG_LEVEL: options.captureLogs ? 'debug' : 'silent',
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination });
  const gateway = await startGateway(config, logger, options.server);
  return {
    url: gateway.url,
    token: TEST_TOKEN,
    gateway,
    dataDir,
    logs,
    async close() {
      await gateway.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after timeoutMs. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
