import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { BadRequestError, PayloadTooLargeError, RequestTimeoutError } from '../../src/errors.ts';
import { readBody } from '../../src/proxy/read-body.ts';

/** A request body stream with the given headers; the test writes and ends it. */
function request(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

function rejectsWith(kind: new (...args: never[]) => Error, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof kind, `got ${String(error)}; want a ${kind.name}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('readBody(req, limit, timeoutMs)', () => {
  it('resolves with the whole body when it fits the limit', async () => {
    const req = request();
    const body = readBody(req, 16, 5000);
    req.write('query=');
    req.end('up');
    assert.equal((await body).toString(), 'query=up');
  });

  it('resolves with an empty body at once when the stream has already ended, with no end event to come', async () => {
    const req = request();
    req.end();
    req.resume();
    await new Promise((resolve) => req.once('end', resolve));
    assert.equal((await readBody(req, 16, 1000)).length, 0);
  });

  it('rejects with a 413 when Content-Length is over the limit, before reading', async () => {
    const req = request({ 'content-length': '17' });
    await assert.rejects(readBody(req, 16, 5000), rejectsWith(PayloadTooLargeError, /larger than 16 bytes/));
  });

  it('rejects with a 413 as soon as a body without Content-Length passes the limit', async () => {
    const req = request();
    const body = readBody(req, 16, 5000);
    req.write('x'.repeat(17));
    await assert.rejects(body, rejectsWith(PayloadTooLargeError, /LAYER_PROXY_MAX_BODY_BYTES/));
  });

  it('rejects with a 408 when the body is not whole by the deadline', async () => {
    const req = request();
    const body = readBody(req, 16, 20);
    req.write('query=');
    await assert.rejects(body, rejectsWith(RequestTimeoutError, /did not arrive whole within 20 ms/));
  });

  it('rejects with a 400 when the body closes before its end', async () => {
    const req = request();
    const body = readBody(req, 16, 5000);
    req.write('query=');
    req.destroy();
    await assert.rejects(body, rejectsWith(BadRequestError, /could not be read to its end/));
  });
});
