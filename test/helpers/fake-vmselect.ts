/**
 * A fake backend that behaves as a VictoriaMetrics cluster's vmselect does when its storage nodes
 * fail (measured on v1.93.7-cluster): an expression without a selector (`query=1`) is answered by
 * vmselect alone, while anything that reads series needs the storage nodes. With every storage
 * node down such requests answer 503 naming a storage node; with some down, answers carry
 * `"isPartial":true`.
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import type { FakeUpstream } from './fake-upstream.ts';

/** The cluster's storage as the fake plays it. */
export type StorageState = 'ok' | 'down' | 'partial';

/** Whether vmselect answers the request without its storage nodes: a query of constants only. */
function needsNoStorage(url: URL): boolean {
  const query = url.searchParams.get('query');
  return url.pathname.endsWith('/api/v1/query') && query !== null && /^[0-9.+\-*/() ]+$/.test(query);
}

/** The body vmselect would send for this request (the probe's series lookup included). */
export function vmselectAnswer(url: URL, partial: boolean): string {
  if (url.pathname.endsWith('/api/v1/series')) return `{"status":"success","isPartial":${partial},"data":[]}`;
  const series = Array.from({ length: 200 }, (_, i) => `{"metric":{"__name__":"up","instance":"host-${i}:9100"},"value":[1700000000,"1"]}`).join(',');
  return `{"status":"success","isPartial":${partial},"data":{"resultType":"vector","result":[${series}]},"stats":{"seriesFetched":"200"}}`;
}

/** Makes `fake` answer queries and probes as vmselect does with its storage in `state()`; returns the last bytes it sent. */
export function behaveAsVmselect(fake: FakeUpstream, state: () => StorageState): { lastSent: () => Buffer | undefined } {
  let lastSent: Buffer | undefined;
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://vmselect');
    const storage = needsNoStorage(url) ? 'ok' : state();
    if (storage === 'down') {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('error when executing query: cannot perform search on vmstorage vmstorage-1:8401: cannot dial storage node');
      return;
    }
    let body = Buffer.from(vmselectAnswer(url, storage === 'partial'));
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = zlib.gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    if (req.headers['user-agent'] === undefined || !String(req.headers['user-agent']).includes('health probe')) lastSent = body;
    res.writeHead(200, headers);
    res.end(body);
  };
  fake.handle = answer;
  fake.probe = answer;
  return { lastSent: () => lastSent };
}
