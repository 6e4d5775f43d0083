import assert from 'node:assert/strict';
import type { Gateway, NamespaceState, PipelineStage, QueryLabels, ReportedCacheState } from '../../src/index.ts';
import { startSyntheticLayer, type SyntheticLayerOptions } from '../../src/demo/synthetic-layer.ts';
import { pollUntil } from '../helpers/poll-until.ts';

/** A gateway that records what the synthetic layer does to it. */
function recordingGateway(options: { cacheOwned?: boolean } = {}) {
  const queries: { labels: QueryLabels; seconds: number }[] = [];
  const stages: [PipelineStage, number][] = [];
  const reports: ReportedCacheState[] = [];
  const namespaces = new Map<string, NamespaceState>();
  const gateway: Gateway = {
    url: 'http://unused.test',
    pipeline: {
      observeQuery: (labels, seconds) => void queries.push({ labels, seconds }),
      setStageCount: (stage, count) => void stages.push([stage, count]),
    },
    cache: {
      report(state) {
        if (options.cacheOwned) throw new Error('owned');
        reports.push(state);
      },
    },
    namespaces: {
      set: (namespace, state) => void namespaces.set(namespace, state),
      delete: (namespace) => void namespaces.delete(namespace),
      list: () => [...namespaces].map(([namespace, state]) => ({ namespace, state })),
    },
    stop: () => Promise.resolve(),
  };
  return { gateway, queries, stages, reports, namespaces };
}

/** Runs the synthetic layer against `gateway` until `done()` holds (polled, with a deadline). */
async function runUntil(what: string, done: () => boolean, gateway: Gateway, options: SyntheticLayerOptions): Promise<void> {
  const layer = startSyntheticLayer(gateway, options);
  try {
    await pollUntil(what, done, 8_000, 10);
  } finally {
    layer.stop();
  }
}

const slowShare = (queries: { seconds: number }[]) => queries.filter((q) => q.seconds > 5).length / queries.length;
const FAST = { tickMs: 1, queriesPerTick: 50 };

describe('startSyntheticLayer()', function () {
  this.timeout(10_000);

  it('outside a burst fewer than 1% of queries take over 5 s (QueryP99High stays false)', async () => {
    const rec = recordingGateway();
    await runUntil('2000 queries', () => rec.queries.length > 2000, rec.gateway, { ...FAST, firstBurstAfterMs: 3_600_000 });
    assert.ok(rec.queries.length > 2000, `only ${rec.queries.length} queries`);
    assert.ok(slowShare(rec.queries) < 0.01, `${(slowShare(rec.queries) * 100).toFixed(2)}% over 5 s; want < 1%`);
    assert.deepEqual(new Set(rec.queries.map((q) => q.labels.status)), new Set(['ok', 'error', 'timeout', 'canceled']));
    assert.ok(new Set(rec.queries.map((q) => q.labels.pipeline_id)).size > 1 && new Set(rec.queries.map((q) => q.labels.namespace)).size > 1);
  });

  it('during a burst over 1% of queries take over 5 s (QueryP99High true) and pending backs up past 1000', async () => {
    const rec = recordingGateway();
    const backedUp = () => rec.stages.some(([stage, count]) => stage === 'pending' && count > 1000);
    await runUntil('2000 queries and pending past 1000', () => rec.queries.length > 2000 && backedUp(), rec.gateway, { ...FAST, firstBurstAfterMs: 0, burstMs: 3_600_000 });
    assert.ok(slowShare(rec.queries) > 0.02, `${(slowShare(rec.queries) * 100).toFixed(2)}% over 5 s; want > 2%`);
    const pending = rec.stages.filter(([stage]) => stage === 'pending').map(([, count]) => count);
    assert.ok(Math.max(...pending) > 1000, `pending peaked at ${Math.max(...pending)}`);
  });

  it('the cache connects, warms namespace by namespace, drops and reconnects', async () => {
    const rec = recordingGateway();
    const cacheTimings = { firstConnectMs: 5, warmingAfterMs: 10, warmAfterMs: 20, namespaceStaggerMs: 5, disconnectedMs: 20 };
    await runUntil('nine cache reports', () => rec.reports.length >= 9, rec.gateway, { tickMs: 50, cacheTimings, dropEveryMs: 100 });
    const cycle = ['cold', 'warming', 'warm', 'disconnected'];
    assert.deepEqual(rec.reports.slice(0, 9), ['disconnected', ...cycle, ...cycle], `got ${rec.reports.join(' ')}`);
  });

  it('leaves the cache alone when the gateway owns it, and still drives the namespaces', async () => {
    const rec = recordingGateway({ cacheOwned: true });
    let told = 0;
    await runUntil('the ownership told and a namespace set', () => told > 0 && rec.namespaces.size > 0, rec.gateway, { tickMs: 50, cacheTimings: { firstConnectMs: 5, warmingAfterMs: 10, warmAfterMs: 20, namespaceStaggerMs: 5, disconnectedMs: 20 }, onCacheOwned: () => told++ });
    assert.equal(told, 1);
    assert.ok(rec.namespaces.size > 0);
  });
});
