/** The client's side of a passthrough request, watched from the moment it is routed. */
import type { Context } from 'koa';
import type { GatewayState } from '../edge/request-state.ts';
import type { Release, SlotWait } from '../proxy/limiter.ts';
import type { AnswerReader, SharedAnswer } from '../proxy/shared-answer.ts';

/** One client's side of a passthrough request: what it waits for, holds or reads, and whether it left. */
export class Client {
  waiting: SlotWait | undefined = undefined;
  slot: Release | undefined = undefined;
  shared: SharedAnswer | undefined = undefined;
  reader: AnswerReader | undefined = undefined;
  closed = false;

  /** The response closed: leaving frees what it waits for or holds, and the last reader to leave aborts the backend request (before or during its response). */
  onClose(): void {
    this.closed = true;
    this.waiting?.cancel();
    this.reader?.leave();
  }
}

/**
 * Watches the client's side of `ctx`'s request. A tracked request (see request-tracking.ts) is
 * told of its response's close by the tracking's one listener; any other gets a listener of its own.
 */
export function watchClient(ctx: Context): Client {
  const client = new Client();
  const state = ctx.state as GatewayState;
  if (state.closeWatcher === null) state.closeWatcher = client;
  else ctx.res.on('close', () => client.onClose());
  return client;
}
