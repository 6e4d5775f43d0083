/** The generated crash corpus (test/fixtures/crash-corpus.jsonl), labelled by the real VictoriaMetrics 1.79.5 with `npm run crash-corpus`. */
import { readFileSync } from 'node:fs';

/** One labelled query of the corpus file. */
export interface CrashCorpusEntry {
  query: string;
  /** The classes of its context and its number spelling (scripts/lib/crash-corpus/grammar.ts). */
  context: string;
  spelling: string;
  /** crash: the binary panicked; ok: it answered 2xx; error: another status (a 422 parse error). */
  label: 'crash' | 'ok' | 'error';
  /** The HTTP status, 0 for a crash. */
  status: number;
}

/** The corpus, as committed. */
export function readCrashCorpus(): CrashCorpusEntry[] {
  const text = readFileSync(new URL('../fixtures/crash-corpus.jsonl', import.meta.url), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as CrashCorpusEntry);
}
