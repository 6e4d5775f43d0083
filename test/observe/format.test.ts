/**
 * The observe tab's pure helpers (they touch no DOM, so they run in Node): one unit per axis,
 * the 24-hour clock, ranges as the address bar writes them, and line colours readable on the
 * dark background.
 */
import assert from 'node:assert/strict';
import { axisScale, formatTick, formatValue, plotUnit, timeTicks } from '../../web/observe/src/format.ts';
import { rangeFromInputs, rangeFromParam, rangeToParam } from '../../web/observe/src/range.ts';
import type { components } from '../../src/generated/api-types.ts';

type CatalogEntry = components['schemas']['CatalogEntry'];
const entry = (over: Partial<CatalogEntry>): CatalogEntry => ({ name: 'x', kind: 'gauge', description: '', labels: [], example_promql: 'x', ...over }) as CatalogEntry;

describe('observe formatting', () => {
  it('labels every tick of an axis in the one unit the axis names', () => {
    const seconds = plotUnit(entry({ unit: 'seconds', kind: 'histogram', example_promql: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))' }));
    const scale = axisScale(5, seconds);
    assert.equal(scale.label, 'seconds');
    assert.deepEqual([0, 0.5, 2.5, 5].map((v) => formatTick(v, scale)), ['0', '0.5', '2.5', '5']);
    const small = axisScale(0.04, seconds);
    assert.equal(small.label, 'milliseconds');
    assert.deepEqual([0, 0.01, 0.04].map((v) => formatTick(v, small)), ['0', '10', '40']);
    const bytes = axisScale(300 * 1024 * 1024, plotUnit(entry({ unit: 'bytes' })));
    assert.equal(bytes.label, 'MiB');
    assert.deepEqual([0, 512 * 1024, 300 * 1024 * 1024].map((v) => formatTick(v, bytes)), ['0', '0.5', '300']);
    assert.equal(axisScale(3, plotUnit(entry({ unit: 'requests', kind: 'counter', example_promql: 'sum(rate(x[5m]))' }))).label, 'requests per second');
  });

  it('counts series for a count(), whatever the metric unit', () => {
    const unit = plotUnit(entry({ unit: 'state', example_promql: 'count by (state) (layer_cache_namespace_state == 1)' }));
    assert.equal(formatValue(4, unit), '4 series');
    assert.equal(axisScale(4, unit).label, 'series');
  });

  it('writes times on the 24-hour clock, with the date over spans longer than a day', () => {
    const t = new Date(2026, 0, 31, 18, 5, 9).getTime() / 1000;
    assert.deepEqual(timeTicks([t], 300), ['18:05:09']);
    assert.deepEqual(timeTicks([t], 3600), ['18:05']);
    assert.deepEqual(timeTicks([t], 3 * 86400), ['01-31 18:05']);
  });

  it('reads ranges from the custom form and the address bar, and says what is wrong with a bad one', () => {
    assert.deepEqual(rangeFromInputs('now-45m', 'now'), { kind: 'relative', seconds: 2700 });
    assert.deepEqual(rangeFromInputs('2d', ''), { kind: 'relative', seconds: 172800 });
    const abs = rangeFromInputs('2026-01-31 18:00', '2026-01-31 19:30');
    assert.equal(abs.kind === 'absolute' && abs.end - abs.start, 5400);
    assert.equal(rangeToParam(abs), '2026-01-31T18:00:00..2026-01-31T19:30:00');
    assert.deepEqual(rangeFromParam(rangeToParam(abs)), abs);
    assert.deepEqual(rangeFromParam('6h'), { kind: 'relative', seconds: 21600 });
    assert.equal(rangeFromParam('soon'), undefined);
    assert.throws(() => rangeFromInputs('2026-01-31 19:30', '2026-01-31 18:00'), /the start \(2026-01-31 19:30\) must come before the end/);
    assert.throws(() => rangeFromInputs('now-45m', 'tomorrow'), /"tomorrow" is not an end: write now or a moment/);
  });
});

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('observe plot colours', () => {
  it('draws every line with text-level contrast (4.5:1) on the dark panel, and 3:1 on the light one', async () => {
    const { DARK_PALETTE, LIGHT_PALETTE } = await import('../../web/observe/src/palette.ts');
    for (const colour of DARK_PALETTE) assert.ok(contrast(colour, '#171b21') >= 4.5, `${colour} on #171b21: ${contrast(colour, '#171b21').toFixed(2)}`);
    for (const colour of LIGHT_PALETTE) assert.ok(contrast(colour, '#ffffff') >= 3, `${colour} on #ffffff: ${contrast(colour, '#ffffff').toFixed(2)}`);
    assert.ok(contrast('#0072b2', '#171b21') < 4.5, 'the check tells a dim line from a readable one');
  });
});
