/**
 * `POST /token`: the JWT-bearer grant of a service account with domain-wide delegation
 * (RFC 7523 as Google runs it). Failures answer Google's OAuth error JSON:
 * - 400 `unsupported_grant_type`, `invalid_request` (no assertion), `invalid_scope` (no scope);
 * - 400 `invalid_grant`: bad signature or kid, unknown issuer, wrong audience, iat/exp outside
 *   the one-hour window, or a `sub` that is unknown or suspended ("Invalid email or User ID");
 * - 401 `unauthorized_client`: a scope the tenant did not delegate.
 * A `sub` who is a user but not an admin gets a token, as with Google; the Directory API then
 * answers 403 `forbidden` (auth.ts).
 */
import { type Context, Hono } from 'hono';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { Clock } from '../common/clock.js';
import type { Directory } from './directory.js';
import type { GoogleEnv } from './env.js';
import type { ServiceAccount } from './service-account.js';
import type { TokenStore } from './token-store.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const MAX_LIFETIME_S = 3600;
/** Leeway for a client clock running ahead, in seconds. */
const SKEW_S = 300;

export interface TokenEndpointDeps {
  readonly directory: Directory;
  readonly account: ServiceAccount;
  readonly tokens: TokenStore;
  readonly clock: Clock;
  readonly delegatedScopes: ReadonlySet<string>;
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status, {
    'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  });
}

const TIMEFRAME =
  'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';

interface Claims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  scope?: unknown;
  iat?: unknown;
  exp?: unknown;
}

async function verifiedClaims(assertion: string, account: ServiceAccount): Promise<Claims | null> {
  try {
    const header = decodeProtectedHeader(assertion);
    if (header.alg !== 'RS256' || header.kid !== account.privateKeyId) return null;
    const { payload } = await compactVerify(assertion, account.publicKey(), {
      algorithms: ['RS256'],
    });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as unknown;
    return claims && typeof claims === 'object' ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

export function tokenEndpoint(deps: TokenEndpointDeps): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  app.post('/token', async function grantToken(c) {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const grantType = form.grant_type;
    if (grantType !== JWT_BEARER) {
      return oauthError(
        c,
        400,
        'unsupported_grant_type',
        `Invalid grant_type: ${String(grantType ?? '')}`,
      );
    }
    const assertion = form.assertion;
    if (typeof assertion !== 'string' || assertion === '') {
      return oauthError(c, 400, 'invalid_request', 'Missing required parameter: assertion');
    }
    const claims = await verifiedClaims(assertion, deps.account);
    if (!claims) return oauthError(c, 400, 'invalid_grant', 'Invalid JWT Signature.');
    if (claims.iss !== deps.account.clientEmail) {
      return oauthError(c, 400, 'invalid_grant', 'Invalid grant: account not found');
    }
    const audience = `${new URL(c.req.url).origin}/token`;
    if (claims.aud !== audience) {
      return oauthError(
        c,
        400,
        'invalid_grant',
        `Invalid JWT: Failed audience check. The right audience is ${audience}`,
      );
    }
    const now = Math.floor(deps.clock.now() / 1000);
    const { iat, exp } = claims;
    if (
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      exp - iat > MAX_LIFETIME_S ||
      exp <= now ||
      iat > now + SKEW_S
    ) {
      return oauthError(c, 400, 'invalid_grant', TIMEFRAME);
    }
    const scopes =
      typeof claims.scope === 'string' ? claims.scope.split(/\s+/).filter(Boolean) : [];
    if (scopes.length === 0) {
      return oauthError(
        c,
        400,
        'invalid_scope',
        'Invalid OAuth scope or ID token audience provided.',
      );
    }
    let personId: number | null = null;
    if (claims.sub !== undefined) {
      const sub = typeof claims.sub === 'string' ? claims.sub : '';
      const subject = sub.includes('@') ? deps.directory.personByKey(sub) : undefined;
      // A suspended user cannot be impersonated; an id is not accepted, only the email.
      if (!subject || subject.terminationDate !== null) {
        return oauthError(c, 400, 'invalid_grant', 'Invalid email or User ID');
      }
      personId = subject.id;
    }
    if (scopes.some((scope) => !deps.delegatedScopes.has(scope))) {
      return oauthError(
        c,
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    }
    const issued = deps.tokens.issue({
      personId,
      clientEmail: deps.account.clientEmail,
      scopes: new Set(scopes),
    });
    c.set('authKind', 'oauth');
    return c.json(
      { access_token: issued.accessToken, expires_in: issued.expiresIn, token_type: 'Bearer' },
      200,
      { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate' },
    );
  });
  return app;
}
