/**
 * Access tokens of the org authorization server: opaque strings (a sandbox choice; Okta's are
 * JWTs, which clients must treat as opaque anyway), 3600 s on the injectable clock (the org
 * server's fixed lifetime, reference §6), and the `jti`s of client assertions already used.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock.js';

export interface AccessGrant {
  readonly clientId: string;
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: number;
}

export interface TokenStore {
  issue(clientId: string, scopes: readonly string[]): { accessToken: string; expiresIn: number };
  /** The grant, or `expired`/`unknown`. */
  check(token: string): AccessGrant | 'expired' | 'unknown';
  /** Records a jti until `expiresAt`; false when it was already used. */
  useJti(clientId: string, jti: string, expiresAt: number): boolean;
}

export function createTokenStore(clock: Clock, lifetimeSeconds = 3600): TokenStore {
  const grants = new Map<string, AccessGrant>();
  const jtis = new Map<string, number>();

  function prune(): void {
    const now = clock.now();
    // Expired tokens stay an hour so they answer "expired" rather than "unknown" meanwhile.
    for (const [token, grant] of grants)
      if (grant.expiresAt + 3_600_000 < now) grants.delete(token);
    for (const [jti, until] of jtis) if (until < now) jtis.delete(jti);
  }

  return {
    issue(clientId, scopes) {
      prune();
      const accessToken = `eyJ${randomBytes(48).toString('base64url')}`;
      grants.set(accessToken, {
        clientId,
        scopes: new Set(scopes),
        expiresAt: clock.now() + lifetimeSeconds * 1000,
      });
      return { accessToken, expiresIn: lifetimeSeconds };
    },
    check(token) {
      const grant = grants.get(token);
      if (!grant) return 'unknown';
      return grant.expiresAt <= clock.now() ? 'expired' : grant;
    },
    useJti(clientId, jti, expiresAt) {
      prune();
      const key = `${clientId} ${jti}`;
      if (jtis.has(key)) return false;
      jtis.set(key, expiresAt);
      return true;
    },
  };
}
