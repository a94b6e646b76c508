/** Bearer tokens the token endpoint issued: opaque `ya29.` strings that expire on the clock. */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock.js';

export interface IssuedToken {
  /** The impersonated user's person id; null when the assertion had no `sub`. */
  readonly personId: number | null;
  readonly clientEmail: string;
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: number;
}

export interface TokenStore {
  issue(grant: Omit<IssuedToken, 'expiresAt'>): { accessToken: string; expiresIn: number };
  /** The live grant of a token; undefined when unknown or expired. */
  lookup(accessToken: string): IssuedToken | undefined;
}

/** Google's access tokens live an hour; the response says 3599 s. */
export const TOKEN_LIFETIME_S = 3600;

export function createTokenStore(clock: Clock): TokenStore {
  const tokens = new Map<string, IssuedToken>();

  function prune(now: number): void {
    for (const [token, grant] of tokens) if (grant.expiresAt <= now) tokens.delete(token);
  }

  return {
    issue(grant) {
      const now = clock.now();
      if (tokens.size > 1000) prune(now);
      const accessToken = `ya29.c.${randomBytes(48).toString('base64url')}`;
      tokens.set(accessToken, { ...grant, expiresAt: now + TOKEN_LIFETIME_S * 1000 });
      return { accessToken, expiresIn: TOKEN_LIFETIME_S - 1 };
    },
    lookup(accessToken) {
      const grant = tokens.get(accessToken);
      if (!grant || grant.expiresAt <= clock.now()) return undefined;
      return grant;
    },
  };
}
