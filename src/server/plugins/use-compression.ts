/**
 * Compresses responses for clients that accept gzip or deflate, through @whatwg-node/server's
 * useContentEncoding, with four things around it:
 *
 * - negotiation by q-values (useContentEncoding takes the first name it supports exactly as
 *   written, so `br, gzip` or `gzip;q=0` would be misread);
 * - no brotli here: zlib's default quality (11) costs about 40 times gzip's CPU on every response
 *   (the GraphiQL page is brotli-compressed once, at quality 5, by its own route);
 * - streams (server-sent events, multipart/mixed) go out as they are, since zlib holds bytes
 *   back until its buffer fills and each event would wait for the next; so do empty, already
 *   encoded, `no-transform` and small bodies;
 * - `Vary: Accept-Encoding` on what it compresses, so no cache hands gzip to a client without it.
 *
 * Only its response half is used: request bodies are read as sent. A response built with the
 * global Response class (routes outside the table) is first re-made with the server's own, whose
 * streams the compressor can read.
 */
import { type ServerAdapterPlugin, useContentEncoding } from '@whatwg-node/server';
import { pickEncoding } from '../accept-encoding.js';

export interface CompressionOptions {
  /** Bodies whose Content-Length says they are smaller go out as they are. @default 1024 */
  readonly minBytes?: number;
}

const streaming = /^\s*(text\/event-stream|multipart\/)/i;

function compressible(request: Request, response: Response, minBytes: number): boolean {
  const headers = response.headers;
  const length = headers.get('content-length');
  return (
    request.method !== 'HEAD' &&
    response.body !== null &&
    ![204, 206, 304].includes(response.status) &&
    !headers.has('content-encoding') &&
    !streaming.test(headers.get('content-type') ?? '') &&
    !/no-transform/i.test(headers.get('cache-control') ?? '') &&
    (length === null || Number(length) >= minBytes)
  );
}

export function useCompression(options: CompressionOptions = {}): ServerAdapterPlugin {
  const { minBytes = 1024 } = options;
  const encoder = useContentEncoding();
  return {
    onResponse(payload) {
      const { request, response, fetchAPI } = payload;
      if (!compressible(request, response, minBytes)) return;
      const encoding = pickEncoding(request, ['gzip', 'deflate']);
      if (!encoding) return;
      try {
        const isOwn = (response as object) instanceof fetchAPI.Response;
        const own = isOwn
          ? response
          : new fetchAPI.Response(response.body, {
              status: response.status,
              statusText: response.statusText,
              headers: response.headers,
            });
        return encoder.onResponse?.({
          ...payload,
          response: own,
          request: new fetchAPI.Request(request.url, { headers: { 'accept-encoding': encoding } }),
          setResponse(compressed) {
            compressed.headers.append('vary', 'Accept-Encoding');
            payload.setResponse(compressed);
          },
        });
      } catch {
        // An exception here would end the process (the server adapter does not catch response
        // hooks); a body the compressor cannot read goes out as it is.
        return undefined;
      }
    },
  };
}
