import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestGateway, TEST_TOKEN } from '../helpers/gateway.ts';
import { bearer, request } from '../helpers/http.ts';
import { pollUntil } from '../helpers/poll-until.ts';
import { withTempDir } from '../helpers/temp-dir.ts';

describe('GET /metrics behind the API token (LAYER_METRICS_AUTH=token) with the bundled vmsingle', function () {
  this.timeout(60_000);

  it('refuses an anonymous scrape, and vmsingle scrapes it with the token parsed from the token file', async () => {
    await withTempDir('layer-metrics-auth', async (dir) => {
      // A byte-order mark, CRLF and a comment before the token: the scrape token comes from the
      // same parse as the tokens requests are checked against.
      const tokenFile = join(dir, 'tokens');
      await writeFile(tokenFile, `\uFEFF# scrape and clients\r\n${TEST_TOKEN}\r\n`);
      const gw = await startTestGateway({ env: { LAYER_METRICS_AUTH: 'token', LAYER_API_TOKENS: '', LAYER_API_TOKENS_FILE: tokenFile } });
      try {
        const anonymous = await request(`${gw.url}/metrics`);
        assert.equal(anonymous.status, 401, `got ${anonymous.status} for an anonymous scrape; want 401`);
        const up = await pollUntil('vmsingle\'s scrape of the gateway', async () => {
          const res = await request(`${gw.url}/v2/metrics/api/v1/query?query=${encodeURIComponent('up{job="layer-gateway"}')}`, { headers: bearer(gw.token) });
          const value: unknown = JSON.parse(res.text).data?.result?.[0]?.value?.[1];
          return typeof value === 'string' ? value : undefined;
        }, 45_000);
        assert.equal(up, '1', `got up=${up} for the gateway's scrape; want 1 (scraped with the token)`);
      } finally {
        await gw.close();
      }
    });
  });
});
