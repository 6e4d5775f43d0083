import assert from 'node:assert/strict';
import { createOutputTail } from '../../src/backend/output-tail.ts';

describe('createOutputTail(max, onLine)', () => {
  const cases: [string, { max: number; chunks: string[]; want: string[]; wantSeen: string[] }][] = [
    ['splits chunks into lines', { max: 5, chunks: ['a\nb\n'], want: ['a', 'b'], wantSeen: ['a', 'b'] }],
    ['joins a line split across chunks', { max: 5, chunks: ['he', 'llo\nwor', 'ld\n'], want: ['hello', 'world'], wantSeen: ['hello', 'world'] }],
    ['keeps only the last max lines', { max: 2, chunks: ['1\n2\n3\n4\n'], want: ['3', '4'], wantSeen: ['1', '2', '3', '4'] }],
    ['shows a pending partial line without reporting it', { max: 5, chunks: ['a\nfatal: no newl'], want: ['a', 'fatal: no newl'], wantSeen: ['a'] }],
    ['skips empty lines', { max: 5, chunks: ['\n\na\n\n'], want: ['a'], wantSeen: ['a'] }],
  ];
  for (const [name, { max, chunks, want, wantSeen }] of cases) {
    it(name, () => {
      const seen: string[] = [];
      const tail = createOutputTail(max, (line) => seen.push(line));
      for (const chunk of chunks) tail.push(chunk);
      assert.deepEqual(tail.lines(), want, `got ${JSON.stringify(tail.lines())}; want ${JSON.stringify(want)}`);
      assert.deepEqual(seen, wantSeen);
    });
  }
});
