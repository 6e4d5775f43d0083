/**
 * The gateway's own HTTP server, plain or TLS: its timeouts, the answers to what never reaches
 * Koa, the listening sockets it accepts from, and the connection tracking that lets stop() finish
 * responses in flight.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import type { Config } from '../config.ts';
import { answerClientErrors, requireHost } from '../edge/client-errors.ts';
import { requestListener } from '../edge/request-listener.ts';
import { trackConnections } from '../lifecycle/connections.ts';
import type { Logger } from '../logger.ts';
import { hstsValue, tlsServerOptions, withHeaders, type TlsFiles, type TlsPair } from '../tls/tls.ts';
import { isLoopbackHost } from '../util/loopback.ts';
import { loadTlsPair } from './config-files.ts';
import { listenOnPort } from './port-listeners.ts';

/** A server option of Node 24.12, 25.1 and later, missing from the types of the Node line the project builds with. */
interface EmptyRequestsOption {
  optimizeEmptyRequests?: boolean;
}

/** Settings of the HTTP server that are not operator configuration; tests shorten them. */
export interface ServerOptions {
  /** How long a client may take to send a request's line and headers. (default: 10000) */
  headersTimeoutMs?: number;
  /** Listening sockets sharing the port where Node and the platform allow it, else one. (default: 16) */
  listeners?: number;
}

/** The TLS files and the pair read from them; undefined without LAYER_TLS_CERT_FILE. */
export type ServerTls = { files: TlsFiles; pair: TlsPair } | undefined;

/** Reads the TLS pair when both files are configured; an unusable pair stops start-up. */
export async function loadServerTls(config: Pick<Config, 'tlsCertFile' | 'tlsKeyFile'>): Promise<ServerTls> {
  if (!config.tlsCertFile || !config.tlsKeyFile) return undefined;
  const files = { certFile: config.tlsCertFile, keyFile: config.tlsKeyFile };
  return { files, pair: await loadTlsPair(files) };
}

/** A listening server. */
export interface ListeningServer {
  readonly server: http.Server | https.Server;
  readonly port: number;
  readonly url: string;
  /** Stops accepting and finishes or cuts connections within LAYER_SHUTDOWN_TIMEOUT_MS; once. */
  close(): Promise<void>;
}

/** Creates the server around the app and resolves once it listens on LAYER_HOST:LAYER_PORT. */
export async function listenHttp(config: Config, app: Koa, tls: ServerTls, options: ServerOptions, logger: Logger): Promise<ListeningServer> {
  const headersTimeoutMs = options.headersTimeoutMs ?? 10_000;
  const httpOptions: http.ServerOptions & EmptyRequestsOption = {
    requestTimeout: 60_000,
    headersTimeout: headersTimeoutMs,
    keepAliveTimeout: 5_000,
    // Node enforces both timeouts only when it sweeps connections, every 30 s by default, so a
    // client sending its headers a byte at a time would hold a socket for up to 40 s, not 10.
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    // requireHost answers a missing Host in JSON; Node's own check answers with an empty body.
    requireHostHeader: false,
    // A request without Content-Length or Transfer-Encoding has no body (RFC 9112, 6.3). Node
    // 24.12, 25.1 and later then hand it over with its body stream already ended, where each such
    // request would otherwise go through the stream's end and close, with their events, after its
    // answer. Earlier lines ignore the option. Whatever reads a body must check `readableEnded`
    // first: no 'end' comes for such a request (src/proxy/read-body.ts).
    optimizeEmptyRequests: true,
  };
  const hsts = tls ? hstsValue(config.tlsHstsMaxAge) : undefined;
  const edgeHeaders: Record<string, string> = hsts === undefined ? {} : { 'Strict-Transport-Security': hsts };
  const listener = withHeaders(requireHost(requestListener(app)), edgeHeaders);
  const server = tls ? https.createServer({ ...httpOptions, ...tlsServerOptions(tls.pair) }, listener) : http.createServer(httpOptions, listener);
  if (!tls && !isLoopbackHost(config.host)) {
    logger.warn({ host: config.host }, 'listening beyond loopback without TLS: API tokens cross the network in clear; set LAYER_TLS_CERT_FILE and LAYER_TLS_KEY_FILE, or terminate TLS in front of the gateway');
  }
  answerClientErrors(server, { headersTimeoutMs, logger, headers: edgeHeaders });
  const connections = trackConnections(server);
  const extraListeners = await listenOnPort(server, { port: config.port, host: config.host, listeners: options.listeners ?? 16 }, logger);
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
  let closed: Promise<void> | undefined;
  return { server, port, url, close: () => (closed ??= connections.close(config.shutdownTimeoutMs, extraListeners)) };
}
