import assert from 'node:assert/strict';
import { isPanicExit } from '../../src/backend/vmsingle.ts';

describe('isPanicExit(code, signal, output)', () => {
  const trace = ['panic: BUG: cannot parse duration "5M": cannot parse duration "5M"', '', 'goroutine 21 [running]:', '\tnet/http/server.go:3102 +0x4db'];
  const cases: [string, number | null, string | null, string[], boolean][] = [
    ['a request handler panic, as 1.79 exits (status 1)', 1, null, trace, true],
    ['a goroutine panic, Go status 2', 2, null, trace, true],
    ['a stack so deep the panic line left the tail', 1, null, ['\tgithub.com/VictoriaMetrics/metricsql/parser.go:1370 +0xd5', 'created by net/http.(*Server).Serve', '\tnet/http/server.go:3102 +0x4db'], true],
    ['SIGKILL (an operator, the OOM killer), whatever was printed', null, 'SIGKILL', trace, false],
    ['SIGTERM', null, 'SIGTERM', [], false],
    ['a fatal start-up error', 1, null, ['2026-12-04T21:22:45.123Z\tfatal\tlib/fs: cannot acquire lock on file "flock.lock"'], false],
    ['a clean exit', 0, null, trace, false],
  ];
  for (const [name, code, signal, output, want] of cases) {
    it(`${name}: ${want}`, () => assert.equal(isPanicExit(code, signal, output), want));
  }
});
