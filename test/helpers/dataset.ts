/** Fixed datasets for comparing answers through the gateway with the backend's own, byte for byte. */

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
