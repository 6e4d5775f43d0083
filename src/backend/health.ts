/**
 * Backend probes. vmsingle's `/health` answers `OK` once storage is open (its storage is in the same
 * process); any Prometheus-compatible backend answers a series lookup under the prefix its queries
 * use, which a cluster can answer only from its storage nodes. A hung process accepts
 * the TCP connection (the kernel does) but never answers, hence the timeouts.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isPartialAnswer } from '../proxy/partial-answer.ts';
import { isJson, refusedCredentials } from '../proxy/wrap-error.ts';

/** What a probe sends besides the URL. */
export interface ProbeOptions {
  /** Authorization header value, sent as is and never logged. (default: none) */
  authorization?: string | undefined;
}

// A probe answer is small; reading more of a misbehaving backend's body is pointless.
const MAX_PROBE_BODY = 64 * 1024;

/** The User-Agent of probes, so that a backend's access log tells them from forwarded queries. */
export const PROBE_USER_AGENT = 'layer-metrics-gateway health probe';

/** GETs `url` and resolves with status, (at most MAX_PROBE_BODY of) the body and whether it is JSON, or undefined on any failure. */
function probe(url: string, timeoutMs: number, options: ProbeOptions): Promise<{ status: number; body: string; json: boolean } | undefined> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const headers: Record<string, string> = { 'user-agent': PROBE_USER_AGENT };
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    // agent: false so no keep-alive socket outlives the probe and holds the event loop open.
    const req = get(url, { agent: false, headers, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < MAX_PROBE_BODY) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, json: isJson(res.headers['content-type']) }));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
  });
}

/** Whether GET {baseUrl}/health answered 200 `OK` within timeoutMs; never rejects. */
export async function probeHealth(baseUrl: string, timeoutMs: number, options: ProbeOptions = {}): Promise<boolean> {
  const answer = await probe(`${baseUrl}/health`, timeoutMs, options);
  return answer?.status === 200 && answer.body.trim() === 'OK';
}

/** What a storage probe saw. */
export interface StorageProbeResult {
  /** The backend answered the lookup with 200 and `"status":"success"`. */
  up: boolean;
  /** The answer was marked `"isPartial":true`: some of a cluster's storage nodes did not answer. */
  partial: boolean;
  /** The backend refused the gateway's credentials (see refusedCredentials): the operator must fix them. */
  refused: boolean;
}

// A name no series has: the prefix says who asks, the per-process random part keeps it from ever
// matching a real metric.
const PROBE_METRIC = `layer_readiness_probe_${randomBytes(8).toString('hex')}`;

/** The path and query of the storage probe: an exact-name series lookup over the last five minutes. */
function storageProbePath(nowMs: number = Date.now()): string {
  const match = encodeURIComponent(`{__name__="${PROBE_METRIC}"}`);
  return `/api/v1/series?match[]=${match}&start=${Math.floor(nowMs / 1000) - 300}`;
}

/**
 * Looks up the series of a name that cannot exist, under the prefix the passthrough uses. Unlike
 * `query=1`, which a cluster's vmselect answers by itself, a series lookup must reach every storage
 * node; for an exact name it is one seek in today's per-day inverted index, so it stays cheap
 * however many series the backend holds. Never rejects.
 */
export async function probeStorage(baseUrl: string, timeoutMs: number, options: ProbeOptions = {}): Promise<StorageProbeResult> {
  const answer = await probe(`${baseUrl}${storageProbePath()}`, timeoutMs, options);
  const down = { up: false, partial: false, refused: false };
  if (answer === undefined) return down;
  if (refusedCredentials(answer.status, answer.body, answer.json)) return { ...down, refused: true };
  if (answer.status !== 200) return down;
  try {
    const up = (JSON.parse(answer.body) as { status?: unknown }).status === 'success';
    return { up, partial: up && isPartialAnswer(Buffer.from(answer.body)), refused: false };
  } catch {
    return down;
  }
}
