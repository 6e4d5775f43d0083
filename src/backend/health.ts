/**
 * Backend probes. vmsingle's `/health` answers `OK` once storage is open; any Prometheus-compatible
 * backend answers a trivial instant query under the prefix its queries use. A hung process accepts
 * the TCP connection (the kernel does) but never answers, hence the timeouts.
 */
import http from 'node:http';
import https from 'node:https';
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

/** What a query API probe found: answering, not answering, or refusing the gateway's credentials. */
export type QueryApiState = 'up' | 'down' | 'credentials_refused';

/**
 * Whether the query API at `baseUrl` (the URL the passthrough uses, prefix included) answered the
 * instant query `1` with 200 and `"status":"success"` within timeoutMs (`up`), refused the
 * credentials sent (`credentials_refused`, see refusedCredentials), or neither (`down`); never rejects.
 */
export async function probeQueryApi(baseUrl: string, timeoutMs: number, options: ProbeOptions = {}): Promise<QueryApiState> {
  const answer = await probe(`${baseUrl}/api/v1/query?query=1`, timeoutMs, options);
  if (answer === undefined) return 'down';
  if (refusedCredentials(answer.status, answer.body, answer.json)) return 'credentials_refused';
  if (answer.status !== 200) return 'down';
  try {
    return (JSON.parse(answer.body) as { status?: unknown }).status === 'success' ? 'up' : 'down';
  } catch {
    return 'down';
  }
}
