/**
 * vmsingle's readiness probe. `/health` answers `OK` once storage is open; a hung process
 * accepts the TCP connection (the kernel does) but never answers, hence the timeout.
 */
import { get } from 'node:http';

/** Whether GET {baseUrl}/health answered 200 `OK` within timeoutMs; never rejects. */
export function probeHealth(baseUrl: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // agent: false so no keep-alive socket outlives the probe and holds the event loop open.
    const req = get(`${baseUrl}/health`, { agent: false, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 64) body += chunk;
      });
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
  });
}
