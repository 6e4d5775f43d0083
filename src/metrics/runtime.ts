/**
 * Scrape-time collectors of the process and runtime entries of catalog.yaml. They replace
 * prom-client's collectDefaultMetrics, whose families the catalog does not list (and one of which,
 * nodejs_active_handles_total, is a gauge that `promtool check metrics` flags).
 */
import { readdir } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { RegisterMetricsOptions } from './register.ts';

/** The collect hooks to pass to registerMetrics. */
export function runtimeCollectors(): NonNullable<RegisterMetricsOptions['collect']> {
  const startSeconds = Math.round((Date.now() - performance.now()) / 10) / 100;
  let lastCpuMicros = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  return {
    process_cpu_seconds_total: (handle) => {
      const { user, system } = process.cpuUsage();
      const total = user + system;
      handle.inc((total - lastCpuMicros) / 1e6);
      lastCpuMicros = total;
    },
    process_resident_memory_bytes: (handle) => handle.set(process.memoryUsage.rss()),
    process_start_time_seconds: (handle) => handle.set(startSeconds),
    process_open_fds: async (handle) => {
      // Linux only; elsewhere the gauge stays at 0 rather than failing the scrape.
      const fds = await readdir('/proc/self/fd').catch(() => []);
      handle.set(fds.length);
    },
    nodejs_eventloop_lag_seconds: (handle) => {
      handle.set(loopDelay.count > 0 ? loopDelay.percentile(99) / 1e9 : 0);
      loopDelay.reset();
    },
    // process.memoryUsage() would read the resident set size from /proc as well, for a field unused here.
    nodejs_heap_used_bytes: (handle) => handle.set(getHeapStatistics().used_heap_size),
  };
}
