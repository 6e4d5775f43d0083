/**
 * `npm run crash-corpus [-- --binary PATH] [--out FILE] [--keep] [--holdout SEED]`: generates the crash corpus
 * (scripts/lib/crash-corpus/grammar.ts) and labels each query by the real VictoriaMetrics binary:
 * a throwaway vmsingle with no data on 127.0.0.1 gets each query on /api/v1/query, one at a time.
 * A query after which the process exits with a panic (as the gateway's supervisor tells one,
 * isPanicExit) is `crash`, and the process is started again for the next one; otherwise the
 * label is `ok` (2xx) or `error`, with the status.
 * Writes JSON lines to test/fixtures/crash-corpus.jsonl and prints the counts. With --keep, the
 * queries already in that file keep their labels and only new ones are sent. With --holdout, it
 * labels 2,500 other composed queries instead (another pseudo-random sequence), for a check of
 * the scan on queries it was not fitted to (written to --out, not committed).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../src/backend/free-port.ts';
import { launchVmsingle, type VmsingleProcess } from '../src/backend/launch.ts';
import { isPanicExit } from '../src/backend/vmsingle.ts';
import { silentLogger } from '../src/logger.ts';
import { makeTempDir, removeTempDir } from '../test/helpers/temp-dir.ts';
import { baseCorpus, composedCorpus, generateCorpus, type CorpusQuery } from './lib/crash-corpus/grammar.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** One labelled query, as stored in the corpus file. */
interface Labelled extends CorpusQuery {
  label: 'crash' | 'ok' | 'error';
  /** The HTTP status, or 0 for a crash. */
  status: number;
}

function argValue(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1] ?? fallback;
}

async function main(args: string[]): Promise<void> {
  const binary = argValue(args, '--binary', '/usr/bin/victoria-metrics');
  const out = argValue(args, '--out', join(root, 'test/fixtures/crash-corpus.jsonl'));
  const dataDir = await makeTempDir('layer-crash-corpus');
  let vm: VmsingleProcess | undefined;
  let exited = true;
  const start = async () => {
    vm = await launchVmsingle({
      binary, storageDataPath: dataDir, retentionPeriod: '1d', port: vm?.port ?? (await findFreePort()),
      startTimeoutMs: 20_000, stopTimeoutMs: 15_000, logger: silentLogger,
    });
    exited = false;
    void vm.closed.then(() => (exited = true));
    return vm;
  };

  /** Labels one query; retries once if the process died without a panic (not the query's doing). */
  async function label(query: string, attempt = 0): Promise<Pick<Labelled, 'label' | 'status'>> {
    const current = exited || !vm ? await start() : vm;
    const status = await fetch(`${current.url}/api/v1/query`, {
      method: 'POST', body: new URLSearchParams({ query, time: '1700000000' }), signal: AbortSignal.timeout(15_000),
    }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    }, () => 0);
    if (status !== 0) return { label: status < 300 ? 'ok' : 'error', status };
    const info = await Promise.race([current.closed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
    if (info !== undefined && isPanicExit(info.code, info.signal, current.output.lines())) return { label: 'crash', status: 0 };
    if (attempt > 0) throw new Error(`no answer and no panic for ${JSON.stringify(query)} (exit ${JSON.stringify(info)})`);
    if (info === undefined) await current.stop();
    return label(query, attempt + 1);
  }

  // --keep: queries already in the output file keep their labels; only new ones go to the binary.
  const kept = new Map<string, Labelled>();
  if (args.includes('--keep')) {
    const previous = await readFile(out, 'utf8').catch(() => '');
    for (const line of previous.split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as Labelled;
      kept.set(entry.query, entry);
    }
  }
  const seen = new Set<string>();
  const holdout = args.includes('--holdout') ? Number(argValue(args, '--holdout', '7')) : undefined;
  const generated = holdout === undefined ? generateCorpus() : composedCorpus(baseCorpus(), 2500, holdout);
  const corpus = generated.filter((entry) => !seen.has(entry.query) && seen.add(entry.query));
  const labelled: Labelled[] = [];
  const began = Date.now();
  try {
    for (const entry of corpus) {
      const old = kept.get(entry.query);
      labelled.push({ ...entry, ...(old ? { label: old.label, status: old.status } : await label(entry.query)) });
      if (labelled.length % 500 === 0) process.stderr.write(`${labelled.length}/${corpus.length} in ${Math.round((Date.now() - began) / 1000)} s\n`);
    }
  } finally {
    await vm?.stop();
    await removeTempDir(dataDir);
  }
  await writeFile(out, labelled.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  const count = (label: Labelled['label']) => labelled.filter((entry) => entry.label === label).length;
  process.stdout.write(`${labelled.length} queries: ${count('crash')} crash, ${count('ok')} ok, ${count('error')} error; ${Math.round((Date.now() - began) / 1000)} s; written to ${out}\n`);
}

await main(process.argv.slice(2));
