/**
 * The streaming workload: many large responses sent at once through the gateway, with its RSS
 * sampled meanwhile. The gateway holds answers in memory up to LAYER_PROXY_BUFFER_BYTES each and
 * LAYER_PROXY_BUFFER_TOTAL_BYTES in all and streams the rest with backpressure, so its growth is
 * bounded by the total whatever the concurrency.
 */
import http from 'node:http';
import { readRss } from './processes.ts';

/** What one run measured. */
export interface StreamMemoryResult {
  concurrency: number;
  bodyBytes: number;
  seconds: number;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  failures: number;
}

/** Fetches `url` and counts its bytes without keeping them. */
function drain(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(120_000, () => req.destroy(new Error('timed out')));
  });
}

/** Runs `concurrency` simultaneous downloads of `url` through the gateway (pid), sampling RSS every 50 ms. */
export async function measureStreamMemory(url: string, headers: Record<string, string>, gatewayPid: number, concurrency: number): Promise<StreamMemoryResult> {
  const before = await readRss(gatewayPid);
  let peak = before.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await readRss(gatewayPid)).rss);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = Date.now();
  // A distinct timeout per download: identical requests in flight would share one answer.
  const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, (_, i) => drain(`${url}&timeout=${60 + i}s`, headers)));
  sampling = false;
  await sampler;
  const sizes = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  return {
    concurrency,
    bodyBytes: sizes[0] ?? 0,
    seconds: (Date.now() - started) / 1000,
    rssBeforeBytes: before.rss,
    rssPeakBytes: peak,
    failures: outcomes.length - sizes.length,
  };
}
