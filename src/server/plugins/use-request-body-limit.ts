/**
 * A bound on a request's body: yoga's `maxRequestBodySize`, without its price on every request.
 * yoga pipes every body through a size-counting TransformStream (a stream pipeline, an
 * AbortController, a DOMException and a new Request each time: about half the CPU of a trivial
 * query in process). A body with a Content-Length needs no counting: it is refused up front when
 * the length is too large, and node:http reads exactly that many bytes, never more. Only a body
 * without one (chunked) is counted as it streams, as yoga does. The refusals are yoga's own:
 * REQUEST_ENTITY_TOO_LARGE (413) and, for a malformed Content-Length, BAD_REQUEST (400), with
 * yoga's messages, so a refused client sees the same answer as before.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ServerErrorCode } from '../../core/errors.js';

export interface RequestBodyLimitOptions {
  /** The largest body taken, in bytes. @default 25_000_000 (yoga's default) */
  readonly maxBytes?: number;
}

function tooLarge() {
  // yoga's error class, as its own refusals: it passes yoga's masking as a client error.
  return createGraphQLError('Request body too large', {
    extensions: { code: ServerErrorCode.REQUEST_ENTITY_TOO_LARGE, http: { status: 413 } },
  });
}

// One non-negative integer only: anything else (a list, as request smuggling sends) is refused,
// never read as "no length".
const contentLengthPattern = /^\d+$/;

/** The request with a body that fails as soon as more than `maxBytes` of it has streamed. */
function countedBody(
  request: Request,
  maxBytes: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
): Request {
  let read = 0;
  // A native ReadableStream pipes only into the native TransformStream (yoga issue 4583).
  const Transform =
    request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const body = request.body?.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: body ?? null,
    // @ts-expect-error: undici's RequestInit takes `duplex`, the DOM typings do not know it
    duplex: 'half',
  });
}

export function useRequestBodyLimit(options: RequestBodyLimitOptions = {}): Plugin {
  const { maxBytes = 25_000_000 } = options;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!contentLengthPattern.test(length)) {
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { code: ServerErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        }
        if (Number(length) > maxBytes) throw tooLarge();
        return;
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser(function parseCountedBody(counted) {
        return parse(countedBody(counted, maxBytes, fetchAPI));
      });
    },
  };
}
