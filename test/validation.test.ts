import assert from 'node:assert/strict';
import { createRequestValidator, headersCannotFail, type RequestValidator } from '../src/validation.ts';

describe('createRequestValidator()', function () {
  this.timeout(30_000);
  let validate: RequestValidator;
  before(async () => {
    validate = await createRequestValidator();
  });

  it('accepts a request with nothing to check, and any If-None-Match, on the catalog and /metrics', () => {
    assert.equal(validate('getCatalog', {}), null);
    assert.equal(validate('getCatalog', { query: {}, params: {}, headers: { 'if-none-match': '"x", W/"y"' } }), null);
    assert.equal(validate('getMetrics', { query: {}, headers: { accept: 'text/plain' } }), null);
  });

  it('still checks what a request carries: unknown query parameters, path parameters, required ones', () => {
    assert.match(String(validate('getCatalog', { query: { foo: '1' } })), /additional properties/);
    assert.match(String(validate('getCatalogEntry', { params: { name: 'bad-name' } })), /path\.name must match pattern/);
    assert.equal(validate('getCatalogEntry', { params: { name: 'layer_http_requests_total' } }), null);
    // The empty request's verdict for an operation with a required parameter is its refusal.
    assert.match(String(validate('queryInstant', {})), /query/);
    assert.match(String(validate('queryInstant', { query: {} })), /query/);
  });
});

describe('headersCannotFail(parameters)', () => {
  const ifNoneMatch = { name: 'If-None-Match', in: 'header', schema: { type: 'string' } };
  it('is true for query parameters and optional plain-string headers only', () => {
    assert.equal(headersCannotFail(undefined), true);
    assert.equal(headersCannotFail([ifNoneMatch, { name: 'q', in: 'query', required: true, schema: { type: 'string' } }]), true);
  });
  it('is false for path parameters, required or constrained headers, and cookies', () => {
    assert.equal(headersCannotFail([{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }]), false);
    assert.equal(headersCannotFail([{ ...ifNoneMatch, required: true }]), false);
    assert.equal(headersCannotFail([{ ...ifNoneMatch, schema: { type: 'string', pattern: '^"' } }]), false);
    assert.equal(headersCannotFail([{ ...ifNoneMatch, schema: { type: 'integer' } }]), false);
    assert.equal(headersCannotFail([{ name: 's', in: 'cookie', schema: { type: 'string' } }]), false);
  });
});
