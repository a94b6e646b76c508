/**
 * GraphiQL's page: about 9 MB of inlined scripts and styles (so it works with no CDN in reach),
 * the same for every caller of one build. It is rendered on the first request, then served with
 * a strong ETag (a browser's revalidation is a 304 with no body) and, where the browser accepts
 * it, compressed once per encoding in zlib's thread pool (brotli about 1.9 MB, gzip about
 * 2.4 MB): no request compresses it again, and none blocks the event loop doing so.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Response } from '@whatwg-node/server';
import { pickEncoding } from '../accept-encoding.js';
import type { PublicRoute } from './route-table.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

// Quality 5 brotli takes about as long as gzip's default and is 20% smaller; 11 takes 40 times
// longer for another 10%.
const compress: Record<Exclude<Encoding, 'identity'>, (html: Buffer) => Promise<Buffer>> = {
  br: (html) =>
    brotli(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
  gzip: (html) => gzipped(html),
};

export interface GraphiQLPageOptions {
  /** The page's HTML; called once, on the first request. */
  readonly render: () => string;
}

/** Whether the request is a browser asking for a page, as yoga decides for GraphiQL. */
export function wantsPage(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}

/** `If-None-Match` holds this tag (or `*`); weak comparison, as RFC 9110 asks for it. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

export function graphiqlPageRoute(path: string, options: GraphiQLPageOptions): PublicRoute {
  let html: Buffer | undefined;
  let hash = '';
  // zlib and Buffer.from give ArrayBuffer-backed bytes (never shared memory), as a body needs.
  const bodies = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();
  function body(encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    if (!html) {
      html = Buffer.from(options.render());
      hash = createHash('sha256').update(html).digest('base64url').slice(0, 32);
    }
    let pending = bodies.get(encoding);
    if (!pending) {
      const bytes = encoding === 'identity' ? Promise.resolve(html) : compress[encoding](html);
      pending = bytes as Promise<Uint8Array<ArrayBuffer>>;
      bodies.set(encoding, pending);
    }
    return pending;
  }
  return {
    name: 'graphiql',
    access: 'public',
    path,
    methods: ['GET', 'HEAD'],
    when: wantsPage,
    async handle(request) {
      const encoding = (pickEncoding(request, ['br', 'gzip', 'identity']) ??
        'identity') as Encoding;
      const bytes = await body(encoding);
      // Each encoding is its own representation, with its own strong tag.
      const etag = `"${hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
      const headers: Record<string, string> = {
        etag,
        // Stored, but asked about each time: the same URL serves a new page after an upgrade.
        'cache-control': 'no-cache',
        vary: 'Accept, Accept-Encoding',
      };
      if (matches(request.headers.get('if-none-match'), etag)) {
        return new Response(null, { status: 304, headers });
      }
      return new Response(bytes, {
        status: 200,
        headers: {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'content-length': String(bytes.length),
          ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        },
      });
    },
  };
}
