/**
 * startTestGateway with the HTTP server's test-only settings (a short headers timeout, so a slow
 * client is refused in a second rather than ten). Same defaults as test/helpers/gateway.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { startGateway, type ServerOptions } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { TEST_TOKEN, type TestGateway, type TestGatewayOptions } from './gateway.ts';

/** Starts a gateway like startTestGateway, passing `server` to startGateway. */
export async function startTestGatewayWithServer(options: TestGatewayOptions, server: ServerOptions): Promise<TestGateway> {
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
  const gateway = await startGateway(config, createLogger({ level: config.logLevel, destination }), server);
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
