import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { parseCpuArgs } from '../../bench/cpu-args.ts';

describe('bench:cpu arguments', () => {
  it('takes builds as NAME=DIR in order, with the defaults for everything else', () => {
    const args = parseCpuArgs(['before=../main', 'after=.']);
    assert.deepEqual(args.builds, [
      { name: 'before', dir: resolve('../main') },
      { name: 'after', dir: resolve('.') },
    ]);
    assert.deepEqual({ ...args, builds: undefined, workloads: [...args.workloads] }, { builds: undefined, rounds: 6, seconds: 4, connections: 16, processes: 1, logLevel: 'warn', workloads: ['catalog', 'small', 'metrics'] });
  });

  it('takes rounds, seconds, connections, processes and a list of workloads', () => {
    const args = parseCpuArgs(['a=.', '--rounds', '12', '--seconds', '2', '--connections', '1', '--processes', '3', '--workloads', 'small,metrics']);
    assert.deepEqual([args.rounds, args.seconds, args.connections, args.processes, [...args.workloads]], [12, 2, 1, 3, ['small', 'metrics']]);
  });

  it('takes the log level the gateways run at, and refuses one the gateway does not know', () => {
    assert.equal(parseCpuArgs(['a=.', '--log-level', 'info']).logLevel, 'info');
    assert.throws(() => parseCpuArgs(['a=.', '--log-level', 'information']), /--log-level takes one of fatal, error, warn, info, debug, trace, silent; got "information"\nusage: npm run bench:cpu/);
    assert.throws(() => parseCpuArgs(['a=.', '--log-level']), /--log-level takes one of .*; got ""/);
  });

  it('refuses a workload it does not have, naming the ones it has', () => {
    assert.throws(() => parseCpuArgs(['a=.', '--workloads', 'small,smal']), /--workloads takes a comma-separated list of catalog, small, metrics; got "small,smal"\nusage: npm run bench:cpu/);
    assert.throws(() => parseCpuArgs(['a=.', '--workloads']), /--workloads takes a comma-separated list .*; got ""/);
  });

  it('refuses counts and seconds that are not positive whole numbers', () => {
    assert.throws(() => parseCpuArgs(['a=.', '--rounds', '0']), /--rounds takes a positive whole number, got "0"/);
    assert.throws(() => parseCpuArgs(['a=.', '--processes', '1.5']), /--processes takes a positive whole number, got "1.5"/);
    assert.throws(() => parseCpuArgs(['a=.', '--connections']), /--connections takes a positive whole number, got ""/);
    assert.throws(() => parseCpuArgs(['a=.', '--seconds', '-1']), /--seconds takes a positive whole number, got "-1"/);
    assert.throws(() => parseCpuArgs(['a=.', '--seconds', '0.5']), /--seconds takes a positive whole number, got "0.5"/);
  });

  it('refuses no build, an unknown argument, and two builds of one name', () => {
    assert.throws(() => parseCpuArgs([]), /^Error: usage: npm run bench:cpu/);
    assert.throws(() => parseCpuArgs(['a=.', '--round', '3']), /unknown argument --round\nusage:/);
    assert.throws(() => parseCpuArgs(['a=.', 'a=../other']), /two builds are named "a"; give each NAME=DIR a name of its own/);
  });
});
