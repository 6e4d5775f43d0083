import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { diffContracts } from '../../scripts/lib/diff/diff-contracts.ts';
import { summarize } from './fixtures.ts';

// The project's own contracts use every construct the diff must read (anchors, shared $refs,
// oneOf with a discriminator, tuples): compared with themselves they must give nothing.
describe('diffContracts on the project contracts', () => {
  it('finds no change between openapi.yaml + catalog.yaml and themselves', () => {
    const read = (file: string): unknown => parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    const contracts = { openapi: read('openapi.yaml'), catalog: read('catalog.yaml') };
    const got = summarize(diffContracts(contracts, structuredClone(contracts)));
    assert.deepEqual(got, [], `got ${JSON.stringify(got)}; want []`);
  });
});
