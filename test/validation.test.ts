import assert from 'node:assert/strict';
import { createRequestValidator, fitsPlainLists, fitsPlainQuery, headersCannotFail, plainQueryOf, type RequestValidator } from '../src/validation.ts';

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

  it('judges plain-string query parameters without ajv only when the schema could not refuse them', () => {
    assert.equal(validate('queryInstant', { query: { query: 'up', time: '1', timeout: '' } }), null);
    assert.equal(validate('queryRange', { query: { query: 'up', start: '1', step: '15s' } }), null);
    // Each of these is for the schema to judge, and it refuses it.
    assert.match(String(validate('queryInstant', { query: { query: 'up', limit: 'x' } })), /limit must match pattern/);
    assert.match(String(validate('queryInstant', { query: { query: 'up', nope: '1' } })), /additional properties/);
    assert.match(String(validate('queryInstant', { query: { time: '1' } })), /query/);
    assert.match(String(validate('queryInstant', { query: { query: ['a', 'b'] } })), /query must be string/);
    assert.match(String(validate('queryRange', { query: { query: 'up', start: '1' } })), /step/);
    assert.match(String(validate('getCatalog', { query: { foo: '1' } })), /additional properties/);
  });

  it('says from parameter lists when a query needs no schema, and never for one the schema refuses', () => {
    const lists = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
    assert.equal(validate.fitsPlainLists?.('queryInstant', lists({ query: ['up'], time: ['1'] })), true);
    assert.equal(validate.fitsPlainLists?.('queryRange', lists({ query: ['up'], start: ['1'], step: ['15s'] })), true);
    const forTheSchema: [Parameters<RequestValidator>[0], Record<string, string[]>][] = [
      ['queryInstant', { query: ['up'], limit: ['x'] }],
      ['queryInstant', { query: ['up'], nope: ['1'] }],
      ['queryInstant', { time: ['1'] }],
      ['queryInstant', { query: ['a', 'b'] }],
      ['queryInstant', {}],
      ['queryRange', { query: ['up'], start: ['1'] }],
      ['getCatalog', { foo: ['1'] }],
      ['getCatalogEntry', {}],
    ];
    for (const [operationId, entries] of forTheSchema) {
      assert.equal(validate.fitsPlainLists?.(operationId, lists(entries)), false, `${operationId} ${JSON.stringify(entries)}`);
    }
  });
});

describe('plainQueryOf(parameters) and fitsPlainQuery(query, plain)', () => {
  const q = (name: string, schema: Record<string, unknown>, required = false) => ({ name, in: 'query', required, schema });
  it('knows the plain-string query parameters and the required ones', () => {
    const plain = plainQueryOf([q('query', { type: 'string' }, true), q('limit', { type: 'string', pattern: '^[0-9]+$' }), q('match[]', { type: 'array', items: { type: 'string' } })]);
    assert.deepEqual(plain && { plain: [...plain.plain], required: plain.required }, { plain: ['query'], required: ['query'] });
    assert.equal(fitsPlainQuery({ query: 'x' }, plain!), true);
    assert.equal(fitsPlainQuery({ query: 'x', limit: '1' }, plain!), false);
    assert.equal(fitsPlainQuery({ query: ['x'] }, plain!), false);
    assert.equal(fitsPlainQuery({}, plain!), false);
    assert.equal(fitsPlainLists(new Map([['query', ['x']]]), plain!), true);
    assert.equal(fitsPlainLists(new Map([['query', ['x']], ['limit', ['1']]]), plain!), false);
    assert.equal(fitsPlainLists(new Map([['query', ['x', 'y']]]), plain!), false);
    assert.equal(fitsPlainLists(new Map(), plain!), false);
  });
  it('is undefined for an operation with path parameters or headers a value could fail', () => {
    assert.equal(plainQueryOf([{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }]), undefined);
    assert.equal(plainQueryOf([{ name: 'If-None-Match', in: 'header', schema: { type: 'string', pattern: '^"' } }]), undefined);
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
