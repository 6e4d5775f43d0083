/** Fixed datasets for comparing answers through the gateway with the backend's own, byte for byte. */
import type { OperationId } from '../../src/generated/routes.ts';

/** One request of a corpus, sent through the gateway and to the backend alike. */
export interface CorpusCase {
  name: string;
  method: 'GET' | 'POST';
  /** Under /v2/metrics/ (or the backend's root) for the query corpus, under api/v1/ for the lookups. */
  path: string;
  query: string;
  body?: string;
  headers?: Record<string, string>;
  /** The operation the gateway serves it with, whose contract the answer must satisfy. */
  op: OperationId;
}

/** The jobs and instances every dataset row is written for. */
const JOBS = ['api', 'db', 'cache'] as const;
const INSTANCES = ['a', 'b'] as const;

/**
 * Exposition lines: `samples` steps 15 s apart from `t0` (unix seconds), and at each step the lines
 * `rows` writes for every job (api, db, cache) and instance (a, b), given the step and its
 * timestamp in milliseconds.
 */
export function jobInstanceLines(t0: number, samples: number, rows: (row: { i: number; ts: number; job: string; instance: string }) => string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < samples; i++) {
    const ts = (t0 + i * 15) * 1000;
    for (const job of JOBS) for (const instance of INSTANCES) lines.push(...rows({ i, ts, job, instance }));
  }
  return lines;
}
