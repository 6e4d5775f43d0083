/**
 * `npm start`: the process around composeGateway. Reads the config, warns when the Node line is past
 * its end of life, starts, and handles signals: SIGTERM/SIGINT stop gracefully (once; further
 * signals are ignored while stopping), SIGHUP re-reads LAYER_API_TOKENS_FILE, the backend
 * credentials file and the TLS pair. Exit codes: 0 after a clean stop, 1 when start-up fails, 2 for
 * invalid config (a file it names that cannot be used included).
 */
import { generatedTokenMessage } from './auth/generated-token.ts';
import { ConfigError, describeConfig, loadConfig } from './config.ts';
import { StartupError } from './errors.ts';
import { composeGateway } from './gateway.ts';
import { nodeEndOfLifeWarning } from './node-support.ts';
import { createLogger } from './pino-logger.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`layer gateway: invalid configuration:\n${error.message}`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  logger.info({ config: describeConfig(config) }, 'starting');
  const endOfLife = nodeEndOfLifeWarning();
  if (endOfLife) logger.warn({ node: process.version }, endOfLife);

  let gateway;
  try {
    gateway = await composeGateway(config, logger);
  } catch (error) {
    const message = error instanceof StartupError ? error.message : String(error instanceof Error ? error.message : error);
    if (error instanceof ConfigError) {
      // A file named by the configuration (a credentials file, the TLS pair) is unusable.
      console.error(`layer gateway: invalid configuration:\n${error.message}`);
      return 2;
    }
    logger.error({ code: (error as { code?: string }).code }, `start-up failed: ${message}`);
    console.error(`layer gateway: ${message}`);
    return 1;
  }
  const running = gateway;
  if (running.tokens.generatedPath) {
    const file = running.tokens.generatedPath;
    console.error(`layer gateway: ${generatedTokenMessage(file, running.tokens.generatedNow)}, for example curl -H "Authorization: Bearer $(cat ${file})" ...`);
  }
  console.error(`layer gateway: ready on ${running.url}`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'already stopping; waiting for in-flight requests and vmsingle');
        return;
      }
      stopping = true;
      logger.info({ signal }, 'stopping: no new connections, finishing in-flight requests');
      running.stop().then(
        () => {
          logger.info('stopped');
          resolve(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'stop failed');
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('SIGHUP', () => {
      running.reload().catch((error: unknown) => logger.error({ err: error }, 'reload failed; the previous tokens, credentials and certificate stay in use'));
    });
  });
}

process.exitCode = await main();
// Timers of libraries (keep-alive agents, pino) must not keep a stopped gateway alive.
setTimeout(() => process.exit(), 200).unref();
