import assert from 'node:assert/strict';
import { NODE_END_OF_LIFE, nodeEndOfLifeWarning, supportsReusePort } from '../src/node-support.ts';
import { startGatewayChild } from './helpers/child-gateway.ts';
import { TEST_TOKEN } from './helpers/gateway.ts';
import { itReturns } from './helpers/table.ts';
import { makeTempDir, removeTempDir } from './helpers/temp-dir.ts';

describe('nodeEndOfLifeWarning(version, today)', () => {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  itReturns<[string, Date], string | undefined>(
    [
      ['Node 20 on its last day is supported', { given: ['20.20.2', at('2026-04-30')], want: undefined }],
      [
        'Node 20 the day after its end of life is warned about, naming the line, the date and what to run',
        { given: ['20.20.2', at('2026-05-01')], want: 'Node 20 reached its end of life on 2026-04-30 and gets no more security fixes; run the gateway on Node 24 LTS' },
      ],
      ['a leading v is accepted', { given: ['v18.20.0', at('2026-01-01')], want: 'Node 18 reached its end of life on 2025-04-30 and gets no more security fixes; run the gateway on Node 24 LTS' }],
      ['an odd line ends early', { given: ['25.2.0', at('2026-06-02')], want: 'Node 25 reached its end of life on 2026-06-01 and gets no more security fixes; run the gateway on Node 24 LTS' }],
      ['Node 24 is supported in 2026', { given: ['24.22.3', at('2026-12-04')], want: undefined }],
      ['Node 22 is supported until April 2027', { given: ['22.23.5', at('2027-04-30')], want: undefined }],
      ['a line the table does not know gets no warning', { given: ['27.0.0', at('2030-01-01')], want: undefined }],
    ],
    ([version, today]) => nodeEndOfLifeWarning(version, today),
  );

  it('knows the lines 18 to 26, each ending on a real date', () => {
    for (let major = 18; major <= 26; major++) {
      const day = NODE_END_OF_LIFE[major];
      assert.ok(day && !Number.isNaN(Date.parse(day)), `got ${day} for Node ${major}; want a date`);
    }
  });
});

describe('supportsReusePort(version, platform)', () => {
  itReturns<[string, NodeJS.Platform], boolean>(
    [
      ['Node 20 has no reusePort', { given: ['20.20.2', 'linux'], want: false }],
      ['Node 22.11 has none', { given: ['22.11.0', 'linux'], want: false }],
      ['Node 22.12 has it', { given: ['22.12.0', 'linux'], want: true }],
      ['Node 23.0 has none', { given: ['23.0.0', 'linux'], want: false }],
      ['Node 23.1 has it', { given: ['23.1.0', 'linux'], want: true }],
      ['Node 24 and 26 have it', { given: ['26.12.1', 'linux'], want: true }],
      ['not on macOS, where SO_REUSEPORT does not spread connections', { given: ['24.0.0', 'darwin'], want: false }],
    ],
    ([version, platform]) => supportsReusePort(version, platform),
  );
});

describe('npm start on this Node', function () {
  this.timeout(60_000);

  it(`logs the end-of-life warning exactly when Node ${process.versions.node} is past its line's end of life`, async () => {
    const dataDir = await makeTempDir('layer-node-eol');
    const gateway = await startGatewayChild({ LAYER_DATA_DIR: dataDir, LAYER_API_TOKENS: TEST_TOKEN });
    try {
      const want = nodeEndOfLifeWarning();
      const logged = gateway.output().split('\n').find((line) => line.includes('reached its end of life'));
      if (want === undefined) {
        assert.equal(logged, undefined, `got ${logged}; want no warning on a supported Node`);
      } else {
        assert.ok(logged, `got no warning in ${gateway.output().slice(0, 2000)}; want ${want}`);
        const entry = JSON.parse(logged) as { level: number; msg: string; node: string };
        assert.deepEqual([entry.level, entry.msg, entry.node], [40, want, process.version], `got ${logged}; want a warn-level line with the message and the version`);
      }
    } finally {
      assert.equal((await gateway.stop()).code, 0, gateway.output().slice(-2000));
      await removeTempDir(dataDir);
    }
  });
});
