/**
 * GET /v2/metrics/catalog and GET /v2/metrics/catalog/{name}: the catalog documents generated from
 * catalog.yaml, pre-serialized with their strong ETags, answered 304 when If-None-Match matches.
 */
import type { Context, Middleware } from 'koa';
import { NotFoundError } from '../errors.ts';
import { catalogDocument, catalogEntryDocuments, type ServedDocument } from '../generated/catalog.ts';
import type { RoutedContext } from '../generated/routes.ts';
import { matchesEtag } from './etag.ts';

interface EncodedDocument {
  readonly bytes: Buffer;
  readonly etag: string;
}

const encode = (doc: ServedDocument): EncodedDocument => ({ bytes: Buffer.from(doc.body), etag: doc.etag });

// Headers go to Node's response directly: Koa's ctx.set and ctx.type add a lookup and a MIME table
// search per call, on the cheapest route the gateway serves.
function sendDocument(ctx: Context, doc: EncodedDocument): void {
  const { req, res } = ctx;
  res.setHeader('ETag', doc.etag);
  res.setHeader('Cache-Control', 'no-cache');
  const header = req.headers['if-none-match'];
  if (header && matchesEtag(header, doc.etag)) {
    ctx.status = 304;
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  ctx.body = doc.bytes;
}

/** Creates the two catalog handlers; the documents are encoded once, here. */
export function createCatalogHandlers(): { getCatalog: Middleware; getCatalogEntry: Middleware } {
  const whole = encode(catalogDocument);
  const entries = new Map([...catalogEntryDocuments].map(([name, doc]) => [name, encode(doc)]));
  return {
    getCatalog: (ctx) => sendDocument(ctx, whole),
    getCatalogEntry: (ctx) => {
      const name = String((ctx as RoutedContext).params.name);
      const entry = entries.get(name);
      if (!entry) throw new NotFoundError(`no metric named "${name}" in the catalog; GET /v2/metrics/catalog lists every name`);
      sendDocument(ctx, entry);
    },
  };
}
