/**
 * Personio's API credentials and the tokens they buy. v1: `POST /v1/auth` trades a client id and
 * secret for a `papi-` token that stays valid 24 h and is echoed in the `authorization` header of
 * each successful answer (developer.personio.de "auth"; the older model rotated it on every call,
 * and a client that adopts the echoed token serves both). v2: the client-credentials grant at
 * `POST /v2/auth/token`; its `expires_in` is not published, so the sandbox gives the 24 h v1 has.
 * A v1 token opens no v2 endpoint and a v2 token no v1 endpoint (a sandbox choice).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock.js';

export interface PersonioApiCredential {
  readonly clientId: string;
  readonly clientSecret: string;
}

export const DEFAULT_PERSONIO_CREDENTIAL: PersonioApiCredential = {
  clientId: 'hrgraph-personio-sandbox',
  clientSecret: 'hrgraph-personio-sandbox-secret',
};

export type TokenVersion = 'v1' | 'v2';

export interface IssuedToken {
  readonly token: string;
  readonly expiresIn: number;
}

export interface TokenStore {
  /** Whether the id and secret are a credential the company issued. */
  accepts(clientId: string, clientSecret: string): boolean;
  issue(version: TokenVersion, clientId: string): IssuedToken;
  /** The client a live token of this version belongs to; null for any other string. */
  holder(version: TokenVersion, token: string): string | null;
  /** Ends every token, as rotating the credential in Personio's settings does. */
  revokeAll(): void;
}

export function createTokenStore(
  clock: Clock,
  credentials: readonly PersonioApiCredential[],
  ttlSeconds = 86_400,
): TokenStore {
  const live = new Map<string, { version: TokenVersion; clientId: string; expiresAt: number }>();
  return {
    accepts: (clientId, clientSecret) =>
      credentials.some((c) => c.clientId === clientId && c.clientSecret === clientSecret),
    issue(version, clientId) {
      const token = `${version === 'v1' ? 'papi-' : ''}${randomBytes(24).toString('base64url')}`;
      live.set(token, { version, clientId, expiresAt: clock.now() + ttlSeconds * 1000 });
      return { token, expiresIn: ttlSeconds };
    },
    holder(version, token) {
      const found = live.get(token);
      if (!found || found.version !== version) return null;
      if (clock.now() >= found.expiresAt) {
        live.delete(token);
        return null;
      }
      return found.clientId;
    },
    revokeAll: () => live.clear(),
  };
}
