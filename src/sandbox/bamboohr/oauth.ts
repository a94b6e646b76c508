/**
 * The OAuth 2.0 authorization-code flow on the company host (reference §1.3):
 * `GET /authorize.php?request=authorize&…` auto-approves and redirects with a code;
 * `POST /token.php?request=token` exchanges codes and refresh tokens (form or JSON body, client
 * credentials in the body or Basic). Errors follow RFC 6749 §5.2.
 *
 * Sandbox extras on /authorize.php: `sandbox_employee=<id>` approves as that employee (default 1,
 * the admin), `sandbox_deny=1` answers as if the user refused.
 */
import type { Context, Hono } from 'hono';
import type { CoreEnv } from './core-env.js';
import type { Grant, IssuedTokens, OAuthClient, OAuthFailure, OAuthStore } from './oauth-store.js';

type Ctx = Context<CoreEnv>;

export function registerOAuthRoutes(app: Hono<CoreEnv>, store: OAuthStore): void {
  app.get('/authorize.php', function authorize(c) {
    const q = (name: string) => c.req.query(name);
    const client = store.client(q('client_id') ?? '');
    const redirectUri = q('redirect_uri') ?? '';
    // Never redirect to an unverified URI (RFC 6749 §4.1.2.1): answer the browser directly.
    if (!client) return c.text('invalid_client: unknown client_id', 400);
    if (!client.redirectUris.includes(redirectUri))
      return c.text('invalid_request: redirect_uri is not registered', 400);
    const state = q('state');
    const back = (params: Record<string, string>) =>
      c.redirect(withQuery(redirectUri, params, state), 302);
    if (q('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    if (q('sandbox_deny')) return back({ error: 'access_denied' });
    const employeeId = Number(q('sandbox_employee') ?? 1);
    if (!c.get('company').data.person(employeeId))
      return c.text('invalid_request: no such employee', 400);
    const scopes = (q('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    const grant: Grant = {
      domain: c.get('company').domain,
      clientId: client.clientId,
      employeeId,
      scopes,
    };
    return back({ code: store.issueCode(grant, redirectUri) });
  });

  app.post('/token.php', async function token(c) {
    const body = await readBody(c);
    const param = (name: string) => body[name] ?? c.req.query(name);
    const basic = basicCredentials(c.req.header('authorization'));
    const clientId = basic?.id ?? param('client_id') ?? '';
    const client = store.client(clientId);
    if (!client || client.clientSecret !== (basic?.secret ?? param('client_secret'))) {
      if (basic) c.header('WWW-Authenticate', 'Basic realm="BambooHR OAuth"');
      return oauthError(c, 'invalid_client', 401);
    }
    const grantType = param('grant_type');
    if (grantType === 'authorization_code') {
      const code = param('code');
      if (!code) return oauthError(c, 'invalid_request', 400);
      return answer(
        c,
        client,
        store.redeemCode(code, client.clientId, param('redirect_uri')),
        store,
      );
    }
    if (grantType === 'refresh_token') {
      const refreshToken = param('refresh_token');
      if (!refreshToken) return oauthError(c, 'invalid_request', 400);
      const scope = param('scope');
      const scopes = scope ? scope.split(/[\s+]+/).filter(Boolean) : undefined;
      return tokens(c, store.refresh(refreshToken, client.clientId, scopes), store);
    }
    return oauthError(c, grantType ? 'unsupported_grant_type' : 'invalid_request', 400);
  });
}

function answer(
  c: Ctx,
  client: OAuthClient,
  grant: Grant | OAuthFailure,
  store: OAuthStore,
): Response {
  if (typeof grant === 'string') return oauthError(c, grant, 400);
  if (grant.domain !== c.get('company').domain || grant.clientId !== client.clientId)
    return oauthError(c, 'invalid_grant', 400);
  return tokens(c, store.issueTokens(grant), store);
}

function tokens(c: Ctx, issued: IssuedTokens | OAuthFailure, store: OAuthStore): Response {
  if (typeof issued === 'string') return oauthError(c, issued, 400);
  if (issued.grant.domain !== c.get('company').domain) return oauthError(c, 'invalid_grant', 400);
  c.header('Cache-Control', 'no-store');
  const issuer = new URL(c.req.url).origin;
  return c.json({
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    token_type: 'Bearer',
    scope: issued.grant.scopes.join(' '),
    ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    id_token: store.idToken(issued.grant, issuer),
    companyDomain: issued.grant.domain,
  });
}

function oauthError(c: Ctx, error: string, status: 400 | 401): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error }, status);
}

async function readBody(c: Ctx): Promise<Record<string, string | undefined>> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const json = (await c.req.json()) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(json).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
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

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.toLowerCase().startsWith('basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function withQuery(uri: string, params: Record<string, string>, state: string | undefined): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (state !== undefined) url.searchParams.set('state', state);
  return url.toString();
}
