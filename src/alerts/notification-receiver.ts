/**
 * The gateway's own Alertmanager stand-in, used when LAYER_ALERTMANAGER_URL is unset: vmalert 1.79
 * refuses to start with alerting rules and no -notifier.url. It listens on 127.0.0.1 only, on a
 * port of its own (never the gateway's public listener), takes POST /api/v2/alerts (Alertmanager's
 * API, which vmalert's notifier speaks) with generated HTTP Basic credentials, and logs each
 * alert that starts firing or resolves.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';

/** A running receiver. */
export interface NotificationReceiver {
  /** http://127.0.0.1:PORT, the -notifier.url to give vmalert. */
  readonly url: string;
  /** The Authorization value vmalert must send. */
  readonly authorization: string;
  /** The alerts of the last notification of each alert (by its labels), firing or resolved. */
  readonly received: ReadonlyMap<string, ReceivedAlert>;
  close(): Promise<void>;
}

/** One alert as the notifier posts it (Alertmanager's postable alert). */
export interface ReceivedAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

// vmalert posts every active alert each evaluation; a few hundred alerts fit well under this.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Whether `alert` has resolved at `now`: Alertmanager's rule, endsAt in the past. */
export function isResolved(alert: ReceivedAlert, now: number): boolean {
  return alert.endsAt !== undefined && Date.parse(alert.endsAt) <= now;
}

function isAlertList(value: unknown): value is ReceivedAlert[] {
  return Array.isArray(value) && value.every((a) => typeof a === 'object' && a !== null && typeof (a as ReceivedAlert).labels === 'object' && (a as ReceivedAlert).labels !== null);
}

function keyOf(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Starts the receiver on a free loopback port. */
export async function startNotificationReceiver(logger: Logger): Promise<NotificationReceiver> {
  const username = 'vmalert';
  const password = randomBytes(32).toString('base64url');
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const expected = Buffer.from(authorization);
  const received = new Map<string, ReceivedAlert>();

  function note(alert: ReceivedAlert): void {
    const key = keyOf(alert.labels);
    const resolved = isResolved(alert, Date.now());
    const before = received.get(key);
    // An alert not seen before counts as resolved, so its first firing notification is logged.
    const wasResolved = before === undefined || isResolved(before, Date.now());
    received.set(key, alert);
    if (resolved !== wasResolved) {
      const fields = { alertname: alert.labels.alertname, labels: alert.labels, startsAt: alert.startsAt };
      if (resolved) logger.info(fields, 'alert resolved');
      else logger.warn({ ...fields, summary: alert.annotations?.summary }, 'alert firing');
    }
  }

  const server = http.createServer((req, res) => {
    const answer = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(status === 401 ? { 'www-authenticate': 'Basic realm="layer-notifications"' } : {}) });
      res.end(`${text}\n`);
    };
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void answer(401, 'unauthorized');
    if (req.url !== '/api/v2/alerts') return void answer(404, 'only /api/v2/alerts is served here');
    if (req.method !== 'POST') return void answer(405, 'POST alerts here');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        answer(413, `body over ${MAX_BODY_BYTES} bytes`);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      let alerts: unknown;
      try {
        alerts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return void answer(400, 'the body must be a JSON array of alerts');
      }
      if (!isAlertList(alerts)) return void answer(400, 'the body must be a JSON array of alerts, each with labels');
      for (const alert of alerts) note(alert);
      answer(200, 'ok');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorization,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
