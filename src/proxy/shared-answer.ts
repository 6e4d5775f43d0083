/**
 * One backend answer held by the gateway for the clients that read it. The backend's body is read
 * as fast as the backend sends it and kept in memory, up to LAYER_PROXY_BUFFER_BYTES for the answer
 * and LAYER_PROXY_BUFFER_TOTAL_BYTES for all answers together (a BufferBudget), so the backend
 * finishes, and its request and concurrency slot are freed, however slowly the clients read: each
 * client drains the held bytes at its own pace. An answer that does not fit streams instead: the
 * backend is paused while the slowest reader has not taken what arrived, and a
 * reader that stops reading is cut by the stall watch (see stall-watch.ts).
 *
 * Several readers may share one answer while it is buffered (collapsed forwarding, see
 * coalesce.ts): while the backend request is in flight, and for `lingerMs` after the backend's
 * last byte.
 * Each starts from the first byte, and the answer is aborted only when its last reader has left
 * before the backend finished.
 */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { madeReject, madeResolve, newPromise } from '../util/new-promise.ts';
import { SharedAnswerReader, type AnswerHead, type AnswerReader } from './answer-reader.ts';
import { watchStall } from './stall-watch.ts';

export type { AnswerHead, AnswerReader } from './answer-reader.ts';

/**
 * How much of an answer is queued before it is written out. undici hands a body over as the
 * backend socket is read (vmsingle's 64 KB HTTP chunks arrive as several smaller pieces), and a
 * write per piece would be a system call and a chunked-encoding frame each; the socket is corked
 * while pieces are queued and uncorked at this size or at the end (figures in docs/decisions.md).
 * A query answer is one JSON document, of no use to a client before its last byte, so holding
 * this much in between delays nothing the client can act on.
 */
export const COALESCE_BYTES = 128 * 1024;

/**
 * How far the slowest reader of a streaming (over-bound) answer may fall behind before the backend
 * is paused: nothing beyond what its socket took, as a plain streaming proxy does, so that many
 * slow readers do not make the backend produce more than they read.
 */
export const STREAM_WINDOW_BYTES = 0;

function ignore(): void {}

/**
 * The largest whole body sent as text. Node joins text written before the head went out to the
 * head, so head and body leave in one plain write; `end(buffer)` instead gathers the head, the body
 * and an empty end marker into one vectored write, more work in Node's stream code. Each byte maps
 * to one latin1 character and back, so the bytes are unchanged. Larger bodies go as they are:
 * copying them twice would cost more than the gathered write saves.
 */
export const TEXT_BODY_BYTES = 4096;

/** Ends `res`, whose head is written but not yet sent, with the whole body `chunk`. */
function endWith(res: ServerResponse, chunk: Buffer): void {
  if (chunk.length > TEXT_BODY_BYTES) return void res.end(chunk);
  const socket = res.socket;
  const corked = socket?.writableCorked ?? 0;
  res.write(chunk.toString('latin1'), 'latin1');
  // Node corks the socket for a write until the next tick: released here, head and body leave now
  // and `end` has nothing left to add. A cork someone else holds stays.
  if (socket && socket.writableCorked > corked) socket.uncork();
  res.end();
}

/** Bytes held for buffered answers, across all of them (LAYER_PROXY_BUFFER_TOTAL_BYTES). */
export interface BufferBudget {
  /** Reserves `bytes`; false (nothing reserved) when they do not fit. */
  take(bytes: number): boolean;
  /** Returns `bytes` reserved earlier. */
  give(bytes: number): void;
  readonly used: number;
}

/** Creates a budget of `total` bytes. */
export function createBufferBudget(total: number): BufferBudget {
  let used = 0;
  return {
    get used() {
      return used;
    },
    take(bytes) {
      if (used + bytes > total) return false;
      used += bytes;
      return true;
    },
    give(bytes) {
      used -= bytes;
    },
  };
}

/** The bounds of one answer. */
export interface AnswerLimits {
  /** LAYER_PROXY_BUFFER_BYTES: the most of one answer held for its readers before it streams. */
  answerBytes: number;
  budget: BufferBudget;
  /** Most readers of one answer. (default: 1) */
  maxReaders?: number;
  /** How long after the backend's last byte a complete answer may still be joined. (default: 0, only while in flight) */
  lingerMs?: number;
}

// Held until the first chunk arrives: an answer is given an array of its own only then.
const NO_CHUNKS: Buffer[] = Object.freeze([]) as unknown as Buffer[];

/**
 * Where an answer is offered to identical requests (coalesce.ts). One object for every answer it
 * lists, told of each by the handle the listing gave it: no closure per answer.
 */
export interface AnswerListing<H> {
  /** `answer`, listed as `listed`, can no longer be joined. */
  unlist(listed: H, answer: SharedAnswer): void;
}

/** Told once an answer's backend request is over: answered whole, failed or aborted. */
export interface SettledListener {
  backendSettled(): void;
}

/** A backend answer being received, and the readers it goes to. */
export class SharedAnswer {
  /** Settles with the head; rejected (and its rejection handled) when the backend sent none. */
  private readonly headPromise: Promise<AnswerHead>;
  private readonly resolveHead: (head: AnswerHead) => void;
  private readonly rejectHead: (error: unknown) => void;
  // Most answers have one reader: it is held alone, and a set is made for the second one on.
  private firstReader: SharedAnswerReader | undefined = undefined;
  private moreReaders: Set<SharedAnswerReader> | undefined = undefined;
  private readerCount = 0;
  private settledListener: SettledListener | undefined = undefined;
  private listing: AnswerListing<unknown> | undefined = undefined;
  private listed: unknown = undefined;
  private errorAnswer = false;
  private completedAt = 0;
  private bodyFailed = false;
  // Chunks still held; chunks[0] is the answer's chunk number `first`.
  private chunks: Buffer[] = NO_CHUNKS;
  private first = 0;
  private received = 0;
  // Chunks numbered below reservedEnd were reserved from the budget (a prefix: buffering stops for good).
  private reservedEnd = 0;
  private reservedHeld = 0;
  private held = 0;
  private buffering = true;
  private complete = false;
  private settled = false;
  private body: Readable | undefined = undefined;
  private paused = false;
  /** Whether a reader was cut for not reading: the abort that may follow is no failure of the backend. */
  stalled = false;

  constructor(
    private readonly limits: AnswerLimits,
    /** The backend request, aborted when its last reader leaves before it is over. */
    private readonly backend: { abort(): void },
  ) {
    this.headPromise = newPromise<AnswerHead>();
    this.resolveHead = madeResolve();
    this.rejectHead = madeReject();
  }

  /**
   * Whether another reader may still join: the answer is buffered whole so far, under its bound of
   * readers, and either still coming from the backend or complete for at most `lingerMs`.
   */
  get joinable(): boolean {
    if (!this.buffering || this.readerCount >= (this.limits.maxReaders ?? 1)) return false;
    if (!this.settled) return true;
    return this.complete && !this.errorAnswer && performance.now() - this.completedAt <= (this.limits.lingerMs ?? 0);
  }

  /** Offers the answer in `listing` as `listed`: `listing.unlist` is called once no reader can join any more. */
  listIn<H>(listing: AnswerListing<H>, listed: H): void {
    this.listing = listing as AnswerListing<unknown>;
    this.listed = listed;
    this.checkDone();
  }

  private checkDone(): void {
    const listing = this.listing;
    if (listing === undefined || this.joinable) return;
    this.listing = undefined;
    const listed = this.listed;
    this.listed = undefined;
    listing.unlist(listed, this);
  }

  /** Tells `listener` once the backend request is over (at once if it is); an answer has one such listener. */
  onSettled(listener: SettledListener): void {
    if (this.settled) listener.backendSettled();
    else this.settledListener = listener;
  }

  /** Adds a reader; `release` (its concurrency slot) is called when the backend is done or the reader leaves, whichever is first. */
  join(release: () => void): AnswerReader {
    const reader = new SharedAnswerReader(this, this.headPromise, release);
    if (this.firstReader === undefined) this.firstReader = reader;
    else (this.moreReaders ??= new Set()).add(reader);
    this.readerCount++;
    // Joined after the backend was done: there is no backend slot to hold.
    if (this.settled) release();
    return reader;
  }

  /** Sends the body to `reader`'s response (see AnswerReader.deliver). */
  deliverTo(reader: SharedAnswerReader, res: ServerResponse, stallTimeoutMs: number, onStall: () => void): void {
    // The body failed before this reader started: never a clean, truncated answer.
    if (this.bodyFailed) return void res.destroy();
    reader.res = res;
    this.pump(reader);
    this.trim();
    // An answer sent whole in one write needs no watch: the socket holds it now.
    if (reader.ended) return;
    watchStall(res, stallTimeoutMs, () => {
      this.stalled = true;
      onStall();
    });
  }

  /** The backend's status and headers (or error text): every reader may now write its head. */
  setHead(head: AnswerHead): void {
    this.resolveHead(head);
    if (head.errorText === undefined) return;
    this.errorAnswer = true;
    this.finish();
  }

  /** The backend sent no answer (`error` is what each reader is told). */
  fail(error: unknown): void {
    // Marked handled only here, so an answered head costs no extra reaction: a reader may have left unawaited.
    this.headPromise.catch(ignore);
    this.rejectHead(error);
    this.settle();
  }

  /** The whole body, read with the head. */
  endWith(bytes: Buffer): void {
    this.hold(bytes);
    this.finish();
  }

  /** Reads `body` to its end; its 'error' cuts every reader's connection (never a clean, truncated answer). */
  readFrom(body: Readable): void {
    this.body = body;
    body.on('data', (chunk: Buffer) => this.add(chunk));
    body.once('end', () => this.finish());
    body.once('error', () => {
      this.bodyFailed = true;
      if (this.firstReader) this.firstReader.res?.destroy();
      if (this.moreReaders) for (const reader of this.moreReaders) reader.res?.destroy();
      this.settle();
    });
  }

  private hold(chunk: Buffer): void {
    if (this.chunks === NO_CHUNKS) this.chunks = [chunk];
    else this.chunks.push(chunk);
    this.held += chunk.length;
    this.received += chunk.length;
  }

  private add(chunk: Buffer): void {
    this.hold(chunk);
    if (this.buffering && this.received <= this.limits.answerBytes && this.limits.budget.take(chunk.length)) {
      this.reservedEnd = this.first + this.chunks.length;
      this.reservedHeld += chunk.length;
    } else {
      this.buffering = false;
    }
    this.pumpAll();
    this.trim();
    if (!this.buffering && !this.paused && this.held - this.reservedHeld > STREAM_WINDOW_BYTES) {
      this.paused = true;
      this.body?.pause();
    }
  }

  private finish(): void {
    this.complete = true;
    this.completedAt = performance.now();
    // Once no reader can join, what every reader has had is dropped and the map entry goes.
    const linger = this.limits.lingerMs ?? 0;
    if (linger > 0 && !this.errorAnswer) {
      setTimeout(() => {
        this.checkDone();
        this.trim();
      }, linger + 1).unref();
    }
    this.settle();
    this.pumpAll();
    this.trim();
  }

  /** The backend request is over: frees every reader's slot and runs the hooks. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.firstReader) this.firstReader.release();
    if (this.moreReaders) for (const reader of this.moreReaders) reader.release();
    const listener = this.settledListener;
    this.settledListener = undefined;
    listener?.backendSettled();
    this.checkDone();
  }

  /** `reader` went away (see AnswerReader.leave). */
  remove(reader: SharedAnswerReader): void {
    if (reader === this.firstReader) this.firstReader = undefined;
    else if (!this.moreReaders?.delete(reader)) return;
    this.readerCount--;
    // Once the backend is done, every reader's slot has been released (at settle, or when it joined).
    if (!this.settled) reader.release();
    if (this.readerCount === 0 && !this.settled) {
      this.backend.abort();
      this.settle();
    }
    this.checkDone();
    this.trim();
  }

  private pumpAll(): void {
    if (this.firstReader) this.pump(this.firstReader);
    if (this.moreReaders) for (const reader of this.moreReaders) this.pump(reader);
  }

  /** Writes what `reader` has not had yet, in writes of about COALESCE_BYTES, until its socket asks it to wait. */
  private pump(reader: SharedAnswerReader): void {
    const res = reader.res;
    if (res === undefined || reader.waiting || reader.ended) return;
    const socket = res.socket;
    const end = this.first + this.chunks.length;
    while (reader.cursor < end) {
      const chunk = this.chunks[reader.cursor - this.first]!;
      reader.cursor++;
      // The headers and the first piece go out at once, alone: the client learns the status without
      // waiting, and a body that fails later reaches it as a cut transfer, not as no answer.
      if (!reader.started) {
        reader.started = true;
        if (this.complete && reader.cursor === end) {
          reader.ended = true;
          endWith(res, chunk);
          return this.checkDone();
        }
        if (!res.write(chunk)) return this.waitForDrain(reader, res);
        continue;
      }
      // The socket is corked rather than the response: from Node 22 on, a corked response keeps a
      // buffer of its own, writes it out piece by piece after uncorking the socket and can leave
      // the response waiting for a 'drain' that never comes. A corked socket sends the queued
      // pieces in one write on every Node line, and its 'drain' reaches the response.
      if (reader.corked === 0) socket?.cork();
      reader.corked += chunk.length;
      const roomLeft = res.write(chunk);
      if (reader.corked < COALESCE_BYTES) continue;
      reader.corked = 0;
      socket?.uncork();
      if (!roomLeft && res.writableNeedDrain) return this.waitForDrain(reader, res);
    }
    if (this.complete && reader.cursor === end) {
      reader.ended = true;
      if (reader.corked > 0) socket?.uncork();
      res.end();
      this.checkDone();
    }
  }

  private waitForDrain(reader: SharedAnswerReader, res: ServerResponse): void {
    reader.waiting = true;
    res.once('drain', () => {
      reader.waiting = false;
      this.pump(reader);
      this.trim();
    });
  }

  /** Drops the chunks every reader has had, once no reader can join any more; resumes a paused backend. */
  private trim(): void {
    if (this.joinable) return;
    let lowest = this.first + this.chunks.length;
    if (this.firstReader && this.firstReader.cursor < lowest) lowest = this.firstReader.cursor;
    if (this.moreReaders) for (const reader of this.moreReaders) if (reader.cursor < lowest) lowest = reader.cursor;
    const drop = lowest - this.first;
    if (drop <= 0) return;
    let returned = 0;
    for (let i = 0; i < drop; i++) {
      const size = this.chunks[i]!.length;
      this.held -= size;
      if (this.first + i < this.reservedEnd) returned += size;
    }
    this.chunks = drop === this.chunks.length ? NO_CHUNKS : this.chunks.slice(drop);
    this.first = lowest;
    if (returned > 0) {
      this.reservedHeld -= returned;
      this.limits.budget.give(returned);
    }
    if (this.paused && this.held - this.reservedHeld <= STREAM_WINDOW_BYTES) {
      this.paused = false;
      this.body?.resume();
    }
  }
}
