/**
 * `npm run demo`: the gateway (bundled vmsingle unless LAYER_VM_URL is set) with a synthetic layer
 * embedded through the public API, and a synthetic dashboard querying it. It reads the same
 * LAYER_* variables as `npm start`, but defaults the data directory to ./data-demo (so synthetic
 * samples never land in the real data directory), the scrape interval to 5s, the log level to warn
 * (so the banner stays on screen; LAYER_LOG_LEVEL=info shows the access log) and the shutdown
 * grace to 0.5 s. Ctrl-C or SIGTERM stops it gracefully, saying what it stops (exit 0); a second one
 * exits at once (exit 130); an invalid variable exits 2, a failed start 1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, loadConfig, startGateway, type Config } from '../index.ts';
import { startDashboard } from './dashboard.ts';
import { startSyntheticLayer } from './synthetic-layer.ts';

/** The demo's own defaults; anything set in the environment wins. */
const DEMO_DEFAULTS = { LAYER_DATA_DIR: './data-demo', LAYER_SCRAPE_INTERVAL: '5s', LAYER_LOG_LEVEL: 'warn', LAYER_SHUTDOWN_TIMEOUT_MS: '500' };

/** A token the demo can print: the first configured one, or the one the gateway generated. */
async function tokenOf(config: Readonly<Config>): Promise<string | undefined> {
  if (config.apiTokens[0]) return config.apiTokens[0];
  const file = config.apiTokensFile ?? join(config.dataDir, 'api-token');
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
}

async function main(): Promise<number> {
  // An empty variable counts as unset, as loadConfig reads it.
  const set = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''));
  let config: Readonly<Config>;
  try {
    config = loadConfig({ ...DEMO_DEFAULTS, ...set });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`layer gateway demo: invalid configuration:\n${error.message}`);
    return 2;
  }

  let gateway;
  try {
    gateway = await startGateway(config);
  } catch (error) {
    console.error(`layer gateway demo: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const token = await tokenOf(config);
  const layer = startSyntheticLayer(gateway, {
    onCacheOwned: () => console.error('layer gateway demo: LAYER_CACHE_ADDR is set, so the cache state is the real connection\'s; the demo drives only the namespaces'),
  });
  const dashboard = token
    ? startDashboard({ url: gateway.url, token, onError: (error) => console.error(`layer gateway demo: dashboard request failed: ${error.message}`) })
    : undefined;

  const query = 'sum(layer_pipeline_stage_count{stage="pending"})';
  console.error(
    [
      '',
      'layer gateway demo: SYNTHETIC DATA. A simulated layer records made-up queries, stage counts and',
      'cache states; a simulated dashboard queries them. Nothing here comes from a real layer.',
      `  url:     ${gateway.url}`,
      `  observe: ${gateway.url}/observe  (open it in a browser; paste the token there)`,
      `  token:   ${token ?? '(none found: set LAYER_API_TOKENS)'}`,
      `  data:    ${config.dataDir} (synthetic only; delete it to forget the demo)`,
      `  logs:    at ${config.logLevel}; LAYER_LOG_LEVEL=info npm run demo shows every request`,
      `  try:     curl -H "Authorization: Bearer ${token ?? '$TOKEN'}" -G ${gateway.url}/v2/metrics/query --data-urlencode '${`query=${query}`}'`,
      `  alerts:  curl -H "Authorization: Bearer ${token ?? '$TOKEN'}" ${gateway.url}/v2/metrics/api/v1/alerts   (the catalog's alerts, evaluated every ${config.alertEvalInterval})`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) {
        console.error('layer gateway demo: stopping at once, without waiting (a second signal)');
        process.exit(130);
      }
      stopping = true;
      const started = Date.now();
      const grace = `${config.shutdownTimeoutMs / 1000} s`;
      console.error(`layer gateway demo: stopping the simulated layer and dashboard, then the gateway (in-flight requests get ${grace}) and ${config.vmUrl ? 'its connections' : 'vmalert and vmsingle'}; Ctrl-C again to quit at once`);
      layer.stop();
      dashboard?.stop();
      gateway.stop().then(
        () => {
          console.error(`layer gateway demo: stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          resolve(0);
        },
        (error: unknown) => {
          console.error(`layer gateway demo: stop failed: ${error instanceof Error ? error.message : String(error)}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

// Everything the demo started is stopped by then; idle keep-alive sockets of the simulated
// dashboard would hold the process open for seconds more, so it exits here.
process.exit(await main());
