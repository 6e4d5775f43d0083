import assert from 'node:assert/strict';
import { compareAnswers, matchAny } from '../../bench/answer-compare.ts';

// A range answer as vmsingle 1.79 writes it, with the sample values given.
function rangeAnswer(values: string[], start = 1796553780, metric = '{}'): Buffer {
  const points = values.map((value, i) => `[${start + i * 60},"${value}"]`).join(',');
  return Buffer.from(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":${metric},"values":[${points}]}]}}`);
}

describe('the bench: comparing answers to one URL', () => {
  // Two answers vmsingle gave to one stddev panel within one run: a float sum merged from its cache
  // against one computed afresh.
  const fresh = rangeAnswer(['129.90308887782456', '129.90308887782456', '131.25']);
  const cached = rangeAnswer(['129.9030888778246', '129.9030888778246', '131.25']);

  it('tells identical bytes from the same values rounded two ways', () => {
    assert.equal(compareAnswers(fresh, Buffer.from(fresh)), 'identical');
    assert.equal(compareAnswers(fresh, cached), 'rounding');
    assert.equal(compareAnswers(rangeAnswer(['0', '1e-12']), rangeAnswer(['1e-12', '0'])), 'rounding');
  });

  it('finds an answer to another window, another series, another value or a cut body', () => {
    assert.equal(compareAnswers(fresh, rangeAnswer(['129.90308887782456', '129.90308887782456', '131.25'], 1796553840)), 'differ');
    assert.equal(compareAnswers(fresh, rangeAnswer(['129.90308887782456', '129.90308887782456', '131.25'], 1796553780, '{"group":"g1"}')), 'differ');
    assert.equal(compareAnswers(fresh, rangeAnswer(['129.90308887782456', '129.90308887782456', '131.5'])), 'differ');
    assert.equal(compareAnswers(fresh, rangeAnswer(['129.90308887782456', '129.90308887782456'])), 'differ');
    assert.equal(compareAnswers(fresh, fresh.subarray(0, fresh.length - 3)), 'differ');
    assert.equal(compareAnswers(rangeAnswer(['NaN']), rangeAnswer(['0'])), 'differ');
  });

  it('takes the best match among the answers direct gave, and the worst among those compared', () => {
    assert.equal(matchAny([cached, fresh], [fresh, cached]), 'identical');
    assert.equal(matchAny([cached], [fresh]), 'rounding');
    assert.equal(matchAny([fresh, cached], [fresh]), 'rounding');
    assert.equal(matchAny([fresh, rangeAnswer(['1'])], [fresh, cached]), 'differ');
  });
});
