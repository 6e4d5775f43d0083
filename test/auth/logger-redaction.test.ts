// Lives with the auth tests: redaction exists to keep API tokens out of the logs.
import assert from 'node:assert/strict';
import { REDACTED } from '../../src/pino-logger.ts';
import { captureLogger } from '../helpers/log-recorder.ts';

const SECRET = 'secret-token-0123456789';

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
