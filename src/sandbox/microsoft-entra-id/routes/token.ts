/**
 * `POST /{tenant}/oauth2/v2.0/token`: the client credentials grant of the Microsoft identity
 * platform, with a client secret or a certificate's signed assertion (`private_key_jwt`, with the
 * certificate named by `x5t#S256` or `x5t`). `{tenant}` is the tenant id or a verified domain;
 * the scope must be a resource's `/.default`. Errors are Entra's OAuth JSON: `error`, an
 * `error_description` starting with the AADSTS code, and `error_codes`.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { Clock } from '../../common/clock.js';
import type { RegisteredApp } from '../app-registration.js';
import type { Directory } from '../directory.js';
import type { EntraEnv } from '../env.js';
import type { TokenStore } from '../tokens.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface TokenDeps {
  readonly directory: Directory;
  readonly app: RegisteredApp;
  readonly tokens: TokenStore;
  readonly clock: Clock;
}

type OAuthStatus = 400 | 401;

function aadError(
  c: Context<EntraEnv>,
  status: OAuthStatus,
  error: string,
  code: number,
  description: string,
  clock: Clock,
): Response {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date(clock.now()).toISOString().replace('T', ' ').replace('Z', 'Z');
  c.header('Cache-Control', 'no-store, no-cache');
  c.header('Pragma', 'no-cache');
  return c.json(
    {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    status,
  );
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Null when the assertion proves the app, else the AADSTS code and wording of the refusal. */
async function checkAssertion(
  assertion: string,
  audiences: readonly string[],
  deps: TokenDeps,
): Promise<{ code: number; description: string } | null> {
  const { app, clock } = deps;
  let claims: ReturnType<typeof decodeJwt>;
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    claims = decodeJwt(assertion);
    header = decodeProtectedHeader(assertion);
  } catch {
    return { code: 50027, description: 'JWT token is invalid or malformed.' };
  }
  if (claims.iss !== app.clientId || claims.sub !== app.clientId)
    return {
      code: 700023,
      description: 'Client assertion audience claim does not match Realm issuer.',
    };
  const certificate = app.certificate();
  const thumbprint = header['x5t#S256'] ?? null;
  if (thumbprint !== certificate.thumbprint)
    return {
      code: 700027,
      description: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${String(thumbprint ?? header.x5t ?? '')}']`,
    };
  try {
    await compactVerify(assertion, certificate.publicKey, { algorithms: ['RS256', 'PS256'] });
  } catch {
    return { code: 700027, description: 'Client assertion failed signature validation.' };
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a)))
    return {
      code: 700021,
      description: 'Client assertion application identifier does not match client_id parameter.',
    };
  const now = clock.now();
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
    return { code: 700024, description: 'Client assertion is not within its valid time range.' };
  if (typeof claims.jti !== 'string' || !deps.tokens.useJti(claims.jti, claims.exp * 1000))
    return { code: 700025, description: 'Client assertion is replayed or has no jti.' };
  return null;
}

export function registerTokenRoute(app: Hono<EntraEnv>, deps: TokenDeps): void {
  const { directory, clock } = deps;
  app.post('/:tenant/oauth2/v2.0/token', async function token(c) {
    const fail = (status: OAuthStatus, error: string, code: number, description: string) =>
      aadError(c, status, error, code, description, clock);
    const tenant = c.req.param('tenant').toLowerCase();
    if (tenant !== directory.tenantId && !directory.domains.includes(tenant))
      return fail(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded'))
      return fail(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    const form = new URLSearchParams(await c.req.text());
    if (form.get('grant_type') !== 'client_credentials')
      return fail(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    const clientId = form.get('client_id') ?? '';
    if (clientId.toLowerCase() !== deps.app.clientId)
      return fail(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
      );
    c.set('authKind', 'oauth');
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret === null && assertion === null)
      return fail(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (secret !== null && !same(secret, deps.app.secret)) {
      c.set('authKind', 'invalid');
      return fail(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${deps.app.clientId}'.`,
      );
    }
    if (secret === null) {
      if (form.get('client_assertion_type') !== JWT_BEARER)
        return fail(401, 'invalid_client', 700022, 'The client_assertion_type is invalid.');
      const url = new URL(c.req.url);
      const audiences = [
        `${url.origin}${url.pathname}`,
        `https://login.microsoftonline.com/${c.req.param('tenant')}/oauth2/v2.0/token`,
      ];
      const refused = await checkAssertion(assertion!, audiences, deps);
      if (refused) {
        c.set('authKind', 'invalid');
        return fail(401, 'invalid_client', refused.code, refused.description);
      }
    }
    if (!deps.app.enabled)
      return fail(
        400,
        'unauthorized_client',
        7000112,
        `Application '${deps.app.clientId}'(${deps.app.displayName}) is disabled.`,
      );
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length !== 1 || scopes[0] !== GRAPH_DEFAULT_SCOPE)
      return fail(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const issued = deps.tokens.issue(deps.app.clientId);
    c.header('Cache-Control', 'no-store, no-cache');
    c.header('Pragma', 'no-cache');
    return c.json({
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.accessToken,
    });
  });
}
