/** Table tests for pure functions: one `it` per `[name, { given, want }]` row. */
import assert from 'node:assert/strict';

/** One row: what the function is given and what it must return. */
export type Row<Given, Want> = [name: string, { given: Given; want: Want }];

/** Declares one `it` per row, asserting `fn(given)` deep-equals `want`; a failure says `got X; want Y`. */
export function itReturns<Given, Want>(rows: readonly Row<Given, Want>[], fn: (given: Given) => Want): void {
  for (const [name, { given, want }] of rows) {
    it(name, () => {
      const got = fn(given);
      assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
    });
  }
}
