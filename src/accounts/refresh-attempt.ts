/**
 * One refresh of an OAuth grant, made survivable where the protocol allows.
 *
 * A provider that rotates refresh tokens (Gusto always; BambooHR's docs do not say, and its
 * sandbox does) spends the old one as it answers. If that answer is lost (hrgraph dies, the
 * connection is cut, the body is truncated or malformed) the new refresh token existed only in
 * it. So:
 *
 * - the attempt is written ahead in the store before the request leaves, and cleared when its
 *   answer is stored: at the next refresh, in this process or after a restart, a record still
 *   there says an answer was lost and when. The write-ahead is also the last check before the
 *   request leaves: when it finds the tokens changed or the refresh claimed by another process
 *   (refresh-lock.ts), nothing is sent;
 * - an answer lost on the way is retried at once with the same refresh token: that works when
 *   the request never reached the provider, or when the provider does not rotate (or accepts a
 *   just-rotated token again for a while), and costs nothing when it does;
 * - only after that is `invalid_grant` taken as final, and then said precisely.
 */
import { OAuthGrantError } from '../providers/auth/oauth.js';
import type { OAuthTokens } from './types.js';

export type RefreshOutcome =
  | { readonly kind: 'refreshed'; readonly tokens: OAuthTokens }
  /** `invalid_grant`; `lostSince` when an earlier answer for this refresh token never arrived. */
  | { readonly kind: 'refused'; readonly lostSince: number | null }
  /** Anything else: the provider or the way to it failed; the grant may still be good. */
  | { readonly kind: 'failed'; readonly error: unknown }
  /** The write-ahead was refused (the tokens changed, the claim was lost): nothing was sent. */
  | { readonly kind: 'superseded' };

export interface RefreshAttempt {
  readonly previous: OAuthTokens & { readonly refreshToken: string };
  /** The write-ahead record found in the store for these tokens (epoch ms), if any. */
  readonly startedBefore: number | null;
  /**
   * Records, before it is sent, that a refresh started at `at`; false when the store refused
   * (the tokens changed, or another process holds the refresh now).
   */
  readonly writeAhead: (at: number) => Promise<boolean>;
  readonly refresh: (previous: OAuthTokens & { refreshToken: string }) => Promise<OAuthTokens>;
  readonly now: () => number;
  /** Tries in all, the first included. @default 2 */
  readonly attempts?: number;
}

/**
 * An RFC 6749 §5.2 answer the provider really gave. `invalid_response` is hrgraph's name for a
 * body it could not read (truncated, malformed, not JSON): an answer lost, not a refusal.
 */
function refusal(error: unknown): error is OAuthGrantError {
  return error instanceof OAuthGrantError && error.code !== 'invalid_response';
}

export async function attemptRefresh(attempt: RefreshAttempt): Promise<RefreshOutcome> {
  const { previous, writeAhead, refresh, now, attempts = 2 } = attempt;
  let lostSince = attempt.startedBefore;
  let lastError: unknown;
  for (let tried = 0; tried < attempts; tried++) {
    const at = now();
    // A record already there keeps the time of the first answer lost.
    if (tried === 0 && !(await writeAhead(lostSince ?? at))) return { kind: 'superseded' };
    try {
      return { kind: 'refreshed', tokens: await refresh(previous) };
    } catch (error) {
      if (refusal(error)) {
        return error.code === 'invalid_grant'
          ? { kind: 'refused', lostSince }
          : { kind: 'failed', error };
      }
      lastError = error;
      lostSince ??= at;
    }
  }
  return { kind: 'failed', error: lastError };
}
