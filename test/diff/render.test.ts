import assert from 'node:assert/strict';
import type { LocatedChange } from '../../scripts/lib/diff/change.ts';
import { renderReport } from '../../scripts/lib/diff/render.ts';
import { buildReport } from '../../scripts/lib/diff/report.ts';

const CHANGES: LocatedChange[] = [
  {
    section: 'metrics',
    kind: 'label_values_narrowed',
    subject: 'demo_total{method}',
    classification: 'breaking',
    detail: 'value removed: a|b, 100%',
    file: 'catalog.yaml',
    line: 12,
    path: [],
  },
  { section: 'api', kind: 'route_added', subject: '/new', classification: 'compatible', detail: 'new route /new', file: 'openapi.yaml', line: 40, path: [] },
  { section: 'catalog_shape', kind: 'version_bumped', subject: 'version', classification: 'note', detail: '2026-05 -> 2026-06', file: 'catalog.yaml', line: 2, path: [] },
];

const FAILING = buildReport('origin/main', CHANGES);
const PASSING = buildReport('origin/main', CHANGES.slice(1));

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('renderReport(format, report)', () => {
  it('text: the verdict first, then every section', () => {
    const got = lines(renderReport('text', FAILING));
    assert.equal(got[0], 'gate: FAIL (1 breaking change)', `got ${got[0]}; want the verdict first`);
    for (const title of ['Catalog JSON shape (1)', 'Metrics (1)', 'API (1)']) {
      assert.ok(got.includes(title), `got ${JSON.stringify(got)}; want a line ${title}`);
    }
    assert.ok(got.some((line) => line.includes('value removed: a|b, 100% (catalog.yaml:12)')), `got ${JSON.stringify(got)}; want the detail with its place`);
    const pass = lines(renderReport('text', PASSING))[0];
    assert.equal(pass, 'gate: PASS (no breaking changes)', `got ${pass}; want the pass verdict`);
  });

  it('markdown: a heading, a verdict line, a table per section, cells escaped', () => {
    const got = lines(renderReport('markdown', FAILING));
    assert.equal(got[0], '## Contract diff', `got ${got[0]}; want the heading`);
    assert.match(got[2] ?? '', /^❌ \*\*gate: FAIL \(1 breaking change\)\*\* against `origin\/main`/, `got ${got[2]}; want the verdict`);
    assert.equal(got.filter((line) => line === '| Change | Classification | Detail |').length, 3, `got ${JSON.stringify(got)}; want 3 tables`);
    const row = got.find((line) => line.includes('label_values_narrowed'));
    assert.equal(row, '| `label_values_narrowed` `demo_total{method}` | **breaking** | value removed: a\\|b, 100% (catalog.yaml:12) |', `got ${row}`);
  });

  it('github: one annotation per change at its line, levels by classification, data escaped', () => {
    const got = lines(renderReport('github', FAILING));
    const want = [
      '::warning file=catalog.yaml,line=2,title=catalog%3Adiff note version_bumped::version: 2026-05 -> 2026-06',
      '::error file=catalog.yaml,line=12,title=catalog%3Adiff breaking label_values_narrowed::demo_total{method}: value removed: a|b, 100%25',
      '::notice file=openapi.yaml,line=40,title=catalog%3Adiff compatible route_added::/new: new route /new',
      'gate: FAIL (1 breaking change)',
    ];
    assert.deepEqual(got, want, `got ${JSON.stringify(got, null, 2)}; want ${JSON.stringify(want, null, 2)}`);
  });

  it('json: gate, base and changes with fixed fields in report order, without internal paths', () => {
    const got = JSON.parse(renderReport('json', FAILING)) as { gate: string; base: string; changes: Record<string, unknown>[] };
    assert.equal(got.gate, 'fail', `got gate ${got.gate}; want fail`);
    assert.equal(got.base, 'origin/main', `got base ${got.base}; want origin/main`);
    const sections = got.changes.map((change) => change.section);
    assert.deepEqual(sections, ['catalog_shape', 'metrics', 'api'], `got ${sections.join(', ')}; want section order`);
    const keys = Object.keys(got.changes[0] ?? {});
    assert.deepEqual(keys, ['section', 'kind', 'subject', 'classification', 'detail', 'file', 'line'], `got keys ${keys.join(', ')}`);
    const reordered = renderReport('json', buildReport('origin/main', [...CHANGES].reverse()));
    assert.equal(reordered, renderReport('json', FAILING), 'got different bytes for the same changes in another order; want equal');
  });
});
