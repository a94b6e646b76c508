/**
 * Bearer authentication and each method's guard, in the order Google checks them:
 * 401 (no or dead token, `WWW-Authenticate` says which) → 403 `insufficientPermissions` (the
 * token lacks every scope the method accepts) → 403 `userRateLimitExceeded` (quota) →
 * 403 `forbidden` (the impersonated user is not an admin of this tenant).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Directory } from './directory.js';
import type { GoogleEnv, Principal } from './env.js';
import type { Quota } from './quota.js';
import { forbidden, googleError } from './respond.js';
import { METHOD_SCOPES, type MethodId } from './scopes.js';
import type { TokenStore } from './token-store.js';

const REALM = 'Bearer realm="https://accounts.google.com/"';
const SEE = 'See https://developers.google.com/identity/sign-in/web/devconsole-project.';

function bearerOf(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  return c.req.query('access_token') ?? c.req.query('oauth_token') ?? null;
}

export function bearerAuth(tokens: TokenStore, directory: Directory): MiddlewareHandler<GoogleEnv> {
  return async function authenticate(c, next) {
    const token = bearerOf(c);
    if (token === null) {
      c.header('WWW-Authenticate', REALM);
      return googleError(
        c,
        401,
        {
          message: 'Login Required.',
          domain: 'global',
          reason: 'required',
          location: 'Authorization',
          locationType: 'header',
        },
        `Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. ${SEE}`,
      );
    }
    const grant = tokens.lookup(token);
    if (!grant) {
      c.set('authKind', 'invalid');
      c.header('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      return googleError(
        c,
        401,
        {
          message: 'Invalid Credentials',
          domain: 'global',
          reason: 'authError',
          location: 'Authorization',
          locationType: 'header',
        },
        `Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. ${SEE}`,
      );
    }
    c.set('authKind', 'oauth');
    const subject =
      grant.personId === null ? null : (directory.company.person(grant.personId) ?? null);
    const principal: Principal = { subject, clientEmail: grant.clientEmail, scopes: grant.scopes };
    c.set('principal', principal);
    await next();
  };
}

export interface GuardDeps {
  readonly quota: Quota;
  readonly directory: Directory;
}

/** The per-method checks after authentication. */
export function guard(deps: GuardDeps, method: MethodId): MiddlewareHandler<GoogleEnv> {
  const accepted: readonly string[] = METHOD_SCOPES[method];
  return async function checkMethod(c, next) {
    const principal = c.get('principal');
    if (!principal) return forbidden(c);
    if (!accepted.some((scope) => principal.scopes.has(scope))) {
      c.header(
        'WWW-Authenticate',
        `${REALM}, error="insufficient_scope", scope="${accepted.join(' ')}"`,
      );
      return googleError(
        c,
        403,
        { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
        'Request had insufficient authentication scopes.',
      );
    }
    const user = c.req.query('quotaUser') ?? principal.subject?.workEmail ?? principal.clientEmail;
    if (!deps.quota.take(user)) {
      return googleError(c, 403, {
        message: 'User Rate Limit Exceeded',
        domain: 'usageLimits',
        reason: 'userRateLimitExceeded',
      });
    }
    if (!principal.subject || !deps.directory.isAdmin(principal.subject)) return forbidden(c);
    await next();
  };
}
