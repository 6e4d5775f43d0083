/** The gateway's own notification receiver: loopback only, its credentials required, Alertmanager's POST /api/v2/alerts. */
import assert from 'node:assert/strict';
import { startNotificationReceiver } from '../../src/alerts/notification-receiver.ts';
import { captureLogger } from '../helpers/log-recorder.ts';
import { request } from '../helpers/http.ts';

describe('startNotificationReceiver(logger)', () => {
  it('listens on 127.0.0.1, refuses requests without its credentials, and logs an alert that starts firing', async () => {
    const { logger, lines } = captureLogger('info');
    const receiver = await startNotificationReceiver(logger);
    try {
      assert.match(receiver.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const alert = { labels: { alertname: 'CacheDisconnected', severity: 'critical' }, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 60_000).toISOString() };
      const body = JSON.stringify([alert]);
      const anonymous = await request(`${receiver.url}/api/v2/alerts`, { method: 'POST', body });
      assert.equal(anonymous.status, 401);
      const wrong = await request(`${receiver.url}/api/v2/alerts`, { method: 'POST', body, headers: { authorization: 'Basic dm1hbGVydDp4' } });
      assert.equal(wrong.status, 401);
      const bad = await request(`${receiver.url}/api/v2/alerts`, { method: 'POST', body: '{"not":"a list"}', headers: { authorization: receiver.authorization } });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /JSON array of alerts/);
      const ok = await request(`${receiver.url}/api/v2/alerts`, { method: 'POST', body, headers: { authorization: receiver.authorization } });
      assert.equal(ok.status, 200);
      assert.equal(receiver.received.size, 1);
      assert.ok(lines.some((line) => line.includes('"alert firing"') && line.includes('CacheDisconnected')), lines.join(''));
    } finally {
      await receiver.close();
    }
  });
});
