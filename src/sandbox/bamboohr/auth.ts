/**
 * Authentication of API requests: HTTP Basic with the API key as user name and any password
 * (reference §1.2), or a Bearer token from the sandbox's OAuth server (§1.3).
 *
 * Sandbox choices where the sources are silent: the `WWW-Authenticate` realm text, the lockout
 * (see credentials.ts), and Bearer errors in RFC 6750 form. An expired or unknown Bearer token
 * does not count towards the lockout; only bad API keys do.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { CoreEnv } from './core-env.js';
import type { ApiKeyStore, Lockout } from './credentials.js';
import type { Principal, SandboxCompany, SpecSwitches } from './env.js';
import type { OAuthStore } from './oauth-store.js';
import { legacyError, problem, withRequestId } from './respond.js';
import { requiredScopes, scopesAdmit } from './scopes.js';

export const BASIC_CHALLENGE = 'Basic realm="BambooHR API"';

export interface AuthDeps {
  keys: ApiKeyStore;
  oauth: OAuthStore;
  lockout: Lockout;
  switches: SpecSwitches;
}

type Ctx = Context<CoreEnv>;

export function authMiddleware(deps: AuthDeps): MiddlewareHandler<CoreEnv> {
  return async function authenticate(c, next) {
    const company = c.get('company');
    const header = c.req.header('authorization') ?? '';
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const credentials = space < 0 ? '' : header.slice(space + 1).trim();
    let principal: Principal | Response;
    if (scheme === 'basic') principal = basic(c, deps, company, credentials);
    else if (scheme === 'bearer') principal = bearer(c, deps, company, credentials);
    else {
      c.set('authKind', 'none');
      c.header('WWW-Authenticate', BASIC_CHALLENGE);
      return legacyError(c, 401, 'Authentication required');
    }
    if (principal instanceof Response) return principal;
    c.set('principal', principal);
    await next();
  };
}

function clientAddress(c: Ctx): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

function basic(
  c: Ctx,
  deps: AuthDeps,
  company: SandboxCompany,
  credentials: string,
): Principal | Response {
  const source = `${company.domain}|${clientAddress(c)}`;
  if (deps.lockout.isLocked(source)) {
    c.set('authKind', 'invalid');
    return legacyError(c, 403, 'Too many failed authentication attempts; try again later');
  }
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const key = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  const owner = key ? deps.keys.lookup(key) : undefined;
  if (!owner || owner.domain !== company.domain || !company.data.person(owner.employeeId)) {
    deps.lockout.fail(source);
    c.set('authKind', 'invalid');
    c.header('WWW-Authenticate', BASIC_CHALLENGE);
    return legacyError(c, 401, 'Invalid API key');
  }
  c.set('authKind', 'apiKey');
  const path = c.get('requestInfo').path;
  if (
    c.req.method === 'GET' &&
    path === '/v1/employees' &&
    !deps.switches.employeesListAcceptsApiKey
  ) {
    // The spec lists only OAuth scopes on List Employees (reference §1.2, UNCERTAIN).
    c.header('WWW-Authenticate', 'Bearer realm="BambooHR API"');
    return legacyError(c, 401, 'This endpoint requires OAuth authentication');
  }
  return { kind: 'apiKey', employeeId: owner.employeeId };
}

function bearer(
  c: Ctx,
  deps: AuthDeps,
  company: SandboxCompany,
  token: string,
): Principal | Response {
  const grant = token ? deps.oauth.accessToken(token) : undefined;
  if (grant === undefined || grant === 'expired' || grant.domain !== company.domain) {
    c.set('authKind', 'invalid');
    const why = grant === 'expired' ? 'The access token expired' : 'The access token is invalid';
    c.header(
      'WWW-Authenticate',
      `Bearer realm="BambooHR API", error="invalid_token", error_description="${why}"`,
    );
    return legacyError(c, 401, why);
  }
  c.set('authKind', 'oauth');
  const required = requiredScopes(c.get('requestInfo').path);
  if (!scopesAdmit(grant.scopes, required)) {
    c.header(
      'WWW-Authenticate',
      `Bearer realm="BambooHR API", error="insufficient_scope", scope="${required?.join(' ') ?? ''}"`,
    );
    return forbidden(c, 'The access token lacks the scope this endpoint needs');
  }
  return {
    kind: 'oauth',
    employeeId: grant.employeeId,
    clientId: grant.clientId,
    scopes: grant.scopes,
  };
}

/** A 403 in the style of the endpoint: RFC 7807 for datasets v1.2/v2 (spec), a header elsewhere. */
function forbidden(c: Ctx, message: string): Response {
  const path = c.get('requestInfo').path;
  if (/^\/v1_2\/datasets(\/|$)/.test(path) || /^\/v2\/datasets\//.test(path)) {
    withRequestId(c);
    const mediaType = path.startsWith('/v2/') ? 'application/json' : 'application/problem+json';
    return problem(c, 403, { title: 'Forbidden', detail: message, code: 'FORBIDDEN' }, mediaType);
  }
  return legacyError(c, 403, message);
}
