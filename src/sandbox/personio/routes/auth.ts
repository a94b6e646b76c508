/**
 * The two token endpoints. `POST /v1/auth` takes `client_id` and `client_secret` as JSON or a
 * form (auth spec) and answers `{success, data: {token, expires_in, scope}}`; wrong ones are a
 * v1 error. `POST /v2/auth/token` takes only a form (`grant_type=client_credentials`), and
 * answers RFC 6749 errors: `unsupported_grant_type`, `invalid_client`, `invalid_request`.
 */
import type { Context, Hono } from 'hono';
import type { PersonioEnv } from '../env.js';
import type { RateLimiter } from '../rate-limit.js';
import { oauthError, v1Error } from '../respond.js';
import type { TokenStore } from '../tokens.js';

const V1_SCOPE = 'employees:read absences:read';
const V2_SCOPE = 'personio:persons:read personio:employments:read';

async function bodyOf(c: Context<PersonioEnv>): Promise<Record<string, string> | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.startsWith('application/json')) {
      const body = (await c.req.json()) as unknown;
      if (typeof body !== 'object' || body === null) return null;
      return Object.fromEntries(
        Object.entries(body).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    }
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
  } catch {
    return null;
  }
  return null;
}

export function registerAuthRoutes(
  app: Hono<PersonioEnv>,
  tokens: TokenStore,
  limiter: RateLimiter | null,
): void {
  app.post('/v1/auth', async (c) => {
    const body = await bodyOf(c);
    const clientId = body?.client_id ?? '';
    if (limiter && !limiter.take('v1Auth', clientId)) return v1Error(c, 429, 'Too Many Requests');
    if (!body || !tokens.accepts(clientId, body.client_secret ?? '')) {
      c.set('authKind', 'invalid');
      return v1Error(c, 401, 'Wrong credentials');
    }
    const issued = tokens.issue('v1', clientId);
    c.set('authKind', 'oauth');
    return c.json({
      success: true,
      data: { token: issued.token, expires_in: issued.expiresIn, scope: V1_SCOPE },
    });
  });

  app.post('/v2/auth/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(c, 400, 'invalid_request', 'The body must be form-encoded');
    }
    const body = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const clientId = body.client_id ?? '';
    if (limiter && !limiter.take('v2Token', clientId)) {
      return oauthError(c, 429, 'too_many_requests', 'Too many token requests');
    }
    if (body.grant_type !== 'client_credentials') {
      return oauthError(c, 400, 'unsupported_grant_type', 'Only client_credentials is supported');
    }
    if (!tokens.accepts(clientId, body.client_secret ?? '')) {
      c.set('authKind', 'invalid');
      return oauthError(c, 401, 'invalid_client', 'Client authentication failed');
    }
    const issued = tokens.issue('v2', clientId);
    c.set('authKind', 'oauth');
    return c.json({
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: V2_SCOPE,
    });
  });
}
