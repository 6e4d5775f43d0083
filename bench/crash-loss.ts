/**
 * How many seconds of accepted samples a kill -9 of vmsingle loses: writes one sample every 10 ms
 * through /api/v1/import, kills the process, restarts it on the same data directory, and compares
 * the newest stored sample with the newest acknowledged one. Figures in docs/reliability.md.
 *
 * Usage: npx tsx bench/crash-loss.ts [runs=5] [seconds=20]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVmsingleProcess } from '../test/helpers/vmsingle-process.ts';

const runs = Number(process.argv[2] ?? 5);
const writeSeconds = Number(process.argv[3] ?? 20);

for (let run = 1; run <= runs; run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'layer-crash-loss-'));
  try {
    let vm = await startVmsingleProcess({ dataDir });
    const acked: number[] = [];
    const started = Date.now();
    while (Date.now() - started < writeSeconds * 1000) {
      const ts = Date.now();
      const line = JSON.stringify({ metric: { __name__: 'crash_loss_probe' }, values: [acked.length], timestamps: [ts] });
      const res = await fetch(`${vm.url}/api/v1/import`, { method: 'POST', body: `${line}\n` });
      if (res.status === 204) acked.push(ts);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await vm.kill();
    vm = await startVmsingleProcess({ dataDir, port: vm.port });
    const text = await (await fetch(`${vm.url}/api/v1/export?match[]=crash_loss_probe&start=${Math.floor(started / 1000) - 10}`)).text();
    await vm.stop();
    const stored = text.trim() === '' ? [] : text.trim().split('\n').flatMap((l) => (JSON.parse(l) as { timestamps: number[] }).timestamps);
    const newestStored = stored.length > 0 ? Math.max(...stored) : started;
    const lostSeconds = (acked.at(-1)! - newestStored) / 1000;
    console.log(`run ${run}: ${acked.length} acknowledged (${(acked.length / writeSeconds).toFixed(0)}/s), ${stored.length} stored, last ${lostSeconds.toFixed(2)} s lost`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
