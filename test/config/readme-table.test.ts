import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../scripts/docs-config.ts';
import { configTable } from '../../src/config.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const README = new URL('../../README.md', import.meta.url);

function collect() {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (text: string) => void err.push(text) }, err };
}

describe('README.md configuration table (npm run docs:config)', () => {
  it('is the table src/config.ts describes', async () => {
    const { io, err } = collect();
    assert.equal(await main(['--check'], io), 0, err.join(''));
  });

  it('fails the check when a row drifts from src/config.ts, and the generator puts it back', async () => {
    const dir = await makeTempDir('docs-config');
    try {
      const copy = join(dir, 'README.md');
      const readme = await readFile(README, 'utf8');
      const row = configTable[0]!;
      await writeFile(copy, readme.replace(row.description, 'a description that drifted'));
      const { io, err } = collect();
      assert.equal(await main(['--check'], io, copy), 1);
      assert.match(err.join(''), /run `npm run docs:config`/);
      assert.equal(await main([], io, copy), 0);
      assert.equal(await readFile(copy, 'utf8'), readme);
    } finally {
      await removeTempDir(dir);
    }
  });
});
