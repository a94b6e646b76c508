/**
 * Checks a `private_key_jwt` client assertion (RFC 7523, as Okta's org authorization server
 * takes it): RS256 signature by the client's registered key, iss = sub = client_id, aud = the
 * token URL, exp in the future and at most an hour ahead, a jti never seen before.
 * The descriptions follow Okta's wording where known; each failure is `invalid_client`.
 */
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { Clock } from '../common/clock.js';
import type { TokenStore } from './token-store.js';

export interface ServiceClient {
  readonly clientId: string;
  readonly keyId: string;
  readonly publicKey: KeyObject;
  /** Scopes granted to the app; a request for others is `invalid_scope`. */
  readonly grantedScopes: readonly string[];
}

export type AssertionResult =
  | { readonly ok: true; readonly client: ServiceClient }
  | { readonly ok: false; readonly description: string };

const MAX_LIFETIME_MS = 3_600_000;

function fail(description: string): AssertionResult {
  return { ok: false, description };
}

export async function verifyClientAssertion(
  assertion: string,
  clientIdParam: string | undefined,
  audience: string,
  deps: {
    client(clientId: string): ServiceClient | undefined;
    clock: Clock;
    tokens: TokenStore;
  },
): Promise<AssertionResult> {
  let claims: ReturnType<typeof decodeJwt>;
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    claims = decodeJwt(assertion);
    header = decodeProtectedHeader(assertion);
  } catch {
    return fail('The client_assertion token is malformed.');
  }
  const clientId = claims.sub ?? claims.iss ?? '';
  const client = deps.client(clientId);
  if (!client || (clientIdParam !== undefined && clientIdParam !== clientId))
    return fail("Invalid value for 'client_id' parameter.");
  if (claims.iss !== clientId || claims.sub !== clientId)
    return fail('The issuer and subject claims of client_assertion must be the client_id.');
  if (header.alg !== 'RS256' || (header.kid !== undefined && header.kid !== client.keyId))
    return fail('The client_assertion signature is invalid.');
  try {
    await compactVerify(assertion, client.publicKey, { algorithms: ['RS256'] });
  } catch {
    return fail('The client_assertion signature is invalid.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(audience))
    return fail(
      'The audience claim for client_assertion must be the endpoint invoking the client_assertion.',
    );
  const now = deps.clock.now();
  if (typeof claims.exp !== 'number')
    return fail('The client_assertion token must have an exp claim.');
  const expiresAt = claims.exp * 1000;
  if (expiresAt <= now) return fail('The client_assertion token is expired.');
  if (expiresAt - now > MAX_LIFETIME_MS)
    return fail('The client_assertion token has an expiration too far into the future.');
  if (typeof claims.jti !== 'string' || claims.jti === '')
    return fail('The client_assertion token must have a jti claim.');
  if (!deps.tokens.useJti(clientId, claims.jti, expiresAt))
    return fail('The client_assertion token has already been used.');
  return { ok: true, client };
}
