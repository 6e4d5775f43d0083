// A layer process embedding the metrics gateway, in plain Node (no TypeScript, no loader):
// start it, record a query and a stage count, and read both back through /metrics and through
// PromQL. Run it with the package installed: `node examples/embed.mjs`. It prints one JSON line
// with what it read and exits 0, or names what it did not see and exits 1.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startGateway } from 'layer-metrics-gateway';

const dataDir = await mkdtemp(join(tmpdir(), 'layer-embed-'));
const token = randomBytes(16).toString('hex');
const config = loadConfig({
  LAYER_GATEWAY_PORT: '0',
  LAYER_SCRAPE_INTERVAL: '1s',
  LAYER_LOG_LEVEL: 'warn',
  ...process.env,
  LAYER_DATA_DIR: dataDir,
  LAYER_API_TOKENS: token,
});

/** Polls `read` until it returns something other than undefined, for at most `ms`. */
async function until(what, read, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The value of the single series an instant query returns, or undefined while there is none. */
async function promql(gateway, query) {
  const url = `${gateway.url}/v2/metrics/query?query=${encodeURIComponent(query)}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  if (body.status !== 'success') throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.result[0]?.value[1];
}

const gateway = await startGateway(config);
let exitCode = 1;
try {
  gateway.pipeline.observeQuery({ pipeline_id: 'search', namespace: 'products', status: 'ok' }, 0.042);
  gateway.pipeline.setStageCount('pending', 7);

  const exposition = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = (prefix) => exposition.split('\n').find((l) => l.startsWith(prefix));
  const metrics = {
    query: line('layer_query_duration_seconds_count{pipeline_id="search",namespace="products",status="ok"}'),
    stage: line('layer_pipeline_stage_count{stage="pending"}'),
  };
  if (!metrics.query?.endsWith(' 1') || !metrics.stage?.endsWith(' 7')) throw new Error(`/metrics lacks the recordings: ${JSON.stringify(metrics)}`);

  const queried = {
    query: await until('query in PromQL', () => promql(gateway, 'sum(layer_query_duration_seconds_count{pipeline_id="search"})'), 60_000),
    stage: await until('stage count in PromQL', () => promql(gateway, 'sum(layer_pipeline_stage_count{stage="pending"})'), 60_000),
  };
  if (queried.query !== '1' || queried.stage !== '7') throw new Error(`PromQL answered ${JSON.stringify(queried)}; want query 1, stage 7`);
  console.log(JSON.stringify({ url: gateway.url, metrics, promql: queried }));
  exitCode = 0;
} catch (error) {
  console.error(`embed example: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await gateway.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
