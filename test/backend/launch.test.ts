import assert from 'node:assert/strict';
import { buildVmsingleArgs } from '../../src/backend/launch.ts';

describe('buildVmsingleArgs(options)', () => {
  it('listens on loopback only, with the given storage and retention', () => {
    assert.deepEqual(buildVmsingleArgs({ storageDataPath: '/d/vmsingle', retentionPeriod: '30d', port: 1234 }), [
      '-storageDataPath', '/d/vmsingle', '-httpListenAddr', '127.0.0.1:1234', '-retentionPeriod', '30d',
      '-search.disableCache', '-search.latencyOffset', '1s', '-envflag.enable',
    ]);
  });

  it('adds -promscrape.config when scraping', () => {
    const args = buildVmsingleArgs({ storageDataPath: '/d', retentionPeriod: '1d', port: 1, scrapeConfigPath: '/d/s.yml' });
    assert.deepEqual(args.slice(-2), ['-promscrape.config', '/d/s.yml']);
  });

  it('adds -enableTCP6 for an IPv6 scrape target', () => {
    const args = buildVmsingleArgs({ storageDataPath: '/d', retentionPeriod: '1d', port: 1, scrapeConfigPath: '/d/s.yml', enableTCP6: true });
    assert.equal(args.at(-1), '-enableTCP6');
    assert.ok(args.includes('127.0.0.1:1'), 'still listens on IPv4 loopback');
  });

  it('passes the search capacity the gateway sizes its caps by', () => {
    const args = buildVmsingleArgs({ storageDataPath: '/d', retentionPeriod: '1d', port: 1, maxConcurrentRequests: 4 });
    const at = args.indexOf('-search.maxConcurrentRequests');
    assert.ok(at >= 0, 'the flag is passed');
    assert.equal(args[at + 1], '4');
  });
});
