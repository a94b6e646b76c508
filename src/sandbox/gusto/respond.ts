/**
 * Gusto's error bodies. 404 and 422 follow the spec (`Not-Found-Error-Object`,
 * `Unprocessable-Entity-Error-Object`: `{"errors":[{error_key, category, message}]}`). The spec
 * declares no body for 400, 401, 403 or 429; the sandbox answers those in the same `errors` shape
 * (a choice, so one client parser covers every status).
 */
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface GustoError {
  error_key: string;
  category: string;
  message: string;
}

export function errors<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  list: readonly GustoError[],
): Response {
  return c.json({ errors: list }, status);
}

export function notFound<E extends Env>(c: Context<E>): Response {
  return errors(c, 404, [
    {
      error_key: 'request',
      category: 'not_found',
      message: 'The requested resource was not found.',
    },
  ]);
}

/** A bad query parameter: 422 `invalid_attribute_value` naming the parameter. */
export function badParameter<E extends Env>(
  c: Context<E>,
  name: string,
  message: string,
): Response {
  return errors(c, 422, [{ error_key: name, category: 'invalid_attribute_value', message }]);
}

/** A missing required query parameter: 422 `missing_parameter` (a category the spec lists). */
export function missingParameter<E extends Env>(c: Context<E>, name: string): Response {
  return errors(c, 422, [
    { error_key: name, category: 'missing_parameter', message: `'${name}' is required` },
  ]);
}
