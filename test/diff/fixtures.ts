import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { gateOf, type Change, type Contracts } from '../../scripts/lib/diff/change.ts';
import { diffContracts } from '../../scripts/lib/diff/diff-contracts.ts';

/** The base contracts every diff table starts from. */
export const BASE_OPENAPI = readFileSync(new URL('../fixtures/diff/openapi.base.yaml', import.meta.url), 'utf8');
export const BASE_CATALOG = readFileSync(new URL('../fixtures/diff/catalog.base.yaml', import.meta.url), 'utf8');

/** A text replacement: `[from, to]`. */
export type Edit = readonly [from: string, to: string];

/** Applies edits in order; each `from` must occur exactly once, so a stale edit fails loudly. */
export function edit(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, [from, to]) => {
    const count = current.split(from).length - 1;
    if (count !== 1) throw new Error(`edit ${JSON.stringify(from)} matches ${count} times; want exactly 1`);
    return current.replace(from, () => to);
  }, text);
}

/** One side of a diff as YAML text; an absent key is an absent file. */
export interface Side {
  openapi?: string;
  catalog?: string;
}

/** The base fixtures with edits applied: the head of most table rows. */
export function edited(edits: { openapi?: readonly Edit[]; catalog?: readonly Edit[] }): Side {
  return { openapi: edit(BASE_OPENAPI, edits.openapi ?? []), catalog: edit(BASE_CATALOG, edits.catalog ?? []) };
}

/** Both base fixtures unchanged. */
export const BASE: Side = { openapi: BASE_OPENAPI, catalog: BASE_CATALOG };

function parseSide(side: Side): Contracts {
  return {
    openapi: side.openapi === undefined ? undefined : parse(side.openapi),
    catalog: side.catalog === undefined ? undefined : parse(side.catalog),
  };
}

/** `breaking label_removed demo_requests_total{code}`: what a table row asserts about a change. */
export function summarize(changes: readonly Change[]): string[] {
  return changes.map((change) => `${change.classification} ${change.kind} ${change.subject}`);
}

/** A diff table row: the two sides, and the summarized changes and gate they must give. */
export type DiffCase = [name: string, { given: { base: Side; head: Side }; want: { changes: string[]; gate: 'pass' | 'fail' } }];

/** Diffs one table row's sides and asserts its changes and gate. */
export function checkDiff({ given, want }: DiffCase[1]): Change[] {
  const changes = diffContracts(parseSide(given.base), parseSide(given.head));
  const got = summarize(changes);
  assert.deepEqual(got, want.changes, `got ${JSON.stringify(got, null, 2)}; want ${JSON.stringify(want.changes, null, 2)}`);
  const gate = gateOf(changes);
  assert.equal(gate, want.gate, `got gate ${gate}; want ${want.gate}`);
  return changes;
}
