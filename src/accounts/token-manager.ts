/**
 * Keeps one OAuth connection's access token fresh without anyone noticing: it refreshes a safety
 * margin before expiry, once per account however many calls ask at the same time (single
 * flight), and stores a rotated refresh token before the new access token is used, so a crash
 * can never leave the only valid refresh token in memory. A refresh refused with invalid_grant
 * marks the account NEEDS_REAUTH. Between calls it keeps the tokens sealed: each call opens them.
 */
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId } from '../core/ids.js';
import { needsReauthError, OAuthGrantError } from './oauth-errors.js';
import type { OAuthTokens } from './types.js';

/** Stored tokens, still sealed: what may be known of them without opening them, and a way in. */
export interface SealedTokens {
  /** The stored secrets' version, for compare-and-set. */
  readonly version: number;
  /** When the access token expires (epoch ms); not a secret. */
  readonly expiresAt: number;
  /** Opens (decrypts) the tokens for one use; the result is not kept. */
  open(): OAuthTokens;
}

export interface TokenManagerOptions {
  readonly accountId: AccountId;
  /** The tokens as stored now (another process may have refreshed them). */
  readonly read: () => Promise<SealedTokens | null>;
  /** Stores refreshed tokens if still at `version`; resolves null when another writer won. */
  readonly save: (tokens: OAuthTokens, version: number) => Promise<SealedTokens | null>;
  /** Calls the provider's token endpoint; throws OAuthGrantError for an RFC 6749 refusal. */
  readonly refresh: (previous: OAuthTokens & { refreshToken: string }) => Promise<OAuthTokens>;
  /** Called once when the connection is beyond saving (invalid_grant, no refresh token). */
  readonly onReauthNeeded: (reason: string) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
  /**
   * Refresh this long before expiry, so no call leaves with a token that dies on the way.
   * @default 300_000 (five minutes, as BambooHR's own SDK)
   */
  readonly marginMs?: number;
}

export interface TokenManager {
  /** A usable access token, refreshed first when needed. */
  accessToken(): Promise<string>;
  /**
   * The provider refused the current token (a 401): the next call refreshes first. A second
   * refusal with no success between means the grant itself is gone: NEEDS_REAUTH.
   */
  rejected(): void;
  /** The provider accepted a call: the connection works. */
  accepted(): void;
  /** The stored tokens changed (a new connection): forget the ones in memory. */
  forget(): void;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { accountId, read, save, refresh, onReauthNeeded, now = Date.now } = options;
  const marginMs = options.marginMs ?? 300_000;
  let current: SealedTokens | null = null;
  let stale = false;
  let rejections = 0;
  let inflight: Promise<string> | null = null;

  const fresh = (t: SealedTokens | null): t is SealedTokens =>
    t !== null && t.expiresAt - now() > marginMs;

  async function reauth(reason: string): Promise<never> {
    current = null;
    await onReauthNeeded(reason);
    throw needsReauthError(accountId, reason);
  }

  async function renew(): Promise<string> {
    // Another process (the CLI, a replica, the OAuth callback) may have stored newer tokens.
    const stored = await read();
    if (!stored) return reauth('it was never connected');
    if (rejections >= 2) {
      rejections = 0;
      return reauth('the provider refused a freshly refreshed access token');
    }
    if (!stale || stored.version !== current?.version) {
      current = stored;
      if (fresh(stored)) {
        stale = false;
        return stored.open().accessToken;
      }
    }
    const opened = stored.open();
    const { refreshToken, accessToken, expiresAt } = opened;
    if (!refreshToken) {
      if (!stale && expiresAt > now()) return accessToken;
      return reauth('the access token expired and the grant had no refresh token (offline_access)');
    }
    let tokens: OAuthTokens;
    try {
      tokens = await refresh({ ...opened, refreshToken });
    } catch (error) {
      if (error instanceof OAuthGrantError && error.code === 'invalid_grant') {
        return reauth('the provider refused the refresh token (invalid_grant)');
      }
      // A passing failure: the token in hand still works until it expires.
      if (!stale && expiresAt > now()) return accessToken;
      throw hrError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `Could not refresh the access token of account ${accountId}${error instanceof OAuthGrantError ? ` (${error.code})` : ''}.`,
        { accountId },
      );
    }
    // Stored before it is used: with rotation, the old refresh token is already spent.
    current = (await save(tokens, stored.version)) ?? (await read());
    if (!current) return reauth('it was removed while refreshing');
    stale = false;
    return current.open().accessToken;
  }

  return {
    accessToken() {
      if (!stale && fresh(current)) return Promise.resolve(current.open().accessToken);
      inflight ??= renew().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    rejected() {
      stale = true;
      rejections++;
    },
    accepted() {
      rejections = 0;
    },
    forget() {
      current = null;
      stale = false;
      rejections = 0;
    },
  };
}
