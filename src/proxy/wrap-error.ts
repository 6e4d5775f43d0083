/**
 * Backend errors on their way to the client. They are small, so they are read whole.
 *
 * A JSON error passes through byte for byte unless it names the backend or a machine behind it (a
 * vmselect names the vmstorage nodes it failed to reach, `cannot perform search on vmstorage
 * host:port`, and Go's network errors name both ends, `dial tcp4 10.0.0.7:8401`): then the
 * backend's address, host name and path prefix, and every IP address (v4, v6), host:port, URL host
 * and looked-up host name, become `[backend]` in its strings. The backend echoes what the client sent (vmsingle quotes the query,
 * `error when executing query="..."`, and fragments of it, `unparsed data: "..."`, regular
 * expressions wrapped in anchors), so an identifier that the client's own text contains is left
 * alone everywhere in the message: redacting it would garble the client's query and tell the client
 * whether its guess named the backend.
 *
 * A plain-text error (vmsingle's concurrency limit: `remoteAddr: ...; requestURI: ...; cannot handle
 * more than N concurrent search requests ...; increase -search.maxConcurrentRequests`) keeps its
 * status and is replaced by a message the caller can act on, in the Prometheus envelope: its text
 * names addresses, the request URI (with the client's parameters) and flags only an operator can
 * change.
 */
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { promErrorBody } from '../edge/error-body.ts';
import { readStream } from './read-stream.ts';

/** At most this much of an error body is kept; the rest is drained. */
const MAX_ERROR_BYTES = 1024 * 1024;

const DECODERS: Record<string, (data: Buffer) => Buffer> = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

/** Reads an error body (bounded), decoding Content-Encoding so the text can be checked. */
export async function readErrorBody(response: { bytes?: Buffer; body?: Readable }, contentEncoding: string | undefined): Promise<string> {
  let data = response.bytes ? response.bytes.subarray(0, MAX_ERROR_BYTES) : response.body ? await readStream(response.body, MAX_ERROR_BYTES) : Buffer.alloc(0);
  const decode = contentEncoding ? DECODERS[contentEncoding.trim().toLowerCase()] : undefined;
  if (decode) {
    try {
      data = decode(data);
    } catch {
      return `the metrics backend sent an error body that could not be decoded (${contentEncoding})`;
    }
  }
  return data.toString('utf8');
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** Go's strconv.Quote without the outer quotes (what `%q` makes of a string), for the ASCII controls it escapes. */
function goQuote(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is being escaped
  return text.replace(/[\x00-\x1f"\\\x7f]/g, (c) => GO_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Every form in which the backend may echo the client's text: as sent, Go-quoted once (the query in
 * `query="..."`) and twice (a label value inside the quoted query), and JSON-escaped.
 */
function echoForms(clientText: readonly string[]): string[] {
  return clientText.flatMap((text) => {
    const once = goQuote(text);
    return [text, once, goQuote(once), JSON.stringify(text)];
  });
}

/** Escapes a string for use inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Matches `secret` only where it stands for itself: `vm` is not the host `vm` inside
 * `vm_requests_total`, and `:8428` is not the port `:8428` inside `:84280`.
 */
function boundedPattern(secret: string): RegExp {
  const before = /^[A-Za-z0-9]/.test(secret) ? '(?<![A-Za-z0-9_.-])' : '';
  const after = /[A-Za-z0-9]$/.test(secret) ? '(?![A-Za-z0-9_-])(?!\\.[A-Za-z0-9])' : '';
  return new RegExp(`${before}${literal(secret)}${after}`, 'g');
}

// What names a machine in a Go error text, each alternative checked by isAddress before it is
// redacted: a bracketed IPv6 address (with a port or not); a bare IPv6 address; an IPv4 address
// (with a port or not); a host name with a port (at least one letter, so `1:5` is no host, and
// not after a `:`, so the `05Z07:00` of Go's time layout is none); the
// host of a URL; the host name of a failed DNS lookup (`lookup vmstorage-1 on 10.0.0.2:53`).
// A port is never followed by a word character or by `:` and a digit, so `12:30:45` and `5m:1m`
// are no host:port while `10.0.0.7:8401: connection refused` is one.
const ADDRESS = new RegExp(
  [
    String.raw`\[[0-9A-Fa-f:.]+(?:%\w+)?\](?::\d{1,5})?`,
    String.raw`(?<![\w.:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?![\w:])`,
    String.raw`(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.]|:\d)`,
    String.raw`(?<![\w.:-])(?=[\w.-]*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*:\d{1,5}(?![\w.]|:\d)`,
    String.raw`(?<=\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'@\\]+`,
    String.raw`(?<=\blookup )[A-Za-z0-9][A-Za-z0-9.-]*`,
  ].join('|'),
  'g',
);

/** Whether a match of ADDRESS names a machine: its IP literals must be IP addresses. */
function isAddress(match: string): boolean {
  if (match.startsWith('[')) return isIP(match.slice(1, match.indexOf(']')).replace(/%.*/, '')) === 6;
  if (/^[0-9A-Fa-f:.]+$/.test(match) && match.split(':').length > 2) return isIP(match) === 6;
  if (/^[\d.:]+$/.test(match)) return isIP(match.split(':')[0]!) === 4;
  return true;
}

/**
 * Replaces every address ADDRESS finds, then each backend identifier (longest first, so an origin
 * goes before its host) in `text` by `[backend]`; except what `clientText` (the parameter
 * values the client sent) contains in any form the backend echoes: that is the client's own and
 * stays verbatim.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[], clientText: readonly string[]): string {
  const echoed = echoForms(clientText);
  const ordered = secrets
    .filter((s): s is string => typeof s === 'string' && s.length > 1)
    .sort((a, b) => b.length - a.length);
  // Addresses first, so that a host:port goes whole before its host alone would.
  let out = text.replace(ADDRESS, (match) => (isAddress(match) && !echoed.some((form) => form.includes(match)) ? '[backend]' : match));
  for (const secret of ordered) {
    if (!out.includes(secret) || echoed.some((form) => form.includes(secret))) continue;
    out = out.replace(boundedPattern(secret), '[backend]');
  }
  return out;
}

/** Applies redactText to every string in a parsed JSON value. */
function redactJsonValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJsonValue(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJsonValue(item, redact)]));
  }
  return value;
}

/**
 * A JSON error body as the client gets it: the backend's bytes when no string in it names the
 * backend outside the client's text, re-serialized with those names redacted otherwise; undefined
 * when the body is not JSON after all.
 */
export function redactJsonError(body: string, secrets: readonly (string | undefined)[], clientText: readonly string[]): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  let changed = false;
  const redacted = redactJsonValue(parsed, (text) => {
    const out = redactText(text, secrets, clientText);
    if (out !== text) changed = true;
    return out;
  });
  return changed ? JSON.stringify(redacted) : body;
}

/**
 * What a caller can do about a plain-text backend error of this status and text. Recognises
 * VictoriaMetrics' concurrency limit (`cannot handle more than N concurrent search requests`, 503
 * in 1.79, 429 in later releases); any other text is reduced to what its status says.
 */
export function plainErrorMessage(status: number, text: string): string {
  if (/cannot handle more than \d+ concurrent search requests/.test(text)) {
    return 'the metrics backend is at its limit of concurrent queries; retry shortly';
  }
  if (status === 429) return 'the metrics backend is limiting the rate of queries; retry shortly';
  if (status === 503) return 'the metrics backend is unavailable or overloaded; retry shortly';
  if (status === 502 || status === 504) return `the metrics backend could not complete the query (${status}); retry shortly`;
  if (status >= 500) return `the metrics backend failed to answer the query (${status})`;
  return `the metrics backend refused the request (${status}); check the query and its parameters`;
}

/** The envelope for a plain-text backend error: its status kept, its text reduced by plainErrorMessage. */
export function wrapErrorText(status: number, text: string): string {
  return JSON.stringify(promErrorBody(String(status), plainErrorMessage(status, text)));
}

/**
 * Whether a backend error says it refused the gateway's own credentials: 401 or 403, or vmauth's
 * answer to credentials it does not know, a plain-text 400 `cannot find the provided auth token
 * "..." in config` (1.79). The operator must fix those, not the client.
 */
export function refusedCredentials(status: number, text: string, json: boolean): boolean {
  if (status === 401 || status === 403) return true;
  return status === 400 && !json && text.startsWith('cannot find the provided auth token');
}

/** Whether a Content-Type is JSON. */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(.+\+)?json\b/i.test(contentType);
}
