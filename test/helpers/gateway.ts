/**
 * Starts a real gateway in-process for tests: bundled vmsingle in a temporary data directory, a
 * random port, a known token, a 1 s scrape interval and silent logs (or captured ones).
 */
import { loadConfig } from '../../src/config.ts';
import { composeGateway, type RunningGateway, type ServerOptions } from '../../src/gateway.ts';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { captureLogger } from './log-recorder.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

/** The token every test gateway accepts. */
export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** A gateway started for a test. */
export interface TestGateway {
  url: string;
  token: string;
  gateway: RunningGateway;
  dataDir: string;
  /** JSON log lines written so far, each ending in a newline (when started with captureLogs). */
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
  const dataDir = options.dataDir ?? (await makeTempDir('layer-gw'));
  const config = loadConfig({
    LAYER_GATEWAY_PORT: '0',
    LAYER_DATA_DIR: dataDir,
    LAYER_API_TOKENS: TEST_TOKEN,
    LAYER_SCRAPE_INTERVAL: '1s',
    LAYER_LOG_LEVEL: options.captureLogs ? 'debug' : 'silent',
    ...options.env,
  });
  const { logger, lines: logs } = captureLogger(config.logLevel);
  const gateway = await composeGateway(config, logger, options.server);
  return {
    url: gateway.url,
    token: TEST_TOKEN,
    gateway,
    dataDir,
    logs,
    async close() {
      await gateway.stop();
      if (!options.dataDir) await removeTempDir(dataDir);
    },
  };
}

/**
 * One gateway for the tests of the enclosing describe: started in a mocha `before` hook and stopped
 * in `after`. The returned function gives it inside the tests.
 */
export function useTestGateway(options: TestGatewayOptions = {}): () => TestGateway {
  let gw: TestGateway | undefined;
  before(async () => {
    gw = await startTestGateway(options);
  });
  after(async () => {
    await gw?.close();
  });
  return () => {
    if (!gw) throw new Error('useTestGateway: the gateway is not started outside the tests');
    return gw;
  };
}

/** A test gateway in external mode in front of a fault-injecting fake upstream. */
export interface GatewayOnFake {
  fake: FakeUpstream;
  gw: TestGateway;
  /** Stops the gateway, then the fake. */
  close(): Promise<void>;
}

/** Starts a fake upstream and a test gateway whose LAYER_VM_URL is the fake's URL followed by `path` (default: none). */
export async function startGatewayOnFake(options: TestGatewayOptions & { path?: string } = {}): Promise<GatewayOnFake> {
  const fake = await startFakeUpstream();
  try {
    const gw = await startTestGateway({ ...options, env: { LAYER_VM_URL: `${fake.url}${options.path ?? ''}`, ...options.env } });
    return {
      fake,
      gw,
      async close() {
        await gw.close();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
