/**
 * Writes a whole answer on Node's response at once, instead of leaving it to Koa's respond step:
 * the head as one raw list that starts with the request's id and Server (see identify), then the
 * body. With no header set on the response before, Node writes the list as given rather than
 * merging each field into its header map, and the request skips Koa's request handling (see
 * request-listener.ts). Node itself leaves out the body of an answer to HEAD and of a 304.
 */
import type { Context } from 'koa';
import { identityFields } from './request-tracking.ts';

/** Answers `status` with the raw header `fields` (name, value, ...) and `body` (a string in UTF-8), whose Content-Length `fields` must give. */
export function writeAnswer(ctx: Context, status: number, fields: readonly string[], body?: Buffer | string): void {
  ctx.respond = false;
  const head = identityFields(ctx);
  for (const field of fields) head.push(field);
  ctx.res.writeHead(status, head);
  ctx.res.end(body);
}

/** The head fields of a JSON answer of `text`, after `fields`. */
export function jsonFields(text: string, ...fields: string[]): string[] {
  fields.push('Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text)));
  return fields;
}
