/** A client's side of a shared answer (see shared-answer.ts): what it is sent, and how far it has read. */
import type { ServerResponse } from 'node:http';
import type { SharedAnswer } from './shared-answer.ts';

/** What every reader of an answer is sent before its body: status and headers, or the backend's error text. */
export interface AnswerHead {
  status: number;
  headers: Record<string, string>;
  /** A backend error answer's whole text (status 400 and up): each reader words its own answer from it. */
  errorText?: string;
  /** The backend's X-Server-Hostname, scrubbed from its error text. */
  hostname?: string;
}

/** One client of an answer. */
export interface AnswerReader {
  /** The head, or the backend's failure (an UpstreamError) when it sent none. */
  readonly head: Promise<AnswerHead>;
  /** Sends the body to `res` (its head already written) and ends it; `stallTimeoutMs` cuts a reader that stopped reading. */
  deliver(res: ServerResponse, stallTimeoutMs: number, onStall: () => void): void;
  /** The client went away: stop sending to it; the last reader to leave before the backend finished aborts it. */
  leave(): void;
}

/** One client of a SharedAnswer: how far it has read, and the response it is sent to. */
export class SharedAnswerReader implements AnswerReader {
  /** The number of the answer's next chunk it is sent. */
  cursor = 0;
  res: ServerResponse | undefined = undefined;
  /** Whether it waits for its socket's 'drain'. */
  waiting = false;
  /** Bytes written since its socket was corked. */
  corked = 0;
  started = false;
  ended = false;

  constructor(
    private readonly answer: SharedAnswer,
    readonly head: Promise<AnswerHead>,
    /** Its concurrency slot. */
    readonly release: () => void,
  ) {}

  deliver(res: ServerResponse, stallTimeoutMs: number, onStall: () => void): void {
    this.answer.deliverTo(this, res, stallTimeoutMs, onStall);
  }

  leave(): void {
    this.answer.remove(this);
  }
}
