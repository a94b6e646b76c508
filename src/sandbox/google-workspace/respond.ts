/**
 * Google's JSON answers: `application/json; charset=UTF-8`, indented unless `prettyPrint=false`
 * (Google's default is pretty), and the v1 error envelope
 * `{"error":{"code","message","errors":[{"message","domain","reason",…}],"status"}}`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const JSON_TYPE = 'application/json; charset=UTF-8';

/** The canonical gRPC status Google puts beside each HTTP status. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export interface ErrorItem {
  readonly message: string;
  readonly domain: string;
  readonly reason: string;
  readonly location?: string;
  readonly locationType?: 'header' | 'parameter';
}

export function googleJson(c: Context, status: ContentfulStatusCode, body: unknown): Response {
  const compact = c.req.query('prettyPrint') === 'false';
  const text = compact ? JSON.stringify(body) : JSON.stringify(body, null, 2);
  return c.body(text, status, { 'Content-Type': JSON_TYPE, Vary: 'Origin, X-Origin, Referer' });
}

export function googleError(
  c: Context,
  status: ContentfulStatusCode,
  item: ErrorItem,
  message = item.message,
): Response {
  return googleJson(c, status, {
    error: { code: status, message, errors: [item], status: STATUS_NAMES[status] ?? 'UNKNOWN' },
  });
}

/** `Invalid Input` / `invalid`: what Google answers for a garbled pageToken or query. */
export function invalidInput(c: Context): Response {
  return googleError(c, 400, { message: 'Invalid Input', domain: 'global', reason: 'invalid' });
}

/** A query parameter outside its declared range or enum. */
export function invalidParameter(c: Context, name: string, message: string): Response {
  return googleError(c, 400, {
    message,
    domain: 'global',
    reason: 'invalidParameter',
    location: name,
    locationType: 'parameter',
  });
}

/** `Bad Request` / `badRequest`: a required choice missing (users.list without customer or domain). */
export function badRequest(c: Context): Response {
  return googleError(c, 400, { message: 'Bad Request', domain: 'global', reason: 'badRequest' });
}

export function notFound(c: Context, what: string): Response {
  const message = `Resource Not Found: ${what}`;
  return googleError(c, 404, { message, domain: 'global', reason: 'notFound' });
}

/** The caller may not read this tenant (a foreign customer or domain, a non-admin subject). */
export function forbidden(c: Context): Response {
  const message = 'Not Authorized to access this resource/api';
  return googleError(c, 403, { message, domain: 'global', reason: 'forbidden' });
}
