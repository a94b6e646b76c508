/**
 * Access tokens the tenant's token endpoint issued: opaque strings (Entra's are JWTs, which a
 * client must treat as opaque), `expires_in` 3599 s on the injectable clock, and the `jti`s of
 * client assertions already used.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock.js';

export interface TokenStore {
  issue(clientId: string): { accessToken: string; expiresIn: number };
  /** The client the token was issued to, or `expired`/`unknown`. */
  check(token: string): { readonly clientId: string } | 'expired' | 'unknown';
  /** Records a jti until `expiresAt`; false when it was already used. */
  useJti(jti: string, expiresAt: number): boolean;
}

export function createTokenStore(clock: Clock, lifetimeSeconds = 3599): TokenStore {
  const grants = new Map<string, { clientId: string; expiresAt: number }>();
  const jtis = new Map<string, number>();
  function prune(): void {
    const now = clock.now();
    // Expired tokens stay an hour so they answer "expired" rather than "unknown" meanwhile.
    for (const [token, grant] of grants)
      if (grant.expiresAt + 3_600_000 < now) grants.delete(token);
    for (const [jti, until] of jtis) if (until < now) jtis.delete(jti);
  }
  return {
    issue(clientId) {
      prune();
      const accessToken = `eyJ0eXAiOiJKV1Qi.${randomBytes(48).toString('base64url')}`;
      grants.set(accessToken, { clientId, expiresAt: clock.now() + lifetimeSeconds * 1000 });
      return { accessToken, expiresIn: lifetimeSeconds };
    },
    check(token) {
      const grant = grants.get(token);
      if (!grant) return 'unknown';
      return grant.expiresAt <= clock.now() ? 'expired' : { clientId: grant.clientId };
    },
    useJti(jti, expiresAt) {
      prune();
      if (jtis.has(jti)) return false;
      jtis.set(jti, expiresAt);
      return true;
    },
  };
}
