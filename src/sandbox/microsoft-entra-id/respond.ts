/**
 * Graph's error envelope (`microsoft.graph.ODataErrors.ODataError`: `{error: {code, message,
 * innerError: {date, request-id, client-request-id}}}`) and the codes the sandbox answers with.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(code: string, message: string, now = Date.now()): GraphErrorBody {
  const id = randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(now).toISOString().slice(0, 19),
        'request-id': id,
        'client-request-id': id,
      },
    },
  };
}

export function graphError<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return c.json(graphErrorBody(code, message), status);
}

/** Graph's wording for an unknown user or group id. */
export const notFoundMessage = (id: string) =>
  `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`;
