import assert from 'node:assert/strict';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../src/errors.ts';
import { mayHaveReachedBackend, UpstreamError, type UpstreamFailure } from '../../src/proxy/upstream.ts';

describe('mayHaveReachedBackend(error)', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  const table: [string, { reason: UpstreamFailure; cause: unknown }, boolean][] = [
    ['a connection closed before any answer', { reason: 'unreachable', cause: coded('UND_ERR_SOCKET') }, true],
    ['a reset before any answer', { reason: 'unreachable', cause: coded('ECONNRESET') }, true],
    ['a failure mid-body', { reason: 'reset', cause: coded('UND_ERR_SOCKET') }, true],
    ['a refused connection', { reason: 'unreachable', cause: coded('ECONNREFUSED') }, false],
    ['no backend up (the base URL threw)', { reason: 'unreachable', cause: new Error('bundled vmsingle is not up') }, false],
    ['a timeout', { reason: 'timeout', cause: coded('UND_ERR_HEADERS_TIMEOUT') }, false],
    ['the client went away', { reason: 'aborted', cause: new Error('aborted') }, false],
  ];
  for (const [name, { reason, cause }, want] of table) {
    it(`${name} -> ${want}`, () => {
      const response = reason === 'timeout' ? new UpstreamTimeoutError(1000) : reason === 'aborted' ? null : new UpstreamUnavailableError();
      const got = mayHaveReachedBackend(new UpstreamError(reason, response, undefined, { cause }));
      assert.equal(got, want, `got ${got}; want ${want}`);
    });
  }
});
