import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { checkCatalogFile, checkCatalogText } from '../../scripts/lib/catalog/check.ts';
import { formatProblem } from '../../scripts/lib/catalog/format.ts';

describe('checkCatalogFile(file)', () => {
  it('passes the real catalog.yaml with zero problems', async () => {
    const { catalog, problems } = await checkCatalogFile('catalog.yaml');
    assert.deepEqual(problems.map(formatProblem), [], `got problems; want none`);
    assert.ok(catalog && catalog.entries.length > 0, `got ${catalog?.entries.length} entries; want some`);
  });

  it("uses catalog.yaml's one waiver (reserved-suffix on layer_pipeline_stage_count)", async () => {
    const text = await readFile('catalog.yaml', 'utf8');
    const unwaived = text.replace(/ {4}lint_waivers:\n {6}- rule: reserved-suffix\n {8}reason: .*\n/, '');
    assert.notEqual(unwaived, text, 'got catalog.yaml without the expected waiver; want the test to remove it');
    const got = checkCatalogText(unwaived, 'catalog.yaml').problems.map((p) => `${p.rule} ${p.entry}`);
    assert.deepEqual(got, ['reserved-suffix layer_pipeline_stage_count'], `got ${JSON.stringify(got)}; want the waived finding`);
  });

  it('returns the catalog together with lint problems, ordered by line', async () => {
    const { catalog, problems } = await checkCatalogFile('test/fixtures/catalog/problems.yaml');
    assert.ok(catalog, 'got no catalog; want it when only lint rules fail');
    const got = problems.map((p) => `${p.file}:${p.line} ${p.rule}`);
    const want = [
      'test/fixtures/catalog/problems.yaml:2 version',
      'test/fixtures/catalog/problems.yaml:4 counter-suffix',
      'test/fixtures/catalog/problems.yaml:11 promql-parse',
    ];
    assert.deepEqual(got, want, `got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
  });

  it('returns no catalog when the YAML does not parse', async () => {
    const { catalog, problems } = await checkCatalogFile('test/fixtures/catalog/broken.yaml');
    assert.equal(catalog, undefined, 'got a catalog; want none');
    const got = problems.map((p) => `${p.line} ${p.rule}`);
    assert.ok(got.length > 0 && got.every((p) => p.endsWith(' yaml')), `got ${JSON.stringify(got)}; want yaml problems`);
  });

  it('rejects when the file cannot be read', async () => {
    await assert.rejects(checkCatalogFile('test/fixtures/catalog/missing.yaml'), { code: 'ENOENT' });
  });
});
