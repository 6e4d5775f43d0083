// Lives with the auth tests: redaction exists to keep API tokens out of the logs.
import assert from 'node:assert/strict';
import { REDACTED } from '../../src/pino-logger.ts';
import { captureLogger } from '../helpers/log-recorder.ts';

const SECRET = 'secret-token-0123456789';

/** A parsed JSON line, read field by field. */
type Parsed = { readonly [key: string]: Parsed };

// `want` is the path, in the written JSON line, of the value that must read [redacted].

describe('createLogger({ level, destination })', () => {
  const cases: [string, { given: Record<string, unknown>; want: string[] }][] = [
    ['req.headers.authorization', { given: { req: { headers: { authorization: `Bearer ${SECRET}` } } }, want: ['req', 'headers', 'authorization'] }],
    ['req.headers.cookie', { given: { req: { headers: { cookie: `session=${SECRET}` } } }, want: ['req', 'headers', 'cookie'] }],
    ['req.headers["proxy-authorization"]', { given: { req: { headers: { 'proxy-authorization': `Basic ${SECRET}` } } }, want: ['req', 'headers', 'proxy-authorization'] }],
    ['a top-level token', { given: { token: SECRET }, want: ['token'] }],
    ['a top-level tokens list', { given: { tokens: [SECRET] }, want: ['tokens'] }],
    ['a nested token', { given: { client: { token: SECRET } }, want: ['client', 'token'] }],
    ['a nested tokens list', { given: { store: { tokens: [SECRET] } }, want: ['store', 'tokens'] }],
    ['a config object\'s apiTokens', { given: { config: { apiTokens: [SECRET] } }, want: ['config', 'apiTokens'] }],
  ];
  for (const [name, { given, want }] of cases) {
    it(`redacts ${name}`, () => {
      const { logger, lines } = captureLogger('info');
      logger.info(given, 'request');
      assert.equal(lines.length, 1, `got ${lines.length} lines; want 1`);
      const got = want.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], JSON.parse(lines[0]!));
      assert.equal(got, REDACTED, `got ${JSON.stringify(got)}; want ${REDACTED}`);
      assert.ok(!lines[0]!.includes(SECRET), `got ${lines[0]}; want no secret`);
    });
  }

  /** The one line `log` writes through the gateway's logger, parsed, with its text. */
  function logged(log: (logger: ReturnType<typeof captureLogger>['logger']) => void): { line: Parsed; text: string } {
    const { logger, lines } = captureLogger('info');
    log(logger);
    assert.equal(lines.length, 1, `got ${lines.length} lines; want 1`);
    assert.ok(!lines[0]!.includes(SECRET), `got ${lines[0]}; want no secret`);
    return { line: JSON.parse(lines[0]!) as Parsed, text: lines[0]! };
  }

  it('puts the caller\'s credentials back once the line is written', () => {
    const client = { token: SECRET, name: 'grafana' };
    const entry = { client, route: '/v2/metrics/api/v1/query' };
    const { line } = logged((logger) => logger.info(entry, 'request'));
    assert.deepEqual(line.client, { token: REDACTED, name: 'grafana' });
    assert.equal(client.token, SECRET, 'got the caller\'s object changed; want it as it was');
    assert.deepEqual(Object.keys(entry), ['client', 'route']);
  });

  it('redacts a frozen object\'s credentials in a copy, keeping its other fields', () => {
    const config = Object.freeze({ apiTokens: [SECRET], port: 8080 });
    const { line } = logged((logger) => logger.info({ config }, 'loaded'));
    assert.deepEqual(line.config, { apiTokens: REDACTED, port: 8080 });
    assert.deepEqual(config.apiTokens, [SECRET]);
  });

  it('redacts a class instance\'s credentials and keeps its toJSON', () => {
    class Client {
      constructor(readonly token: string) {}
      toJSON() {
        return { kind: 'client', token: this.token };
      }
    }
    const { line } = logged((logger) => logger.info({ client: new Client(SECRET) }, 'request'));
    assert.deepEqual(line.client, { kind: 'client', token: REDACTED });
  });

  it('redacts an error\'s credentials, logged alone or under a key', () => {
    const alone = Object.assign(new Error('backend refused'), { token: SECRET });
    const first = logged((logger) => logger.error(alone, 'failed')).line;
    assert.equal(first.err!.token, REDACTED);
    assert.equal(first.err!.message, 'backend refused');
    assert.equal(first.err!.type, 'Error');
    const frozen = Object.freeze(Object.assign(new Error('frozen'), { tokens: [SECRET] }));
    const second = logged((logger) => logger.error({ err: frozen }, 'failed')).line;
    assert.equal(second.err!.tokens, REDACTED);
    assert.equal(second.err!.message, 'frozen');
    assert.equal(alone.token, SECRET);
  });

  it('redacts objects a format string interpolates, and a child logger\'s bindings', () => {
    const interpolated = logged((logger) => logger.info('client %j', { client: { token: SECRET } })).line;
    assert.ok(String(interpolated.msg).includes(REDACTED), `got ${interpolated.msg}; want the token redacted`);
    const child = logged((logger) => logger.child({ upstream: { token: SECRET, url: 'http://vm:8428' } }).info({ ok: true }, 'child')).line;
    assert.deepEqual(child.upstream, { token: REDACTED, url: 'http://vm:8428' });
    const grandchild = logged((logger) => logger.child({ a: 1 }).child({ store: { tokens: [SECRET] } }).info({}, 'grandchild')).line;
    assert.equal(grandchild.store!.tokens, REDACTED);
    const rebound = logged((logger) => {
      const bound = logger.child({ a: 1 });
      bound.setBindings({ store: { apiTokens: [SECRET] } });
      bound.info({}, 'rebound');
    }).line;
    assert.equal(rebound.store!.apiTokens, REDACTED);
  });

  it('writes an entry without credentials as given, own fields only', () => {
    const entry = Object.create({ inherited: { token: SECRET } }) as Record<string, unknown>;
    Object.assign(entry, { requestId: 'abc', status: '200', ms: 1.5, nested: { path: '/x' }, list: [1, 2] });
    const { line } = logged((logger) => logger.info(entry, 'request'));
    assert.deepEqual(
      { requestId: line.requestId, status: line.status, ms: line.ms, nested: line.nested, list: line.list, inherited: line.inherited },
      { requestId: 'abc', status: '200', ms: 1.5, nested: { path: '/x' }, list: [1, 2], inherited: undefined },
    );
  });

  it('keeps other headers and writes one JSON line per entry', () => {
    const { logger, lines } = captureLogger('info');
    logger.info({ req: { headers: { host: 'gateway:8080' } } }, 'request');
    const line = JSON.parse(lines[0]!) as { req: { headers: { host: string } }; msg: string; level: number };
    assert.deepEqual([line.req.headers.host, line.msg, line.level], ['gateway:8080', 'request', 30]);
    assert.ok(lines[0]!.endsWith('\n'), 'got a line without a newline; want JSON lines');
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = captureLogger('warn');
    logger.info('hidden');
    logger.warn('shown');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { msg: string }).msg), ['shown']);
  });
});
