/**
 * Keeps one OAuth connection's access token fresh without anyone noticing: it refreshes a safety
 * margin before expiry, once per account however many calls ask at the same time (single
 * flight) and once across the processes sharing the store (refresh-lock.ts: the others wait for
 * the tokens it stores), writes each refresh ahead and stores a rotated refresh token before the
 * new access token is used (refresh-attempt.ts: what survives a lost answer, and what cannot).
 * A refresh refused with invalid_grant marks the account NEEDS_REAUTH, saying why and how to
 * reconnect.
 * Between calls it keeps the tokens sealed: each call opens them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId } from '../core/ids.js';
import { needsReauthError, OAuthGrantError, refusedRefreshReason } from './oauth-errors.js';
import { attemptRefresh, type RefreshOutcome } from './refresh-attempt.js';
import { inProcessRefreshLock, type RefreshLock } from './refresh-lock.js';
import type { OAuthTokens } from './types.js';

/** Stored tokens, still sealed: what may be known of them without opening them, and a way in. */
export interface SealedTokens {
  /** The stored secrets' version, for compare-and-set. */
  readonly version: number;
  /** When the access token expires (epoch ms); not a secret. */
  readonly expiresAt: number;
  /** A refresh of these tokens that started and whose answer was never stored (write-ahead). */
  readonly refreshStartedAt: number | null;
  /** Opens (decrypts) the tokens for one use; the result is not kept. */
  open(): OAuthTokens;
}

export interface TokenManagerOptions {
  readonly accountId: AccountId;
  /** The tokens as stored now (another process may have refreshed them). */
  readonly read: () => Promise<SealedTokens | null>;
  /** Stores refreshed tokens if still at `version`; resolves null when another writer won. */
  readonly save: (tokens: OAuthTokens, version: number) => Promise<SealedTokens | null>;
  /**
   * Records, before a refresh is sent, that one with the tokens of `version` started `at`, while
   * the claim `fence` (when not null) still holds; false when nothing was written.
   */
  readonly beginRefresh: (version: number, at: number, fence: string | null) => Promise<boolean>;
  /** Who refreshes when several processes share the store. @default this process alone */
  readonly lock?: RefreshLock;
  /**
   * How long a call waits for another process's refresh before it fails with
   * UPSTREAM_UNAVAILABLE, when the token in hand has expired. @default 30_000
   */
  readonly lockWaitMs?: number;
  /** How often a waiting call looks at the store again. @default 100 */
  readonly lockPollMs?: number;
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

/** What a 401 meant: the call went out with an older token (send it again), or the current one was refused. */
export type RefusalVerdict = 'retry' | 'refused';

export interface TokenManager {
  /** A usable access token, refreshed first when needed. */
  accessToken(): Promise<string>;
  /**
   * The provider answered 401 to a call sent with `sentWith`. A token older than the current one
   * (a refresh replaced it while the call was out; Gusto revokes it as it refreshes) is no
   * evidence against the current one: 'retry', and nothing is counted. A refresh still in flight
   * is waited for first, since it may be what revoked the token. Otherwise the current token was
   * refused: the next call refreshes first, and a refusal of a token refreshed because of a
   * refusal, with no success between, means the grant itself is gone: NEEDS_REAUTH.
   */
  rejected(sentWith: string): Promise<RefusalVerdict>;
  /** The provider accepted a call: the connection works. */
  accepted(): void;
  /** The stored tokens changed (a new connection): forget the ones in memory. */
  forget(): void;
}

/** Compared by digest, in constant time: the tokens' lengths and contents stay unobservable. */
function sameToken(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { accountId, read, save, beginRefresh, refresh, onReauthNeeded, now = Date.now } = options;
  const { lock = inProcessRefreshLock, lockWaitMs = 30_000, lockPollMs = 100 } = options;
  const marginMs = options.marginMs ?? 300_000;
  let current: SealedTokens | null = null;
  let stale = false;
  /** Distinct token versions refused since the last accepted call. */
  let rejections = 0;
  /** The version whose refusal was counted: many 401s for one token are one piece of evidence. */
  let refusedVersion: number | null = null;
  let inflight: Promise<string> | null = null;

  const fresh = (t: SealedTokens | null): t is SealedTokens =>
    t !== null && t.expiresAt - now() > marginMs;

  async function reauth(reason: string): Promise<never> {
    current = null;
    await onReauthNeeded(reason);
    throw needsReauthError(accountId, reason);
  }

  async function renew(): Promise<string> {
    // Real time, not `now`: this bounds how long a caller waits, whatever the clock says.
    const giveUpAt = performance.now() + lockWaitMs;
    for (;;) {
      const token = await renewOnce();
      if (token !== null) return token;
      if (performance.now() >= giveUpAt) {
        throw hrError(
          ErrorCode.UPSTREAM_UNAVAILABLE,
          `Another process is still refreshing the access token of account ${accountId}; try again.`,
          { accountId },
        );
      }
      await delay(lockPollMs);
    }
  }

  /** A usable token, or null while another process refreshes (look again shortly). */
  async function renewOnce(): Promise<string | null> {
    // Another process (the CLI, a worker, the OAuth callback) may have stored newer tokens.
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
    /** The token in hand, while it has not expired (nor been refused). */
    const inHand = () => (!stale && expiresAt > now() ? accessToken : null);
    if (!refreshToken) {
      if (inHand()) return accessToken;
      return reauth('the access token expired and the grant had no refresh token (offline_access)');
    }
    const claim = await lock.claim(stored.version);
    // Another process is refreshing these tokens: the one in hand serves until it expires.
    if (!claim) return inHand();
    try {
      const outcome = await attemptRefresh({
        previous: { ...opened, refreshToken },
        startedBefore: stored.refreshStartedAt,
        writeAhead: (at) => beginRefresh(stored.version, at, claim.fence),
        refresh,
        now,
      });
      if (outcome.kind === 'superseded') return null;
      return await settle(stored, outcome, inHand);
    } finally {
      // A release that fails (the store closing) leaves a lease that ends by itself.
      await claim.release().catch(() => {});
    }
  }

  async function settle(
    stored: SealedTokens,
    outcome: Exclude<RefreshOutcome, { kind: 'superseded' }>,
    inHand: () => string | null,
  ): Promise<string> {
    if (outcome.kind === 'refused') {
      // Another writer (a replica, the callback) may have spent it and stored what it got.
      const latest = await read();
      if (latest && latest.version !== stored.version) {
        current = latest;
        stale = false;
        return latest.open().accessToken;
      }
      return reauth(refusedRefreshReason(accountId, outcome.lostSince));
    }
    if (outcome.kind === 'failed') {
      const { error } = outcome;
      // A passing failure: the token in hand still works until it expires.
      const usable = inHand();
      if (usable !== null) return usable;
      throw hrError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `Could not refresh the access token of account ${accountId}${error instanceof OAuthGrantError ? ` (${error.code})` : ''}.`,
        { accountId },
      );
    }
    const { tokens } = outcome;
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
    async rejected(sentWith) {
      await inflight?.catch(() => {});
      const now = current;
      if (!now || !sameToken(now.open().accessToken, sentWith)) return 'retry';
      if (refusedVersion !== now.version) {
        refusedVersion = now.version;
        rejections++;
      }
      stale = true;
      return 'refused';
    },
    accepted() {
      rejections = 0;
    },
    forget() {
      current = null;
      stale = false;
      rejections = 0;
      refusedVersion = null;
    },
  };
}
