/**
 * `POST /oauth2/v1/token` of the org authorization server: the client credentials grant with
 * `private_key_jwt` client authentication (reference §6: the only way an API Services app gets
 * `okta.*` scopes). Errors are OAuth JSON (`error`, `error_description`): 401 invalid_client for
 * a failed client authentication (RFC 6749 §5.2), 400 for the rest.
 */
import type { Context, Hono } from 'hono';
import type { Clock } from '../common/clock.js';
import { type ServiceClient, verifyClientAssertion } from './client-assertion.js';
import type { OktaEnv } from './env.js';
import type { TokenStore } from './token-store.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface OAuthDeps {
  /** The registered client with this id, if any. */
  client(clientId: string): ServiceClient | undefined;
  readonly tokens: TokenStore;
  readonly clock: Clock;
}

function oauthError(
  c: Context<OktaEnv>,
  status: 400 | 401,
  error: string,
  description: string,
): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json({ error, error_description: description }, status);
}

export function registerOAuthRoutes(app: Hono<OktaEnv>, deps: OAuthDeps): void {
  app.post('/oauth2/v1/token', async function token(c) {
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded'))
      return oauthError(c, 400, 'invalid_request', 'The request must be form-encoded.');
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    if (!grantType)
      return oauthError(c, 400, 'invalid_request', "The 'grant_type' parameter is required.");
    if (grantType !== 'client_credentials')
      return oauthError(
        c,
        400,
        'unsupported_grant_type',
        `The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].`,
      );
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== JWT_BEARER || !assertion)
      return oauthError(
        c,
        401,
        'invalid_client',
        'Client authentication failed. Either the client or the client credentials are invalid.',
      );
    c.set('authKind', 'oauth');
    const audience = `${new URL(c.req.url).origin}/oauth2/v1/token`;
    const verdict = await verifyClientAssertion(
      assertion,
      form.get('client_id') ?? undefined,
      audience,
      deps,
    );
    if (!verdict.ok) {
      c.set('authKind', 'invalid');
      return oauthError(c, 401, 'invalid_client', verdict.description);
    }
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0)
      return oauthError(
        c,
        400,
        'invalid_scope',
        "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
      );
    if (scopes.some((scope) => !verdict.client.grantedScopes.includes(scope)))
      return oauthError(
        c,
        400,
        'invalid_scope',
        'The requested scope is invalid, unknown, or malformed.',
      );
    const issued = deps.tokens.issue(verdict.client.clientId, scopes);
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    return c.json({
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      access_token: issued.accessToken,
      scope: scopes.join(' '),
    });
  });
}
