/**
 * Who may call `/api/v1/*`: `Authorization: SSWS <api token>` (spec scheme `apiToken`), or
 * `Authorization: Bearer <access token>` from the org authorization server (scheme `oauth2`).
 * A missing, unknown or expired credential is 401 E0000011; a token without the operation's
 * scope is 403 E0000006 with `WWW-Authenticate: Bearer … error="insufficient_scope"`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { OktaEnv } from './env.js';
import { oktaError } from './respond.js';
import type { TokenStore } from './token-store.js';

export interface AuthDeps {
  readonly apiToken: string;
  readonly tokens: TokenStore;
}

/** Okta's challenge header, on the request's own origin. */
function challenge(c: Context<OktaEnv>, error: string, description: string, scope = ''): string {
  const origin = new URL(c.req.url).origin;
  const parts = [
    `authorization_uri="${origin}/oauth2/v1/authorize"`,
    `realm="${origin}"`,
    ...(scope ? [`scope="${scope}"`] : []),
    `error="${error}"`,
    `error_description="${description}"`,
    `resource="${c.req.path}"`,
  ];
  return `Bearer ${parts.join(', ')}`;
}

export function authMiddleware(deps: AuthDeps): MiddlewareHandler<OktaEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
    if (scheme.toUpperCase() === 'SSWS') {
      if (value !== deps.apiToken) {
        c.set('authKind', 'invalid');
        return oktaError(c, 401, 'invalidToken');
      }
      c.set('authKind', 'apiKey');
      c.set('principal', { kind: 'apiKey' });
      return next();
    }
    if (scheme.toLowerCase() === 'bearer' && value) {
      const grant = deps.tokens.check(value);
      if (typeof grant === 'string') {
        c.set('authKind', 'invalid');
        const description =
          grant === 'expired' ? 'The token has expired.' : 'The access token is invalid.';
        c.header('WWW-Authenticate', challenge(c, 'invalid_token', description));
        return oktaError(c, 401, 'invalidToken');
      }
      c.set('authKind', 'oauth');
      c.set('principal', { kind: 'oauth', scopes: grant.scopes, clientId: grant.clientId });
      return next();
    }
    c.set('authKind', header ? 'invalid' : 'none');
    return oktaError(c, 401, 'invalidToken');
  };
}

/** Per operation: the OAuth scope its `security` names (an API token may do everything read). */
export function requireScope(scope: string): MiddlewareHandler<OktaEnv> {
  return async function checkScope(c, next) {
    const principal = c.get('principal');
    if (principal.kind === 'oauth' && !principal.scopes.has(scope)) {
      c.header(
        'WWW-Authenticate',
        challenge(
          c,
          'insufficient_scope',
          'The access token provided does not contain the required scopes.',
          scope,
        ),
      );
      return oktaError(c, 403, 'forbidden');
    }
    return next();
  };
}
