import assert from 'node:assert/strict';
import { tracingChannel } from 'node:diagnostics_channel';
import { pino } from 'pino';
import type { AccessEntry } from '../../src/logger.ts';
import { BatchedDestination } from '../../src/log-destination.ts';
import { createLogger } from '../../src/pino-logger.ts';
import { captureLogger } from '../helpers/log-recorder.ts';

/** `line` with its time set to 0: the two ways of writing a line read the clock at different moments. */
const timeless = (line: string) => line.replace(/^(\{"level":\d+,"time":)\d+,/, '$10,');

const ENTRY: AccessEntry = {
  requestId: '0f3a9c1d2b4e-17',
  method: 'GET',
  path: '/v2/metrics/api/v1/query',
  route: '/v2/metrics/api/v1/query',
  status: '200',
  ms: 1.3,
  tokenId: '9f86d081',
};

// Every string field is written the way pino writes strings; these are the texts where its rules
// differ: quotes and backslashes, control characters, non-ASCII, lone surrogates, and lengths
// around the point where pino stops writing a string as is.
const TEXTS = [
  '',
  '/v2/metrics/catalog/layer_http_requests_total',
  '/a"b\\c',
  '/"\\"\\\\',
  '/tab\there',
  '/nul\u0000/del\u007f',
  '/\u001f',
  '/caf\u00e9/\u00ff\u0080',
  '/snow\u2603/\ud83d\ude00',
  '/lone\ud800high',
  '/lone\udc00low',
  '/\ud800"',
  '/' + 'x'.repeat(99),
  '/' + 'x'.repeat(100),
  '/' + 'x'.repeat(98) + '"',
  '/' + 'x'.repeat(99) + '"',
  '/' + 'é'.repeat(150),
  '/' + '"'.repeat(60) + '\\'.repeat(60),
];

describe('access lines (createLogger().accessLine)', () => {
  const entries: [string, AccessEntry][] = [
    ['a passthrough request with a token', ENTRY],
    ['a request without a token', { ...ENTRY, tokenId: undefined }],
    ['a request without a method', { ...ENTRY, method: undefined }],
    ['a response cut short, a whole number of ms', { ...ENTRY, status: 'aborted', ms: 12 }],
    ['a duration of zero', { ...ENTRY, ms: 0 }],
    ['a duration that is no number', { ...ENTRY, ms: Number.NaN }],
    ['an infinite duration', { ...ENTRY, ms: Number.POSITIVE_INFINITY }],
    ['a large duration', { ...ENTRY, ms: 1234567.8 }],
    ...TEXTS.map((text, i): [string, AccessEntry] => [`path ${i} (${JSON.stringify(text.slice(0, 24))}, ${text.length} characters)`, { ...ENTRY, path: text }]),
    ...TEXTS.map((text, i): [string, AccessEntry] => [`every string field as text ${i}`, { requestId: text, method: text, path: text, route: text, status: text, ms: 0.1, tokenId: text }]),
  ];
  for (const [name, entry] of entries) {
    it(`writes what logger.info(entry, 'request') writes: ${name}`, () => {
      const { logger, lines } = captureLogger('info');
      logger.accessLine(entry);
      logger.info(entry, 'request');
      assert.equal(lines.length, 2, `got ${lines.length} lines; want 2`);
      assert.equal(timeless(lines[0]!), timeless(lines[1]!));
    });
  }

  it('keeps the bindings the logger was given after it was made', () => {
    const { logger, lines } = captureLogger('info');
    logger.setBindings({ instance: 'gw-"1"' });
    logger.accessLine(ENTRY);
    logger.info(ENTRY, 'request');
    assert.match(lines[0]!, /"instance":"gw-\\"1\\""/);
    assert.equal(timeless(lines[0]!), timeless(lines[1]!));
  });

  it('writes nothing when info is off, and follows the level as it changes', () => {
    const { logger, lines } = captureLogger('warn');
    logger.accessLine(ENTRY);
    assert.deepEqual(lines, []);
    logger.level = 'info';
    logger.accessLine(ENTRY);
    assert.equal(lines.length, 1);
    logger.level = 'silent';
    logger.accessLine(ENTRY);
    assert.equal(lines.length, 1);
  });

  it('a child logger writes its line through pino, with its own bindings and options', () => {
    const { logger, lines } = captureLogger('info');
    // pino makes a child from its parent's prototype, so it has the parent's accessLine too.
    const child = logger.child({ component: 'edge' }, { msgPrefix: '[edge] ' }) as unknown as typeof logger;
    child.accessLine(ENTRY);
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(line.component, 'edge');
    assert.equal(line.msg, '[edge] request');
    assert.equal(line.path, ENTRY.path);
  });

  it('tells the batched stdout its level, so a line after a warning still waits for its batch', () => {
    const writes: string[] = [];
    const destination = new BatchedDestination({ write: (text: string) => void writes.push(text) }, 60_000);
    const logger = createLogger({ level: 'info', destination });
    logger.warn({}, 'a warning, written at once');
    assert.equal(writes.length, 1);
    logger.accessLine(ENTRY);
    assert.equal(writes.length, 1, 'want the access line held for its batch, as an info line');
    destination.flush();
    assert.equal(writes.length, 2);
    assert.equal(JSON.parse(writes[1]!).msg, 'request');
  });

  it("goes through pino while something watches pino build its lines (its 'pino_asJson' tracing channel)", () => {
    const { logger, lines } = captureLogger('info');
    const seen: unknown[] = [];
    const watcher = { start: (message: unknown) => void seen.push(message), end() {}, asyncStart() {}, asyncEnd() {}, error() {} };
    const channel = tracingChannel('pino_asJson');
    channel.subscribe(watcher);
    try {
      logger.accessLine(ENTRY);
    } finally {
      channel.unsubscribe(watcher);
    }
    assert.equal(seen.length, 1, `got ${seen.length} traced lines; want the access line traced`);
    logger.accessLine(ENTRY);
    assert.equal(seen.length, 1);
    assert.equal(lines.length, 2);
    assert.equal(timeless(lines[0]!), timeless(lines[1]!));
  });

  it('goes through pino for a destination that reads more of pino than the level (pino.multistream)', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: pino.multistream([{ level: 'info', stream: { write: (line: string) => void lines.push(line) } }]) });
    logger.accessLine(ENTRY);
    logger.warn({ n: 1 }, 'after');
    assert.equal(lines.length, 2);
    assert.equal(JSON.parse(lines[0]!).msg, 'request');
    assert.equal(JSON.parse(lines[1]!).msg, 'after');
  });
});
