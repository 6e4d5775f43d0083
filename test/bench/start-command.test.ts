import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gatewayArgs, startOptions } from '../../bench/start-command.ts';

describe('the bench starts the gateway as npm start does', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'start-command-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const withStart = (start: string) => writeFile(join(dir, 'package.json'), JSON.stringify({ scripts: { start } }));

  it("runs this checkout's dist/main.js with the Node options of its start script", () => {
    const root = resolve(import.meta.dirname, '../..');
    const args = gatewayArgs(root);
    assert.equal(args.at(-1), join(root, 'dist/main.js'));
    assert.ok(args.includes('--enable-source-maps'), `${args.join(' ')}`);
    // docs/decisions.md, "`npm start` turns off V8's allocation-site pretenuring".
    assert.ok(args.includes('--no-allocation-site-pretenuring'), `${args.join(' ')}`);
  });

  it('gives the options alone, for a gateway started another way (the tests\' child)', async () => {
    await withStart('node --enable-source-maps --max-semi-space-size=16 dist/main.js --flag');
    assert.deepEqual(startOptions(dir), ['--enable-source-maps', '--max-semi-space-size=16']);
  });

  it('keeps every option, in order, and nothing after the script', async () => {
    await withStart('node --enable-source-maps --max-semi-space-size=16 dist/main.js');
    assert.deepEqual(gatewayArgs(dir), ['--enable-source-maps', '--max-semi-space-size=16', join(dir, 'dist/main.js')]);
  });

  it('refuses a start script it cannot read, naming it', async () => {
    await withStart('tsx src/main.ts');
    assert.throws(() => gatewayArgs(dir), /the start script "tsx src\/main.ts" is not "node \[options\] dist\/main.js"/);
  });
});
