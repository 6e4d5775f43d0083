/**
 * The Prometheus-format scrape config that makes vmsingle scrape the gateway's own /metrics.
 * Every string is written as a JSON string, which YAML reads as a double-quoted scalar, so no
 * path or host can break the document.
 */

/** What vmsingle should scrape: the gateway itself. */
export interface ScrapeTarget {
  /** Host the gateway listens on, e.g. 127.0.0.1 or ::1. */
  targetHost: string;
  /** Port the gateway listens on. */
  targetPort: number;
  /** Path of the metrics endpoint, e.g. /metrics. */
  path: string;
  /** Scrape interval as a Prometheus duration, e.g. 15s. */
  interval: string;
  /** File holding the bearer token vmsingle sends. (default: no Authorization header) */
  bearerTokenFile?: string;
  /** Scrape over HTTPS, trusting the certificates in caFile. (default: plain HTTP) */
  tls?: ScrapeTls;
}

/** How vmsingle verifies the gateway's certificate. */
export interface ScrapeTls {
  /** PEM file of the certificates vmsingle trusts as roots. */
  caFile: string;
  /** The name to verify the certificate against, when the target host is not in it. (default: the target host) */
  serverName?: string;
}

/** The scrape job's name, which becomes the `job` label of the gateway's own series. */
export const SCRAPE_JOB = 'layer-gateway';

/** `host:port`, with an IPv6 host in brackets as Prometheus targets require. */
export function formatTarget(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Renders the scrape config file (pure; deterministic for the same input). */
export function renderScrapeConfig(target: ScrapeTarget): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    '# Written by the layer gateway on every vmsingle start; edits are overwritten.',
    'scrape_configs:',
    `  - job_name: ${q(SCRAPE_JOB)}`,
    `    scrape_interval: ${q(target.interval)}`,
    `    metrics_path: ${q(target.path)}`,
  ];
  if (target.bearerTokenFile !== undefined) lines.push(`    bearer_token_file: ${q(target.bearerTokenFile)}`);
  if (target.tls !== undefined) {
    lines.push('    scheme: "https"', '    tls_config:', `      ca_file: ${q(target.tls.caFile)}`);
    if (target.tls.serverName !== undefined) lines.push(`      server_name: ${q(target.tls.serverName)}`);
  }
  lines.push('    static_configs:', `      - targets: [${q(formatTarget(target.targetHost, target.targetPort))}]`, '');
  return lines.join('\n');
}
