/** Writing samples straight into a vmsingle, for tests that need more data than a scrape gives. */
import assert from 'node:assert/strict';

/** The window of samples importSeries wrote, in unix seconds, and the samples per series. */
export interface ImportedWindow {
  start: number;
  end: number;
  points: number;
}

/**
 * Imports `series` series named `name` (label `series="0"`, `"1"`, ...) of samples every 15 s over
 * the last `hours` hours into the vmsingle at `vmUrl`, with `headers` (its credentials, for the
 * bundled one); returns the window.
 */
export async function importSeries(vmUrl: string, name: string, series: number, hours: number, headers: Record<string, string> = {}): Promise<ImportedWindow> {
  // A minute back from now, so that the newest sample is searchable at once.
  const end = Math.floor(Date.now() / 1000 / 15) * 15 - 60;
  const start = end - hours * 3600;
  const lines: string[] = [];
  for (let s = 0; s < series; s++) {
    const timestamps: number[] = [];
    const values: number[] = [];
    for (let t = start; t <= end; t += 15) {
      timestamps.push(t * 1000);
      values.push((s + t / 15) % 10);
    }
    lines.push(JSON.stringify({ metric: { __name__: name, series: String(s) }, values, timestamps }));
  }
  const res = await fetch(`${vmUrl}/api/v1/import`, { method: 'POST', headers, body: `${lines.join('\n')}\n` });
  assert.equal(res.status, 204, await res.text());
  return { start, end, points: (end - start) / 15 + 1 };
}
