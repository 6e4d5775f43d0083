/**
 * `npm run demo`: the gateway (bundled vmsingle unless LAYER_VM_URL is set) with a synthetic layer
 * embedded through the public API, and a synthetic dashboard querying it. It reads the same
 * LAYER_* variables as `npm start`, but defaults the data directory to ./data-demo and the scrape
 * interval to 5s, so synthetic samples never land in the real data directory. Ctrl-C or SIGTERM
 * stops it gracefully (exit 0); an invalid variable exits 2, a failed start 1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, loadConfig, startGateway, type Config } from '../index.ts';
import { startDashboard } from './dashboard.ts';
import { startSyntheticLayer } from './synthetic-layer.ts';

/** The demo's own defaults; anything set in the environment wins. */
const DEMO_DEFAULTS = { LAYER_DATA_DIR: './data-demo', LAYER_SCRAPE_INTERVAL: '5s' };

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
      `  url:   ${gateway.url}`,
      `  token: ${token ?? '(none found: set LAYER_API_TOKENS)'}`,
      `  data:  ${config.dataDir} (synthetic only; delete it to forget the demo)`,
      `  try:   curl -H "Authorization: Bearer ${token ?? '$TOKEN'}" -G ${gateway.url}/v2/metrics/query --data-urlencode '${`query=${query}`}'`,
      `  alerts: curl -H "Authorization: Bearer ${token ?? '$TOKEN'}" ${gateway.url}/v2/metrics/api/v1/alerts   (the catalog's alerts, evaluated every ${config.alertEvalInterval})`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.error('layer gateway demo: stopping');
      layer.stop();
      dashboard?.stop();
      gateway.stop().then(
        () => resolve(0),
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

process.exitCode = await main();
