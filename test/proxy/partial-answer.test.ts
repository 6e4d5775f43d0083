import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { createPartialAnswers, HEAD_BYTES, isPartialAnswer, partialVerdict } from '../../src/proxy/partial-answer.ts';
import type { UpstreamResponse } from '../../src/proxy/upstream.ts';

// VictoriaMetrics' envelope: isPartial right after status.
const answer = (partial: boolean, series = 3) =>
  `{"status":"success","isPartial":${partial},"data":{"resultType":"vector","result":[${Array.from({ length: series }, (_, i) => `{"metric":{"__name__":"up","instance":"host-${i}"},"value":[1700000000,"1"]}`).join(',')}]}}`;

const encoders: Record<string, (b: Buffer) => Buffer> = {
  identity: (b) => b,
  gzip: (b) => zlib.gzipSync(b),
  deflate: (b) => zlib.deflateSync(b),
  // Quality 5, as web servers compress on the fly; the default 11 takes seconds on large bodies.
  br: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
};

/** Feeds `bytes` through a stream in `pieces`-byte chunks and returns what was counted and what came out. */
async function throughStream(bytes: Buffer, encoding: string, pieces: number): Promise<{ routes: string[]; out: Buffer }> {
  const routes: string[] = [];
  const partial = createPartialAnswers<string>((route) => routes.push(route));
  const body = new PassThrough();
  partial.watch('/q', { status: 200, headers: {}, body } as UpstreamResponse, encoding === 'identity' ? undefined : encoding);
  const out: Buffer[] = [];
  body.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => body.once('end', resolve));
  for (let i = 0; i < bytes.length; i += pieces) body.write(bytes.subarray(i, i + pieces));
  body.end();
  await ended;
  return { routes, out: Buffer.concat(out) };
}

describe('partial answers (src/proxy/partial-answer.ts)', () => {
  describe('isPartialAnswer(head)', () => {
    const rows: [string, { given: string; want: boolean }][] = [
      ['VictoriaMetrics partial', { given: answer(true), want: true }],
      ['VictoriaMetrics complete', { given: answer(false), want: false }],
      ['Prometheus (no field)', { given: '{"status":"success","data":{"resultType":"vector","result":[]}}', want: false }],
      ['spaces around the colon', { given: '{"status": "success", "isPartial" : true}', want: true }],
      ['a label value that says isPartial is not the field', { given: '{"status":"success","data":[{"isPartial":"true"}]}', want: false }],
      ['the field past the looked-at start does not count', { given: `{"status":"success","pad":"${'x'.repeat(HEAD_BYTES)}","isPartial":true}`, want: false }],
    ];
    for (const [name, { given, want }] of rows) {
      it(name, () => assert.equal(isPartialAnswer(Buffer.from(given)), want));
    }
  });

  describe('partialVerdict(start, contentEncoding, complete), uncompressed', () => {
    const complete = answer(false);
    const rows: [string, { given: string; done: boolean; want: boolean | undefined }][] = [
      ['a short start with no field waits for more', { given: complete.slice(0, 40), done: false, want: undefined }],
      ['a whole short answer with no field is not partial', { given: complete, done: true, want: false }],
      ['a start of HEAD_BYTES with no capital P is not partial', { given: `{"status":"success","pad":"${'x'.repeat(HEAD_BYTES)}"}`, done: false, want: false }],
      ['a capital P elsewhere is not the field', { given: '{"status":"success","data":{"Pod":"p"}}', done: true, want: false }],
      ['the field at its place is found', { given: answer(true), done: true, want: true }],
      ['a capital P only past the looked-at start does not count', { given: `{"status":"success","pad":"${'x'.repeat(HEAD_BYTES)}","isPartial":true}`, done: true, want: false }],
    ];
    for (const [name, { given, done, want }] of rows) {
      it(name, () => assert.equal(partialVerdict(Buffer.from(given), undefined, done), want));
    }
  });

  describe('watch(route, response, contentEncoding)', () => {
    for (const encoding of Object.keys(encoders)) {
      it(`counts a ${encoding} partial answer read whole, once, and not a complete one`, () => {
        const routes: string[] = [];
        const partial = createPartialAnswers<string>((route) => routes.push(route));
        const ce = encoding === 'identity' ? undefined : encoding;
        partial.watch('/a', { status: 200, headers: {}, bytes: encoders[encoding]!(Buffer.from(answer(true))) }, ce);
        partial.watch('/b', { status: 200, headers: {}, bytes: encoders[encoding]!(Buffer.from(answer(false))) }, ce);
        assert.deepEqual(routes, ['/a']);
      });

      it(`counts a streamed ${encoding} partial answer split into small chunks, and passes every byte unchanged`, async () => {
        const bytes = encoders[encoding]!(Buffer.from(answer(true, 500)));
        const got = await throughStream(bytes, encoding, 7);
        assert.deepEqual(got.routes, ['/q']);
        assert.ok(got.out.equals(bytes), 'the bytes passed on differ from the backend\'s');
        const complete = encoders[encoding]!(Buffer.from(answer(false, 500)));
        assert.deepEqual((await throughStream(complete, encoding, 4096)).routes, []);
      });
    }

    it('counts a large compressed answer that arrives as one chunk (only its start is decoded)', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const bytes = encoders[encoding]!(Buffer.from(answer(true, 60_000)));
        assert.ok(bytes.length > 64 * 1024, `the ${encoding} test body is only ${bytes.length} bytes`);
        assert.deepEqual((await throughStream(bytes, encoding, bytes.length)).routes, ['/q'], encoding);
        const routes: string[] = [];
        createPartialAnswers<string>((route) => routes.push(route)).watch('/b', { status: 200, headers: {}, bytes }, encoding);
        assert.deepEqual(routes, ['/b'], `${encoding} read whole`);
      }
    });

    it('counts a short streamed answer when it ends before HEAD_BYTES', async () => {
      assert.deepEqual((await throughStream(Buffer.from(answer(true, 0)), 'identity', 10)).routes, ['/q']);
    });

    it('counts nothing for an encoding it cannot read or a body that is not what it says', async () => {
      assert.deepEqual((await throughStream(Buffer.from(answer(true)), 'zstd', 64)).routes, []);
      assert.deepEqual((await throughStream(Buffer.from(answer(true)), 'gzip', 64)).routes, []);
    });
  });
});
