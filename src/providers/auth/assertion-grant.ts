/**
 * Tokens from a signed JWT assertion (RFC 7523): Okta's client credentials with
 * `private_key_jwt`, Google's service-account grant. The provider says what to sign and where to
 * post it; this keeps one token per adapter in memory, mints a new one shortly before expiry,
 * and lets concurrent callers share one mint. A token rejected early (401) is dropped with
 * `invalidate`, so the next call mints afresh.
 */
import { randomUUID } from 'node:crypto';
import { importPKCS8, type JWTPayload, SignJWT } from 'jose';
import type { ServiceAccountKey } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';

export interface MintedToken {
  readonly accessToken: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface AssertionTokenSourceOptions {
  /** Asks the provider for a token; called at most once at a time. */
  mint(): Promise<MintedToken>;
  /** @default Date.now */
  readonly now?: () => number;
  /** Mint again this long before expiry. @default 60_000 */
  readonly marginMs?: number;
}

export interface AssertionTokenSource {
  accessToken(): Promise<string>;
  /** Forgets the current token if it is still `token` (a 401 proved it dead). */
  invalidate(token: string): void;
}

export function createAssertionTokenSource(
  options: AssertionTokenSourceOptions,
): AssertionTokenSource {
  const { now = Date.now, marginMs = 60_000 } = options;
  let current: MintedToken | null = null;
  let minting: Promise<MintedToken> | null = null;
  return {
    async accessToken() {
      if (current && now() < current.expiresAt - marginMs) return current.accessToken;
      minting ??= options.mint().finally(() => {
        minting = null;
      });
      current = await minting;
      return current.accessToken;
    },
    invalidate(token) {
      if (current?.accessToken === token) current = null;
    },
  };
}

export interface SignAssertionOptions {
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 3600 */
  readonly lifetimeS?: number;
  /**
   * The JOSE header that carries `key.keyId`: a JWK's `kid` (Okta, Google), or a certificate's
   * thumbprint where the provider names the key by its certificate (`x5t#S256`). @default 'kid'
   */
  readonly keyIdHeader?: 'kid' | 'x5t' | 'x5t#S256';
}

/**
 * An RS256 assertion signed with the account's key. `claims` carry what the provider asks for
 * (iss, sub, aud, scope); `iat`, `exp` (one hour at most, as both Okta and Google require) and a
 * fresh `jti` are added.
 */
export async function signAssertion(
  key: ServiceAccountKey,
  claims: JWTPayload,
  options: SignAssertionOptions = {},
): Promise<string> {
  const { now = Date.now, lifetimeS = 3600, keyIdHeader = 'kid' } = options;
  let privateKey: CryptoKey;
  try {
    privateKey = await importPKCS8(key.privateKey, 'RS256');
  } catch {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      'The private key of this account cannot be read (expected a PKCS#8 PEM RSA key).',
    );
  }
  const issuedAt = Math.floor(now() / 1000);
  return new SignJWT({ ...claims, jti: randomUUID() })
    .setProtectedHeader({
      alg: 'RS256',
      typ: 'JWT',
      ...(key.keyId ? { [keyIdHeader]: key.keyId } : {}),
    })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeS)
    .sign(privateKey);
}
