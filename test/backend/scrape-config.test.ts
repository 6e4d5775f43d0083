import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatTarget, renderScrapeConfig, type ScrapeTarget } from '../../src/backend/scrape-config.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { itReturns } from '../helpers/table.ts';

const base: ScrapeTarget = { targetHost: '127.0.0.1', targetPort: 8080, path: '/metrics', interval: '15s' };

describe('formatTarget(host, port)', () => {
  const cases: [string, { given: [string, number]; want: string }][] = [
    ['IPv4', { given: ['127.0.0.1', 80], want: '127.0.0.1:80' }],
    ['a name', { given: ['localhost', 9], want: 'localhost:9' }],
    ['IPv6 gets brackets', { given: ['::1', 8080], want: '[::1]:8080' }],
    ['bracketed IPv6 stays', { given: ['[::1]', 8080], want: '[::1]:8080' }],
  ];
  itReturns(cases, (given) => formatTarget(...given));
});

describe('renderScrapeConfig(target)', () => {
  it('renders one layer-gateway job', () => {
    assert.equal(renderScrapeConfig(base), [
      '# Written by the layer gateway on every vmsingle start; edits are overwritten.',
      'scrape_configs:',
      '  - job_name: "layer-gateway"',
      '    scrape_interval: "15s"',
      '    metrics_path: "/metrics"',
      '    static_configs:',
      '      - targets: ["127.0.0.1:8080"]',
      '',
    ].join('\n'));
  });

  it('adds bearer_token_file when given, quoted so odd paths cannot break the YAML', () => {
    const got = renderScrapeConfig({ ...base, bearerTokenFile: '/data/my "token": #1' });
    assert.match(got, /^ {4}bearer_token_file: "\/data\/my \\"token\\": #1"$/m);
  });

  it('scrapes over https with the trusted certificates and, when given, the name to verify', () => {
    const got = renderScrapeConfig({ ...base, tls: { caFile: '/data/scrape-ca-1.pem', serverName: 'gw.example' } });
    assert.match(got, /^ {4}scheme: "https"\n {4}tls_config:\n {6}ca_file: "\/data\/scrape-ca-1.pem"\n {6}server_name: "gw.example"$/m);
    assert.doesNotMatch(renderScrapeConfig({ ...base, tls: { caFile: '/c.pem' } }), /server_name/);
  });

  it('is accepted by vmsingle 1.79 (-promscrape.config.dryRun, strict parsing)', async () => {
    const dir = await makeTempDir('scrape-config');
    try {
      const token = join(dir, 'token');
      await writeFile(token, 't\n');
      const ca = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=x']);
      assert.equal(ca.status, 0, String(ca.stderr));
      const tls = { caFile: join(dir, 'c.pem'), serverName: 'localhost' };
      for (const target of [base, { ...base, targetHost: '::1', bearerTokenFile: token, interval: '1s' }, { ...base, tls }]) {
        const file = join(dir, 'scrape.yml');
        await writeFile(file, renderScrapeConfig(target));
        const run = spawnSync('victoria-metrics', ['-promscrape.config', file, '-promscrape.config.dryRun', '-loggerLevel', 'ERROR'], { encoding: 'utf8' });
        assert.equal(run.status, 0, `dryRun exit ${run.status}: ${run.stderr}`);
      }
    } finally {
      await removeTempDir(dir);
    }
  });
});
