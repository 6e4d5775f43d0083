/**
 * GET /v2/metrics/catalog and GET /v2/metrics/catalog/{name}: the catalog documents generated from
 * catalog.yaml, pre-serialized with their strong ETags, answered 304 when If-None-Match matches.
 */
import type { Context, Middleware } from 'koa';
import { NotFoundError } from '../errors.ts';
import { catalogDocument, catalogEntryDocuments, type ServedDocument } from '../generated/catalog.ts';
import type { RoutedContext } from '../generated/routes.ts';
import { jsonFields, writeAnswer } from '../edge/write-answer.ts';
import { matchesEtag } from './etag.ts';

interface EncodedDocument {
  readonly bytes: Buffer;
  readonly etag: string;
  /** The head of its 200 answer, and of its 304. */
  readonly fields: readonly string[];
  readonly notModifiedFields: readonly string[];
}

function encode(doc: ServedDocument): EncodedDocument {
  const bytes = Buffer.from(doc.body);
  const notModifiedFields = ['ETag', doc.etag, 'Cache-Control', 'no-cache'];
  const fields = jsonFields(doc.body, ...notModifiedFields);
  return { bytes, etag: doc.etag, fields, notModifiedFields };
}

// The head is built once per document and written with the body in one step: the cheapest route
// the gateway serves.
function sendDocument(ctx: Context, doc: EncodedDocument): void {
  const header = ctx.req.headers['if-none-match'];
  if (header && matchesEtag(header, doc.etag)) writeAnswer(ctx, 304, doc.notModifiedFields);
  else writeAnswer(ctx, 200, doc.fields, doc.bytes);
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
