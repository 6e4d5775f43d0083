import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { RENDERERS } from '../../scripts/catalog-export.ts';
import { checkCatalogFile } from '../../scripts/lib/catalog/check.ts';
import type { Catalog } from '../../scripts/lib/catalog/model.ts';
import { serializeCatalog, toServedCatalog } from '../../scripts/lib/catalog/served.ts';
import { renderMarkdown } from '../../scripts/lib/export/markdown.ts';
import { renderAlertRules } from '../../scripts/lib/export/rules.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** Loads a catalog file the tests export, failing on any problem. */
async function load(file: string): Promise<Catalog> {
  const { catalog, problems } = await checkCatalogFile(file);
  assert.ok(catalog && problems.length === 0, `got ${problems.length} problems in ${file}; want none`);
  return catalog;
}

const render = (format: string, catalog: Catalog): string => {
  const renderer = RENDERERS[format];
  assert.ok(renderer, `got no renderer for ${format}; want one`);
  return renderer(catalog, 'catalog.yaml');
};

describe('catalog:export formats', () => {
  let real: Catalog;
  let small: Catalog;
  before(async () => {
    [real, small] = await Promise.all([load('catalog.yaml'), load('test/fixtures/catalog/valid.yaml')]);
  });

  it('json is byte-identical to what GET /v2/metrics/catalog serves', () => {
    const got = render('json', real);
    const want = serializeCatalog(toServedCatalog(real));
    assert.equal(got, want, 'got different bytes; want serializeCatalog(toServedCatalog(catalog))');
    assert.ok(!got.endsWith('\n'), 'got a trailing newline; want none');
  });

  it('yaml reads back as the served catalog', () => {
    const got: unknown = parse(render('yaml', small));
    assert.deepEqual(got, toServedCatalog(small), 'got a different document; want the served catalog');
    assert.match(render('yaml', small), /- "no"\n/, 'got a bare no; want it quoted for YAML 1.1 readers');
  });

  it('markdown has every entry under its family, sorted within', () => {
    const page = renderMarkdown(real);
    const families = [...new Set(real.entries.map((entry) => entry.family))].sort();
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, families, `got families ${JSON.stringify(headings)}; want ${JSON.stringify(families)}`);
    for (const family of families) {
      const section = page.split(`\n## ${family}\n`)[1]?.split('\n## ')[0] ?? '';
      const got = [...section.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
      const want = real.entries.filter((entry) => entry.family === family).map((entry) => entry.name).sort();
      assert.deepEqual(got, want, `family ${family}: got ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
    }
    for (const entry of real.entries) {
      assert.ok(page.includes(`\`\`\`promql\n${entry.example_promql}\n\`\`\``), `got no example block for ${entry.name}; want one`);
      if (entry.alert) assert.ok(page.includes(`Alert \`${entry.alert.name}\``), `got no alert ${entry.alert.name}; want it`);
    }
  });

  it('markdown shows labels, buckets, stability, replacement and alert details', () => {
    const page = renderMarkdown(small, { source: 'valid.yaml' });
    const want = [
      '<!-- Generated from valid.yaml by',
      '| `outcome` | How the job ended; `error` covers \\| pipes too. | `ok`, `error`, `no` |',
      '| `worker` | Worker that ran it. | open set, at most 16 distinct values |',
      'Buckets: `0.1`, `1`, `10`',
      '- Stability: experimental',
      '- Replaced by: `layer_queue_depth`',
      'No labels.',
      '- Severity: warning\n- For: `5m`\n- Summary: Jobs keep failing.',
      '- For: fires as soon as the condition holds',
    ];
    for (const snippet of want) assert.ok(page.includes(snippet), `got a page without ${JSON.stringify(snippet)}; want it`);
  });

  it('rules: one group per family with alerts, deterministic', () => {
    const doc = parse(renderAlertRules(small)) as { groups: { name: string; rules: Record<string, unknown>[] }[] };
    const want = {
      groups: [
        {
          name: 'layer_jobs',
          rules: [
            {
              alert: 'JobsFailing',
              expr: 'sum(rate(layer_jobs_total{outcome="error"}[5m])) > 1',
              for: '5m',
              labels: { severity: 'warning' },
              annotations: { summary: 'Jobs keep failing.', description: 'Jobs run, by outcome. (metric layer_jobs_total)' },
            },
          ],
        },
        {
          name: 'layer_queue',
          rules: [{ alert: 'QueueBacklog', expr: 'layer_queue_depth > 100', annotations: { description: 'Jobs waiting. (metric layer_queue_depth)' } }],
        },
      ],
    };
    assert.deepEqual(doc, want, `got ${JSON.stringify(doc)}; want ${JSON.stringify(want)}`);
    const reversed = { ...small, entries: [...small.entries].reverse() };
    assert.equal(renderAlertRules(reversed), renderAlertRules(small), 'got output that depends on entry order; want the same file');
  });

  it('rules for the real catalog pass `promtool check rules`', async () => {
    const dir = await makeTempDir('catalog-rules');
    try {
      const file = join(dir, 'rules.yml');
      await writeFile(file, render('rules', real));
      const alerts = real.entries.filter((entry) => entry.alert).length;
      // execFile rejects on a non-zero exit, with promtool's findings in stderr/stdout.
      const { stdout } = await run('promtool', ['check', 'rules', file]);
      // Proof promtool really ran and saw every alert, not just that something exited 0.
      assert.match(stdout, new RegExp(`SUCCESS: ${alerts} rules found`), `got promtool output ${JSON.stringify(stdout)}; want SUCCESS: ${alerts} rules found`);
      await writeFile(file, 'groups:\n  - name: x\n    rules:\n      - alert: Broken\n        expr: rate(x[5m]\n');
      await assert.rejects(run('promtool', ['check', 'rules', file]), 'got promtool accepting a broken rule; want it to fail');
    } finally {
      await removeTempDir(dir);
    }
  });
});
