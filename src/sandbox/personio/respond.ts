/**
 * Personio's two error shapes. v1 answers `{"success": false, "error": {"code", "message"}}`
 * (v1 spec `ErrorResponse`); v2 answers `{"personio_trace_id", "timestamp", "errors": [{title,
 * detail, type}]}` (common-components-v2.json `ErrorResponse`), `type` linking the error's code
 * on the developer hub. The token endpoint answers OAuth errors (RFC 6749 §5.2), as the v2
 * auth page's examples name them (invalid_client, unsupported_grant_type, …).
 */
import { randomUUID } from 'node:crypto';
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function v1Error<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  message: string,
  code: number = status,
): Response {
  return c.json({ success: false, error: { code, message } }, status);
}

export function v2Error<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  code: string,
  title: string,
  detail: string,
): Response {
  return c.json(
    {
      personio_trace_id: randomUUID(),
      timestamp: new Date().toISOString(),
      errors: [{ title, detail, type: `https://developer.personio.de/reference/errors#${code}` }],
    },
    status,
  );
}

export function oauthError<E extends Env>(
  c: Context<E>,
  status: 400 | 401 | 429,
  error: string,
  description: string,
): Response {
  return c.json({ error, error_description: description }, status);
}
