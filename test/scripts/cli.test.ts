import assert from 'node:assert/strict';
import { InputError, runMain, type Io } from '../../scripts/lib/cli.ts';

function collect(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
  return io;
}

describe('runMain(main, args, io)', () => {
  it('returns the exit code main returns', async () => {
    assert.equal(await runMain(() => 1, [], collect()), 1);
  });

  it('answers an InputError with its message as one stderr line and exit 2', async () => {
    const io = collect();
    const code = await runMain(() => {
      throw new InputError('openapi.yaml: x has x-layer-validation: router; the only value is app');
    }, [], io);
    assert.equal(code, 2);
    assert.equal(io.err, 'openapi.yaml: x has x-layer-validation: router; the only value is app\n');
    assert.equal(io.out, '');
  });

  it('lets any other error through, with its stack', async () => {
    const bug = new TypeError('a bug');
    await assert.rejects(runMain(() => Promise.reject(bug), [], collect()), (error: unknown) => error === bug);
  });
});
