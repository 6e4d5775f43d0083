/**
 * The fixed synthetic dataset: SERIES_COUNT series of `bench_value`, five per `group`, one sample
 * every STEP_SECONDS over the last hour, with values that depend only on the series and the
 * sample index. Only the timestamps move with the clock; the queries pin their own times.
 */

/** Series in the dataset. */
export const SERIES_COUNT = 300;
/** Series per group: the small instant query selects one group. */
export const GROUP_SIZE = 5;
/** Seconds between samples. */
export const STEP_SECONDS = 15;
/** How far back the samples go, in seconds. */
export const SPAN_SECONDS = 3600;

/** A query the workloads send: the path after the API prefix and its parameters. */
export interface BenchQuery {
  /** `query` or `query_range`. */
  endpoint: 'query' | 'query_range';
  params: Record<string, string>;
}

/** The dataset's end, aligned down to a whole step so every run sees the same sample grid. */
export function datasetEnd(nowMs: number): number {
  return Math.floor(nowMs / 1000 / STEP_SECONDS) * STEP_SECONDS;
}

/** Renders the dataset in the Prometheus text format with millisecond timestamps. */
export function renderDataset(endSeconds: number): string {
  const lines: string[] = [];
  const samples = SPAN_SECONDS / STEP_SECONDS;
  for (let s = 0; s < SERIES_COUNT; s++) {
    const labels = `bench_value{group="g${Math.floor(s / GROUP_SIZE)}",series="s${s}",instance="bench-host-${s % 7}"}`;
    for (let i = 0; i <= samples; i++) {
      const ts = (endSeconds - SPAN_SECONDS + i * STEP_SECONDS) * 1000;
      lines.push(`${labels} ${(s * 1.5 + (i % 60) * 0.25).toFixed(2)} ${ts}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The small instant query: one group, GROUP_SIZE series, at a pinned time. */
export function smallInstantQuery(endSeconds: number): BenchQuery {
  return { endpoint: 'query', params: { query: 'bench_value{group="g0"}', time: String(endSeconds) } };
}

/**
 * The ~300 KB range query: `groups` groups (5 series each) over the hour at `step` seconds.
 * 10 groups at 12 s give 50 series x 301 points.
 */
export function largeRangeQuery(endSeconds: number, groups = 10, step = 12): BenchQuery {
  const names = Array.from({ length: groups }, (_, g) => `g${g}`).join('|');
  return {
    endpoint: 'query_range',
    params: { query: `bench_value{group=~"${names}"}`, start: String(endSeconds - SPAN_SECONDS), end: String(endSeconds), step: `${step}s` },
  };
}

/** `prefix/api/v1/<endpoint>?params` with the parameters URL-encoded. */
export function queryUrl(base: string, query: BenchQuery): string {
  return `${base}/api/v1/${query.endpoint}?${new URLSearchParams(query.params).toString()}`;
}

/** Imports the dataset into vmsingle at `vmUrl` and flushes it so queries see it at once. */
export async function loadDataset(vmUrl: string, endSeconds: number): Promise<number> {
  const body = renderDataset(endSeconds);
  const imported = await fetch(`${vmUrl}/api/v1/import/prometheus`, { method: 'POST', body });
  if (!imported.ok) throw new Error(`importing the dataset into ${vmUrl}: HTTP ${imported.status} ${await imported.text()}`);
  const flushed = await fetch(`${vmUrl}/internal/force_flush`);
  if (!flushed.ok) throw new Error(`flushing vmsingle at ${vmUrl}: HTTP ${flushed.status}`);
  return body.length;
}
