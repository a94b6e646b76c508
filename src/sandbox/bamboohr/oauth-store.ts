/**
 * OAuth 2.0 state: registered clients, authorization codes, access and refresh tokens, all timed
 * by the injectable clock. Rotation of refresh tokens is on by default (the reference found no
 * statement either way, §1.3; rotating is the stricter reading a client must cope with).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from './env.js';

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs allowed. */
  readonly redirectUris: readonly string[];
}

export interface OAuthOptions {
  /** @default 3600 */
  accessTokenTtlSeconds?: number;
  /** @default 600 */
  codeTtlSeconds?: number;
  /** Null: refresh tokens never expire. @default null */
  refreshTokenTtlSeconds?: number | null;
  /** Each refresh returns a new refresh token and retires the old one. @default true */
  rotateRefreshTokens?: boolean;
}

export interface Grant {
  readonly domain: string;
  readonly clientId: string;
  readonly employeeId: number;
  readonly scopes: readonly string[];
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
  grant: Grant;
}

export type OAuthFailure = 'invalid_grant' | 'invalid_client';

export interface OAuthStore {
  registerClient(client: OAuthClient): OAuthClient;
  client(clientId: string): OAuthClient | undefined;
  issueCode(grant: Grant, redirectUri: string): string;
  /** Codes are single-use: a second redemption fails. */
  redeemCode(code: string, clientId: string, redirectUri: string | undefined): Grant | OAuthFailure;
  issueTokens(grant: Grant): IssuedTokens;
  refresh(
    refreshToken: string,
    clientId: string,
    scopes?: readonly string[],
  ): IssuedTokens | OAuthFailure;
  /** The grant behind a live access token; 'expired' once past its lifetime. */
  accessToken(token: string): Grant | 'expired' | undefined;
  idToken(grant: Grant, issuer: string): string;
}

interface Timed<T> {
  value: T;
  expiresAt: number;
}

export function createOAuthStore(clock: Clock, options: OAuthOptions = {}): OAuthStore {
  const {
    accessTokenTtlSeconds = 3600,
    codeTtlSeconds = 600,
    refreshTokenTtlSeconds = null,
    rotateRefreshTokens = true,
  } = options;
  const clients = new Map<string, OAuthClient>();
  const codes = new Map<string, Timed<Grant & { redirectUri: string }>>();
  const access = new Map<string, Timed<Grant>>();
  const refreshTokens = new Map<string, Timed<Grant>>();

  function token(): string {
    return randomBytes(24).toString('base64url');
  }

  function prune(map: Map<string, Timed<unknown>>): void {
    // Keep memory bounded in long benchmark runs without a timer.
    if (map.size < 10_000) return;
    const now = clock.now();
    for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
  }

  function issueTokens(grant: Grant): IssuedTokens {
    prune(access);
    const now = clock.now();
    const accessToken = token();
    access.set(accessToken, { value: grant, expiresAt: now + accessTokenTtlSeconds * 1000 });
    let refreshToken: string | null = null;
    if (grant.scopes.includes('offline_access')) {
      refreshToken = token();
      const expiresAt =
        refreshTokenTtlSeconds === null
          ? Number.POSITIVE_INFINITY
          : now + refreshTokenTtlSeconds * 1000;
      refreshTokens.set(refreshToken, { value: grant, expiresAt });
    }
    return { accessToken, refreshToken, expiresIn: accessTokenTtlSeconds, grant };
  }

  return {
    registerClient(client) {
      clients.set(client.clientId, client);
      return client;
    },
    client: (clientId) => clients.get(clientId),
    issueCode(grant, redirectUri) {
      prune(codes);
      const code = token();
      codes.set(code, {
        value: { ...grant, redirectUri },
        expiresAt: clock.now() + codeTtlSeconds * 1000,
      });
      return code;
    },
    redeemCode(code, clientId, redirectUri) {
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry || entry.expiresAt <= clock.now()) return 'invalid_grant';
      const { redirectUri: expected, ...grant } = entry.value;
      if (grant.clientId !== clientId) return 'invalid_grant';
      if (redirectUri !== undefined && redirectUri !== expected) return 'invalid_grant';
      return grant;
    },
    issueTokens,
    refresh(refreshToken, clientId, scopes) {
      const entry = refreshTokens.get(refreshToken);
      if (!entry || entry.expiresAt <= clock.now()) return 'invalid_grant';
      if (entry.value.clientId !== clientId) return 'invalid_grant';
      const granted = entry.value.scopes;
      if (scopes && !scopes.every((scope) => granted.includes(scope))) return 'invalid_grant';
      const grant = scopes
        ? { ...entry.value, scopes: [...scopes, 'offline_access'] }
        : entry.value;
      const issued = issueTokens({ ...grant, scopes: unique(grant.scopes) });
      if (rotateRefreshTokens) refreshTokens.delete(refreshToken);
      else if (issued.refreshToken) {
        // Without rotation the client keeps its refresh token; do not mint a second one.
        refreshTokens.delete(issued.refreshToken);
        issued.refreshToken = refreshToken;
      }
      return issued;
    },
    accessToken(accessToken) {
      const entry = access.get(accessToken);
      if (!entry) return undefined;
      return entry.expiresAt <= clock.now() ? 'expired' : entry.value;
    },
    idToken(grant, issuer) {
      const client = clients.get(grant.clientId);
      const now = Math.floor(clock.now() / 1000);
      const header = encode({ alg: 'HS256', typ: 'JWT' });
      const payload = encode({
        iss: issuer,
        sub: String(grant.employeeId),
        aud: grant.clientId,
        iat: now,
        exp: now + accessTokenTtlSeconds,
        companyDomain: grant.domain,
      });
      const signature = createHmac('sha256', client?.clientSecret ?? '')
        .update(`${header}.${payload}`)
        .digest('base64url');
      return `${header}.${payload}.${signature}`;
    },
  };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
