/**
 * HiBob's error bodies: the spec's `Error` object (`{key, error}`, the `default` response of
 * `/people/search` and the time-off reads). The spec declares no body for 400, 403 or 429; the
 * sandbox answers those in the same shape (a choice, so one client parser covers every status).
 */
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function bobError<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  key: string,
  error: string,
): Response {
  return c.json({ key, error }, status);
}

export const badRequest = <E extends Env>(c: Context<E>, error: string) =>
  bobError(c, 400, 'BAD_REQUEST', error);

export const notFound = <E extends Env>(c: Context<E>) =>
  bobError(c, 404, 'NOT_FOUND', 'The requested resource was not found.');
