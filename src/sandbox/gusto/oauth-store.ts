/**
 * OAuth state: clients, single-use authorization codes, access and refresh tokens on the
 * injectable clock. One grant record holds an access token and its refresh token, as in
 * Doorkeeper (Gusto's OAuth server); a refresh mints a new record and retires the old one at the
 * moment `refreshRevocation` says. Refresh tokens never expire (the third-party note in the
 * reference §3); they are single-use.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock.js';
import type { GustoGrant } from './env.js';
import type { GustoOAuthClient, GustoOAuthOptions } from './sandbox-types.js';

export interface IssuedGrant {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  /** Epoch seconds. */
  readonly createdAt: number;
  readonly grant: GustoGrant;
}

export type AccessCheck = GustoGrant | 'expired' | 'revoked' | undefined;

export interface GustoOAuthStore {
  client(clientId: string): GustoOAuthClient | undefined;
  issueCode(grant: GustoGrant, redirectUri: string): string;
  /** Single-use; the redirect URI must be the one the code was issued for. */
  redeemCode(code: string, clientId: string, redirectUri: string | undefined): GustoGrant | null;
  issue(grant: GustoGrant): IssuedGrant;
  /** A new pair; null for an unknown, spent or foreign refresh token (→ invalid_grant). */
  refresh(refreshToken: string, clientId: string): IssuedGrant | null;
  /** The grant behind an access token; using it may retire its predecessor (on-first-use). */
  access(token: string): AccessCheck;
}

interface GrantRecord {
  readonly grant: GustoGrant;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  revoked: boolean;
  /** The record this one was refreshed from, while it still waits to be retired. */
  previous: GrantRecord | null;
}

export function createGustoOAuthStore(
  clock: Clock,
  clients: readonly GustoOAuthClient[],
  options: GustoOAuthOptions = {},
): GustoOAuthStore {
  const {
    accessTokenTtlSeconds = 7200,
    codeTtlSeconds = 600,
    refreshRevocation = 'on-refresh',
  } = options;
  const byClient = new Map(clients.map((client) => [client.clientId, client]));
  const codes = new Map<string, { grant: GustoGrant; redirectUri: string; expiresAt: number }>();
  const byAccess = new Map<string, GrantRecord>();
  const byRefresh = new Map<string, GrantRecord>();

  // URL-safe base64, as Gusto's docs describe its tokens.
  const token = () => randomBytes(32).toString('base64url');

  function prune(): void {
    // Bounded memory in long benchmark runs without a timer: drop dead access records.
    if (byAccess.size < 10_000) return;
    const now = clock.now();
    for (const [key, record] of byAccess) {
      if (record.revoked || record.expiresAt <= now) byAccess.delete(key);
    }
  }

  function issueRecord(grant: GustoGrant, previous: GrantRecord | null): GrantRecord {
    prune();
    const record: GrantRecord = {
      grant,
      accessToken: token(),
      refreshToken: token(),
      expiresAt: clock.now() + accessTokenTtlSeconds * 1000,
      revoked: false,
      previous,
    };
    byAccess.set(record.accessToken, record);
    byRefresh.set(record.refreshToken, record);
    return record;
  }

  function retire(record: GrantRecord): void {
    record.revoked = true;
    byRefresh.delete(record.refreshToken);
  }

  function toIssued(record: GrantRecord): IssuedGrant {
    return {
      accessToken: record.accessToken,
      refreshToken: record.refreshToken,
      expiresIn: accessTokenTtlSeconds,
      createdAt: Math.floor(clock.now() / 1000),
      grant: record.grant,
    };
  }

  return {
    client: (clientId) => byClient.get(clientId),
    issueCode(grant, redirectUri) {
      const code = token();
      codes.set(code, { grant, redirectUri, expiresAt: clock.now() + codeTtlSeconds * 1000 });
      return code;
    },
    redeemCode(code, clientId, redirectUri) {
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry || entry.expiresAt <= clock.now()) return null;
      if (entry.grant.clientId !== clientId || entry.redirectUri !== redirectUri) return null;
      return entry.grant;
    },
    issue: (grant) => toIssued(issueRecord(grant, null)),
    refresh(refreshToken, clientId) {
      const record = byRefresh.get(refreshToken);
      if (!record || record.revoked || record.grant.clientId !== clientId) return null;
      if (refreshRevocation === 'on-refresh') {
        retire(record);
        return toIssued(issueRecord(record.grant, null));
      }
      return toIssued(issueRecord(record.grant, record));
    },
    access(accessToken) {
      const record = byAccess.get(accessToken);
      if (!record) return undefined;
      if (record.revoked) return 'revoked';
      if (record.expiresAt <= clock.now()) return 'expired';
      if (record.previous) {
        retire(record.previous);
        record.previous = null;
      }
      return record.grant;
    },
  };
}
