/**
 * The response a provider client receives: status, lower-cased headers, the body as text.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { type FailedCall, malformedJsonError } from './errors.js';
import type { UpstreamHeaders, UpstreamResponse } from './types.js';

/** Lower-cases names and joins repeated headers the way RFC 9110 §5.3 allows. */
export function normalizeHeaders(raw: IncomingHttpHeaders): UpstreamHeaders {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function createUpstreamResponse(
  call: FailedCall,
  status: number,
  headers: UpstreamHeaders,
  text: string,
): UpstreamResponse {
  return {
    status,
    headers,
    text,
    json<T = unknown>(): T {
      try {
        return JSON.parse(text) as T;
      } catch {
        // The parser's message quotes the body, which may hold personal data: say only what failed.
        throw malformedJsonError(call, status);
      }
    },
  };
}
