/**
 * A real Alertmanager (Debian's prometheus-alertmanager, 0.25) on a free loopback port, clustering
 * off, with a route to a receiver that sends nothing: tests read what it holds through its API.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../../src/backend/free-port.ts';
import { pollUntil } from './poll-until.ts';

/** A running Alertmanager. */
export interface Alertmanager {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The alerts it holds (GET /api/v2/alerts). */
  alerts(): Promise<{ labels: Record<string, string>; status: { state: string } }[]>;
  stop(): Promise<void>;
}

/** Starts Alertmanager with its config and storage in `dir`; resolves once its API answers. */
export async function startAlertmanager(dir: string): Promise<Alertmanager> {
  const config = join(dir, 'alertmanager.yml');
  await writeFile(config, 'route:\n  receiver: quiet\nreceivers:\n  - name: quiet\n');
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('prometheus-alertmanager', [
    `--config.file=${config}`, `--storage.path=${join(dir, 'am-data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=',
  ], { stdio: 'ignore' });
  const closed = new Promise((resolve) => child.once('close', resolve));
  const alerts = async () => {
    const res = await fetch(`${url}/api/v2/alerts`);
    if (res.status !== 200) throw new Error(`Alertmanager answered ${res.status}`);
    return (await res.json()) as Awaited<ReturnType<Alertmanager['alerts']>>;
  };
  await pollUntil('Alertmanager answers', () => alerts().then(() => true, () => undefined), 20_000);
  return {
    url,
    alerts,
    async stop() {
      child.kill('SIGTERM');
      await closed;
    },
  };
}
