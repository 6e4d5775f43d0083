/**
 * Comparing two Prometheus API answers to one URL: byte for byte, or, when the bytes differ, as
 * the same answer up to float rounding. vmsingle (1.79, its response cache on) does not answer
 * every query the same way twice: a sum over many series computed afresh and one merged from its
 * cache can differ in the last bits of a float ("129.90308887782456" against "129.9030888778246").
 * Such answers are the same data; an answer from another URL, another time range or a cut body
 * is not.
 */

/** How one answer compares with another. */
export type AnswerMatch = 'identical' | 'rounding' | 'differ';

// A sample value in the Prometheus JSON: a number written as a string. Timestamps, written as bare
// numbers, are not matched, so they must agree byte for byte with the rest of the text.
const QUOTED_NUMBER = /"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"/g;

/** How far apart two sample values may be and still count as one value rounded two ways. */
const ROUNDING = 1e-9;

function withinRounding(a: number, b: number): boolean {
  return Math.abs(a - b) <= ROUNDING * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether `a` and `b` are the same answer: identical bytes; or the same text apart from sample
 * values that differ by float rounding only (relative ROUNDING, absolute below 1); else differ.
 */
export function compareAnswers(a: Buffer, b: Buffer): AnswerMatch {
  if (a.equals(b)) return 'identical';
  const textA = a.toString('utf8');
  const textB = b.toString('utf8');
  // split() with a capturing group alternates text and captured values: odd entries are values.
  const partsA = textA.split(QUOTED_NUMBER);
  const partsB = textB.split(QUOTED_NUMBER);
  if (partsA.length !== partsB.length) return 'differ';
  for (let i = 0; i < partsA.length; i++) {
    if (partsA[i] === partsB[i]) continue;
    if (i % 2 === 0 || !withinRounding(Number(partsA[i]), Number(partsB[i]))) return 'differ';
  }
  return 'rounding';
}

/** How `answers` compare with `wanted`: each must be identical to one of them, or else the same up to rounding. */
export function matchAny(answers: readonly Buffer[], wanted: readonly Buffer[]): AnswerMatch {
  let worst: AnswerMatch = 'identical';
  for (const answer of answers) {
    const matches = wanted.map((want) => compareAnswers(want, answer));
    if (matches.includes('identical')) continue;
    if (!matches.includes('rounding')) return 'differ';
    worst = 'rounding';
  }
  return worst;
}
