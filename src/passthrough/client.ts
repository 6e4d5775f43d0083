/** The client's side of a passthrough request, watched from the moment it is routed. */
import type { ServerResponse } from 'node:http';
import type { Release, SlotWait } from '../proxy/limiter.ts';
import type { AnswerReader, SharedAnswer } from '../proxy/shared-answer.ts';

/** One client's side of a passthrough request: what it waits for, holds or reads, and whether it left. */
export interface Client {
  waiting?: SlotWait;
  slot?: Release;
  shared?: SharedAnswer;
  reader?: AnswerReader;
  closed?: boolean;
}

/**
 * One listener for the client's side: leaving frees what it waits for or holds, and the last
 * reader to leave aborts the backend request (before or during its response).
 */
export function watchClient(res: ServerResponse): Client {
  const client: Client = {};
  res.on('close', () => {
    client.closed = true;
    client.waiting?.cancel();
    client.reader?.leave();
  });
  return client;
}
