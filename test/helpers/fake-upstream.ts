/**
 * A hand-made backend for injecting faults a real vmsingle cannot produce on demand (hanging,
 * resetting mid-body, plain-text errors). It records every request as received, raw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBE_USER_AGENT } from '../../src/backend/health.ts';

/** One request as the fake backend received it. */
export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Resolves when the gateway closed (or aborted) this request's connection. */
  closed: Promise<void>;
}

/** The fake backend; `handle` decides each response. */
export interface FakeUpstream {
  url: string;
  received: Recorded[];
  handle: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;
  /** Answers the gateway's health probe, which is not recorded. (default: an empty series list, as a healthy backend) */
  probe: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  close(): Promise<void>;
}

/** Whether a request is the gateway's storage probe of an external backend. */
export function isHealthProbe(req: http.IncomingMessage): boolean {
  return req.headers['user-agent'] === PROBE_USER_AGENT && (req.url ?? '').includes('/api/v1/series?');
}

/** A healthy backend's answer to the probe: no series of that name. */
export function answerProbe(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Content-Type', 'application/json');
  res.end('{"status":"success","data":[]}');
}

/** Starts a fake backend on a loopback port; by default it answers a small JSON success. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const fake: FakeUpstream = {
    url: '',
    received: [],
    handle: (_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    },
    probe: answerProbe,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    // The gateway's health probe of an external backend (a series lookup), answered apart and
    // not recorded: tests count the requests the passthrough sends.
    if (isHealthProbe(req)) {
      fake.probe(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      fake.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, closed });
      fake.handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
