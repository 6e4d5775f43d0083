/**
 * Answers for what never reaches Koa: requests Node's HTTP parser refuses (a request line and
 * headers over maxHeaderSize, bytes the parser does not accept, headers that arrive too slowly),
 * HTTP/1.1 requests without Host, and CONNECT. Node's defaults answer these with an empty body or close silently; clients and
 * proxies should get a JSON error with the right status instead. Which route was meant is unknown
 * here (the request line may be what overflowed), so the body carries both error shapes of
 * openapi.yaml: the Prometheus envelope (status, errorType, error) for query clients, and the
 * gateway's Error (code, message, request_id) for the rest.
 */
import { gatewayErrorBody, promErrorBody, type GatewayErrorBody, type PromErrorBody } from './error-body.ts';
import { errorTypeOf } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { nextRequestId } from '../util/request-id.ts';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

interface Answer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

/** The status and text for a parser or timeout error code (Node's own mapping, with messages). */
function answerFor(code: string | undefined, headersTimeoutMs: number): Answer {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: 'ERR_HEADERS_TOO_LARGE',
      message: 'the request line and headers exceed 16 KiB; send long queries as a POST form body, and fewer or shorter headers',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      reason: 'Request Timeout',
      code: 'ERR_REQUEST_TIMEOUT',
      message: `the request headers did not arrive within ${headersTimeoutMs} ms; send the whole request at once`,
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    code: 'ERR_BAD_REQUEST',
    message: 'the request is not valid HTTP/1.1 (malformed request line, raw bytes outside the URL character set, or a bad header); percent-encode the URL',
  };
}

/**
 * Both error bodies at once: the route is not known before routing, so one body must read right to
 * a Prometheus client and to any other, and the two schemas share no field name.
 */
type ClientErrorBody = PromErrorBody & GatewayErrorBody;

/** The JSON body of an answer, in both error shapes. */
function bodyOf(answer: Answer): string {
  // Prometheus has no type for a slow client; its closest is the one for anything too slow.
  const errorType = answer.status === 408 ? 'timeout' : errorTypeOf(answer.status);
  const body: ClientErrorBody = { ...promErrorBody(errorType, answer.message), ...gatewayErrorBody(answer.code, answer.message, nextRequestId()) };
  return JSON.stringify(body);
}

/** The raw bytes of a short JSON error response that closes the connection. */
function render(answer: Answer, extraHeaders = ''): string {
  const body = bodyOf(answer);
  return (
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Server: layer-metrics-gateway\r\n' +
    extraHeaders +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** Writes the answer, then closes; a client that does not read it is cut after a second. */
function answerAndClose(socket: Duplex, raw: string): void {
  socket.end(raw, () => socket.destroy());
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Installs the clientError and connect handlers on `server`. */
export function answerClientErrors(
  server: Server,
  options: { headersTimeoutMs: number; logger: Pick<Logger, 'debug'>; /** Sent with every answer (Strict-Transport-Security over TLS). (default: none) */ headers?: Readonly<Record<string, string>> },
): void {
  const answered = new WeakSet<Duplex>();
  const extra = Object.entries(options.headers ?? {})
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The parser can report again on the same socket with data that was already buffered.
    if (answered.has(socket)) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = answerFor(error.code, options.headersTimeoutMs);
    options.logger.debug({ code: error.code, status: answer.status }, 'request refused by the HTTP parser');
    // Bytes after a valid request (pipelined, or a body sent without a length) can fail to parse
    // while that request's response is still to come. Answering at once would put our bytes in
    // front of it (Node's own handler does): answer after it, unless it closes the connection.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    // The error lies in the in-flight request's own body (a malformed chunk, or the client left
    // before its end): that request can never complete, and its response would wait for it until
    // the request timeout. Answer now, unless its response has started, and close.
    if (inFlight && !inFlight.req.complete) {
      options.logger.debug({ code: error.code }, 'request body cut short or malformed; connection closed');
      if (inFlight.headersSent) socket.destroy();
      else answerAndClose(socket, render(answer, extra));
      return;
    }
    if (inFlight && !inFlight.writableFinished) {
      inFlight.once('finish', () => (socket.writable ? answerAndClose(socket, render(answer, extra)) : undefined));
      inFlight.once('close', () => setTimeout(() => socket.destroy(), 1000).unref());
      return;
    }
    // A response written whole while its request was handled can be finished here already, before
    // Node ends a connection that its request asked to close: nothing more is answered on it.
    if (inFlight && !inFlight.shouldKeepAlive) {
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    answerAndClose(socket, render(answer, extra));
  });
  // Without a listener Node closes CONNECT connections silently; the gateway is not a tunnel.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    answerAndClose(
      socket,
      render(
        { status: 405, reason: 'Method Not Allowed', code: 'ERR_METHOD_NOT_ALLOWED', message: 'method CONNECT is not allowed: the gateway is not a proxy' },
        `Allow: GET, HEAD, POST\r\n${extra}`,
      ),
    );
  });
}

const MISSING_HOST: Answer = {
  status: 400,
  reason: 'Bad Request',
  code: 'ERR_BAD_REQUEST',
  message: 'the request has no Host header, which HTTP/1.1 requires (RFC 9112 section 3.2); send Host: <gateway host:port>',
};

/**
 * Wraps the server's request listener so that an HTTP/1.1 request without Host gets the same JSON
 * answer as the parser's errors; the server is created with `requireHostHeader: false`, since
 * Node's own check answers with an empty body.
 */
export function requireHost(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (req.headers.host !== undefined || req.httpVersion !== '1.1') {
      listener(req, res);
      return;
    }
    const body = bodyOf(MISSING_HOST);
    res.writeHead(MISSING_HOST.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      Server: 'layer-metrics-gateway',
      Connection: 'close',
    });
    res.end(body);
    req.resume();
  };
}
