/**
 * GET /observe and GET /observe/assets/{file} (handwritten): the observe tab's page shell and its
 * content-hashed script and stylesheet, as `npm run build` writes them (scripts/build-observe.ts).
 *
 * The files are read once, on the first request that finds them, and kept in memory with their
 * ETags. Until they exist the routes answer 503 saying how to build them, so a gateway started
 * from the sources (tsx) without a build still serves every other route.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context, Middleware } from 'koa';
import { GatewayError, NotFoundError } from '../errors.ts';
import type { RoutedContext } from '../generated/routes.ts';
import { matchesEtag } from './etag.ts';

/**
 * Where the build writes the tab: `dist/observe/` at the repository root. The same relative path
 * holds from src/handlers/ (tsx) and from dist/handlers/ (the compiled gateway).
 */
export const OBSERVE_BUILD_DIR = fileURLToPath(new URL('../../dist/observe/', import.meta.url));

/**
 * The page's policy: its own origin only (no inline script or style, no other host), no plugins,
 * no framing, no form posts, no <base> rewriting.
 */
export const OBSERVE_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A file ready to send. */
interface ServedFile {
  readonly bytes: Buffer;
  readonly etag: string;
  readonly type: string;
}

/** The built tab: the page shell and its assets by file name. */
interface ObserveBundle {
  readonly page: ServedFile;
  readonly assets: ReadonlyMap<string, ServedFile>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function serve(bytes: Buffer, type: string): ServedFile {
  return { bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}

/** Reads the built tab from `dir`; undefined while it is not built. */
export function readObserveBundle(dir: string): ObserveBundle | undefined {
  let page: Buffer;
  let names: string[];
  try {
    page = readFileSync(`${dir}/index.html`);
    names = readdirSync(`${dir}/assets`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const assets = new Map<string, ServedFile>();
  for (const name of names) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type) assets.set(name, serve(readFileSync(`${dir}/assets/${name}`), type));
  }
  return { page: serve(page, 'text/html; charset=utf-8'), assets };
}

function send(ctx: Context, file: ServedFile, cacheControl: string): void {
  ctx.set('ETag', file.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Content-Security-Policy', OBSERVE_CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  const header = ctx.get('If-None-Match');
  if (header && matchesEtag(header, file.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.set('Content-Type', file.type);
  ctx.body = file.bytes;
}

/** The two observe handlers, keyed by operationId. */
export interface ObserveHandlers {
  getObservePage: Middleware;
  getObserveAsset: Middleware;
}

/** Creates the handlers over the build directory. (default: OBSERVE_BUILD_DIR) */
export function createObserveHandlers(dir: string = OBSERVE_BUILD_DIR): ObserveHandlers {
  let bundle: ObserveBundle | undefined;
  const load = (): ObserveBundle => {
    bundle ??= readObserveBundle(dir);
    if (!bundle) {
      throw new GatewayError('ERR_OBSERVE_NOT_BUILT', 503, 'the observe tab is not built; run `npm run build` (npm start does) and reload', { expose: true });
    }
    return bundle;
  };
  return {
    // The shell names the current hashed assets, so it must be revalidated on every load.
    getObservePage: (ctx) => send(ctx, load().page, 'no-cache'),
    getObserveAsset: (ctx) => {
      const name = (ctx as RoutedContext).params.file ?? '';
      const file = load().assets.get(name);
      if (!file) throw new NotFoundError(`no observe asset named "${name.slice(0, 100)}"; GET /observe links the current ones`);
      send(ctx, file, 'public, max-age=31536000, immutable');
    },
  };
}
