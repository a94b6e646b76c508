/**
 * `GET /oauth/authorize` (auto-approves as the primary admin and redirects with a code) and
 * `POST /oauth/token` (authorization_code and refresh_token grants, form or JSON bodies). Errors
 * are RFC 6749 §5.2 as Doorkeeper words them: 401 `invalid_client`, 400 for the rest, including
 * `invalid_grant` for a spent refresh token. A `client_secret` in the URL is refused with 400
 * (docs: "Attempting to include the client_secret in the request URL will result in a 400").
 *
 * Sandbox extra on /oauth/authorize: `sandbox_deny=1` answers as if the admin refused.
 */
import type { Context, Hono } from 'hono';
import type { GustoEnv, GustoGrant } from './env.js';
import type { GustoOAuthStore, IssuedGrant } from './oauth-store.js';
import type { GustoView } from './project/view.js';
import { GUSTO_READ_SCOPES } from './sandbox-types.js';

type Ctx = Context<GustoEnv>;

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  invalid_client: 'Client authentication failed due to unknown client or bad secret.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_request: 'The request is missing a required parameter or is otherwise malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported.',
};

function oauthError(c: Ctx, error: string, status: 400 | 401): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error, error_description: DESCRIPTIONS[error] ?? error }, status);
}

export function grantFor(view: GustoView, clientId: string, scopes: readonly string[]): GustoGrant {
  return { clientId, companyUuid: view.companyUuid, adminId: view.adminId, scopes: [...scopes] };
}

export function registerOAuthRoutes(
  app: Hono<GustoEnv>,
  store: GustoOAuthStore,
  view: GustoView,
): void {
  app.get('/oauth/authorize', function authorize(c) {
    const client = store.client(c.req.query('client_id') ?? '');
    const redirectUri = c.req.query('redirect_uri') ?? '';
    // Never redirect to an unregistered URI (RFC 6749 §4.1.2.1): answer the browser directly.
    if (!client) return c.text('invalid_client: unknown client_id', 400);
    if (!client.redirectUris.includes(redirectUri))
      return c.text('invalid_request: redirect_uri is not registered', 400);
    const url = new URL(redirectUri);
    const state = c.req.query('state');
    if (c.req.query('response_type') !== 'code')
      url.searchParams.set('error', 'unsupported_response_type');
    else if (c.req.query('sandbox_deny')) url.searchParams.set('error', 'access_denied');
    else {
      const grant = grantFor(view, client.clientId, client.scopes ?? GUSTO_READ_SCOPES);
      url.searchParams.set('code', store.issueCode(grant, redirectUri));
    }
    if (state !== undefined) url.searchParams.set('state', state);
    return c.redirect(url.toString(), 302);
  });

  app.post('/oauth/token', async function token(c) {
    if (new URL(c.req.url).searchParams.has('client_secret'))
      return oauthError(c, 'invalid_request', 400);
    const body = await readBody(c);
    const client = store.client(body.client_id ?? '');
    if (!client || client.clientSecret !== body.client_secret)
      return oauthError(c, 'invalid_client', 401);
    if (body.grant_type === 'authorization_code') {
      if (!body.code || !body.redirect_uri) return oauthError(c, 'invalid_request', 400);
      const grant = store.redeemCode(body.code, client.clientId, body.redirect_uri);
      return grant ? tokens(c, store.issue(grant)) : oauthError(c, 'invalid_grant', 400);
    }
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) return oauthError(c, 'invalid_request', 400);
      const issued = store.refresh(body.refresh_token, client.clientId);
      return issued ? tokens(c, issued) : oauthError(c, 'invalid_grant', 400);
    }
    return oauthError(c, body.grant_type ? 'unsupported_grant_type' : 'invalid_request', 400);
  });
}

function tokens(c: Ctx, issued: IssuedGrant): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    scope: issued.grant.scopes.join(' '),
    created_at: issued.createdAt,
  });
}

async function readBody(c: Ctx): Promise<Record<string, string | undefined>> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const json = (await c.req.json()) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
      );
    }
    const form = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
    );
  } catch {
    return {};
  }
}
